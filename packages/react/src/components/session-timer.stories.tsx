import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SessionMeeting, type SessionScenario } from '../stories/session-scenarios';
import { SessionTimer } from './session-timer';

const meta = {
  title: 'Session/SessionTimer',
  render: ({ scenario }) => (
    <SessionMeeting scenario={scenario}>
      <SessionTimer />
    </SessionMeeting>
  ),
  args: { scenario: { startedMinutesAgo: 12 } },
} satisfies Meta<{ scenario: SessionScenario }>;

export default meta;
type Story = StoryObj<typeof meta>;

const timerOf = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('.mm-timer')!;

export const Elapsed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('timer')).toHaveTextContent(/12:0\d$/));
    await expect(timerOf(canvasElement)).toHaveAttribute('data-mode', 'elapsed');
    // It ticks.
    const before = canvas.getByRole('timer').textContent;
    await waitFor(() => expect(canvas.getByRole('timer').textContent).not.toBe(before), { timeout: 3000 });
  },
};

export const TimeLeft: Story = {
  args: { scenario: { endsInMinutes: 42 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('timer')).toHaveTextContent(/4[12]:\d\d left$/));
    await expect(timerOf(canvasElement)).toHaveAttribute('data-state', 'running');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const EndingSoon: Story = {
  args: { scenario: { endsInMinutes: 4.5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(timerOf(canvasElement)).toHaveAttribute('data-state', 'ending-soon'));
    await expect(canvas.getByText('Ending soon')).toBeVisible();
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('The session ends in 5 minutes'));
  },
};

export const HostCanExtend: Story = {
  args: { scenario: { role: 'host', people: [{ name: 'Client' }], endsInMinutes: 4.5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const extend = await canvas.findByRole('button', { name: '+15 min' });
    await expect(extend).toHaveAttribute('title', 'Add 15 minutes to the session');
    await userEvent.click(extend);
    await waitFor(() => expect(timerOf(canvasElement)).toHaveAttribute('data-state', 'running'));
    await expect(canvas.getByRole('timer')).toHaveTextContent(/19:\d\d left$/);
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent(/^The session now ends at /));
  },
};

export const NotStarted: Story = {
  args: { scenario: { then: (client) => client.simulate.updateMeeting({ startedAt: undefined, status: 'waiting' }) } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(timerOf(canvasElement)).toHaveAttribute('data-state', 'idle'));
    await expect(within(canvasElement).getByRole('timer')).toHaveTextContent('Not started');
  },
};

export const Ended: Story = {
  args: { scenario: { endsInMinutes: 20, then: (client) => client.simulate.endMeeting() } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(timerOf(canvasElement)).toHaveAttribute('data-state', 'ended'));
    await expect(within(canvasElement).getByRole('timer')).toHaveTextContent('Ended');
  },
};
