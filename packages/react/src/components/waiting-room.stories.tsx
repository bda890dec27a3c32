import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { SimulatedClient } from '@mentara/meetings-core/testing';
import { useMeetingClient } from '../context/meeting-context';
import { SessionMeeting, type SessionScenario } from '../stories/session-scenarios';
import { BackgroundEffectPicker } from './background-effect-picker';
import { NoiseSuppressionToggle } from './noise-suppression-toggle';
import { WaitingRoom } from './waiting-room';

interface Args {
  scenario: SessionScenario;
  onLeave: () => void;
  onRetry: () => void;
}

/** What the host does, from the waiting person's side (buttons under the story). */
function HostScript() {
  const { simulate } = useMeetingClient() as SimulatedClient;
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'center', marginTop: 16 }}>
      <button type="button" className="mm-button" onClick={() => simulate.updateMeeting({ hostPresent: true })}>
        Host arrives
      </button>
      <button type="button" className="mm-button" onClick={() => simulate.admit()}>
        Host lets you in
      </button>
      <button type="button" className="mm-button" onClick={() => simulate.deny()}>
        Host denies
      </button>
    </div>
  );
}

/** Minutes from now to hour:minute today (the schedule shows the viewer's time zone). */
const today = (hour: number, minute: number) => {
  const d = new Date();
  d.setHours(hour, minute, 0, 0);
  return (d.getTime() - Date.now()) / 60_000;
};

const meta = {
  title: 'Session/WaitingRoom',
  render: ({ scenario, onLeave, onRetry }) => (
    <SessionMeeting scenario={scenario}>
      <WaitingRoom onLeave={onLeave} onRetry={onRetry} />
      {scenario.waitingRoom ? <HostScript /> : null}
    </SessionMeeting>
  ),
  args: {
    // A session that started at the top of this hour and is still on, whatever the time of day.
    scenario: { waitingRoom: true, startsInMinutes: today(new Date().getHours(), 0), endsInMinutes: today(new Date().getHours(), 0) + 110 },
    onLeave: fn(),
    onRetry: fn(),
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Waiting: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'Your host will let you in soon' });
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Stop camera' })).toHaveAttribute('aria-pressed', 'true'));
    // The fake microphone plays a tone: the level moves before anyone can hear it.
    const meter = within(region).getByRole('meter', { name: 'Microphone level' });
    await waitFor(() => expect(Number(meter.getAttribute('aria-valuenow'))).toBeGreaterThan(0), { timeout: 5000 });
  },
};

export const LeaveWhileWaiting: Story = {
  play: async ({ canvasElement, args }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Your host will let you in soon' });
    await userEvent.click(within(region).getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(args.onLeave).toHaveBeenCalled());
  },
};

export const WaitingForHost: Story = {
  args: { scenario: { waitingRoom: true, hostPresent: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'Waiting for your host to join' });
    await expect(region).toHaveAttribute('data-host', 'absent');
  },
};

export const HostArrives: Story = {
  args: { scenario: { waitingRoom: true, hostPresent: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('region', { name: 'Waiting for your host to join' });
    await userEvent.click(canvas.getByRole('button', { name: 'Host arrives' }));
    await expect(await canvas.findByRole('heading', { name: 'Your host will let you in soon' })).toBeVisible();
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('Your host has joined and will let you in soon'));
  },
};

export const LetIn: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('region', { name: 'Your host will let you in soon' });
    await userEvent.click(canvas.getByRole('button', { name: 'Host lets you in' }));
    await waitFor(() => expect(canvas.queryByRole('region')).toBeNull());
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('The host let you in'));
  },
};

export const NotStartedYet: Story = {
  args: { scenario: { joinError: { code: 'meeting-not-started', startsAt: Date.now() + 40 * 60_000, retryAfterMs: 30 * 60_000 } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'This session has not started yet' });
    await expect(within(region).getByText(/^It is scheduled for /)).toBeVisible();
    await expect(within(region).getByText(/^You can join in (30:00|29:5\d)\.$/)).toBeVisible();
    await userEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

export const NotStartedOpensNow: Story = {
  args: { scenario: { joinError: { code: 'meeting-not-started', startsAt: Date.now() + 10 * 60_000, retryAfterMs: 1_500 } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'This session has not started yet' });
    // Joining opens: it tries again by itself, once.
    await waitFor(() => expect(args.onRetry).toHaveBeenCalledTimes(1), { timeout: 5000 });
    await expect(within(region).getByText('You can join now.')).toBeVisible();
  },
};

export const Denied: Story = {
  args: { scenario: { waitingRoom: true, then: (client) => client.simulate.deny() } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'The host did not let you in' });
    await expect(within(region).queryByRole('button', { name: 'Try again' })).toBeNull();
    await userEvent.click(within(region).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(args.onLeave).toHaveBeenCalled());
  },
};

export const Removed: Story = {
  args: { scenario: { then: (client) => client.simulate.remove() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'You were removed from this session' });
    // No way back in is offered.
    await expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
  },
};

export const Locked: Story = {
  args: { scenario: { joinError: 'meeting-locked' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'This session is locked' });
    await userEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** The waiting room with the home-media settings: the preview shows the background chosen. */
export const WithBackgroundAndNoiseSettings: Story = {
  render: ({ scenario, onLeave }) => (
    <SessionMeeting scenario={scenario}>
      <WaitingRoom onLeave={onLeave}>
        <BackgroundEffectPicker assetsUrl="/mentara-effects/" storageKey="story:waiting-room:background" />
        <NoiseSuppressionToggle assetsUrl="/mentara-effects/" storageKey="story:waiting-room:noise" />
      </WaitingRoom>
    </SessionMeeting>
  ),
  beforeEach: () => {
    localStorage.removeItem('story:waiting-room:background');
    localStorage.removeItem('story:waiting-room:noise');
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'Your host will let you in soon' });
    const blur = await within(region).findByRole('radio', { name: 'Blur' });
    await userEvent.click(blur);
    await waitFor(() => expect(region.querySelector('.mm-preview')).toHaveAttribute('data-processor', 'background'));
    await expect(blur).toBeChecked();
    await expect(await within(region).findByRole('switch', { name: 'Reduce background noise' })).toBeVisible();
  },
};
