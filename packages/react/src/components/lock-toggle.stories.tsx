import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SessionMeeting, type SessionScenario } from '../stories/session-scenarios';
import { LockToggle } from './lock-toggle';

const meta = {
  title: 'Session/LockToggle',
  render: ({ scenario }) => (
    <SessionMeeting scenario={scenario}>
      <LockToggle />
    </SessionMeeting>
  ),
  args: { scenario: { role: 'host', people: [{ name: 'Client' }] } },
} satisfies Meta<{ scenario: SessionScenario }>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unlocked: Story = {
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole('button', { name: 'Lock session' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(button).toHaveAttribute('data-state', 'unlocked');
  },
};

export const Locking: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Lock session' });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    await expect(button).toHaveAccessibleName('Unlock session');
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('The host locked the session'));
  },
};

export const Locked: Story = {
  args: { scenario: { role: 'host', locked: true, people: [{ name: 'Client' }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Unlock session' });
    await expect(button).toHaveAttribute('data-state', 'locked');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  },
};

export const Unlocking: Story = {
  args: { scenario: { role: 'host', locked: true, people: [{ name: 'Client' }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Unlock session' });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAccessibleName('Lock session'));
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('The host unlocked the session'));
  },
};

/** Not a host: nothing to press, but they hear that the session was locked. */
export const Participant: Story = {
  args: { scenario: { people: [{ name: 'Therapist', role: 'host' }], then: (client) => client.simulate.updateMeeting({ locked: true }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('The host locked the session'));
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};
