import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SessionMeeting, type SessionScenario } from '../stories/session-scenarios';
import { HostRequestNotice } from './host-request-notice';

const meta = {
  title: 'Session/HostRequestNotice',
  render: ({ scenario }) => (
    <SessionMeeting scenario={scenario}>
      <HostRequestNotice />
    </SessionMeeting>
  ),
  args: { scenario: { people: [{ name: 'Therapist', role: 'host' }], then: (client) => client.simulate.requestMute('microphone', 'Therapist') } },
} satisfies Meta<{ scenario: SessionScenario }>;

export default meta;
type Story = StoryObj<typeof meta>;

export const MicrophoneMuted: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('.mm-notice')).not.toBeNull());
    await expect(canvasElement.querySelector('.mm-notice')).toHaveTextContent('Therapist muted your microphone. You can unmute when you’re ready.');
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('Therapist muted your microphone.'));
  },
};

export const Unmuted: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Unmute' }));
    await waitFor(() => expect(canvasElement.querySelector('.mm-notice')).toBeNull());
  },
};

export const CameraTurnedOff: Story = {
  args: { scenario: { people: [{ name: 'Therapist', role: 'host' }], then: (client) => client.simulate.requestMute('camera', 'Therapist') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Turn camera on' })).toBeVisible();
    await expect(canvasElement.querySelector('.mm-notice')).toHaveTextContent('Therapist turned off your camera. You can turn it back on when you’re ready.');
  },
};

export const Dismissed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(canvasElement.querySelector('.mm-notice')).toBeNull());
  },
};
