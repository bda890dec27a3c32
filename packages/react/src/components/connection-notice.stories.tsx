import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { ConnectionNotice } from './connection-notice';
import { AudioOnlyToggle } from './audio-only-toggle';

/** The notice above the call, with the audio-only switch it goes with. */
const meta = {
  title: 'Components/ConnectionNotice',
  render: ({ scenario }) => (
    <Meeting scenario={scenario}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'flex-start' }}>
        <ConnectionNotice />
        <AudioOnlyToggle />
      </div>
    </Meeting>
  ),
  args: { scenario: { people: [{ name: 'Therapist' }] } },
} satisfies Meta<{ scenario: StoryScenario }>;

export default meta;
type Story = StoryObj<typeof meta>;

const notice = (canvasElement: HTMLElement) => within(canvasElement).getByRole('status');

/** All is well: the live region is there, silent and taking no room. */
export const Good: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(notice(canvasElement)).toHaveAttribute('data-state', 'none'));
    await expect(notice(canvasElement)).toHaveTextContent('');
  },
};

/** Our link is weak: video was lowered, and may pause. */
export const WeakLink: Story = {
  args: { scenario: { people: [{ name: 'Therapist' }], sendingVideo: { level: 'low', reason: 'network' } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(notice(canvasElement)).toHaveAttribute('data-state', 'weak-self'));
    await expect(notice(canvasElement)).toHaveTextContent('Your connection is weak — video may pause to keep the sound clear.');
  },
};

/** Our link could not carry video: it is paused so the audio stays clear. */
export const VideoPausedToProtectAudio: Story = {
  args: { scenario: { people: [{ name: 'Therapist' }], sendingVideo: { level: 'paused', reason: 'network' } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(notice(canvasElement)).toHaveAttribute('data-video', 'paused'));
    await expect(notice(canvasElement)).toHaveTextContent('Your connection is weak — your video is paused to keep the sound clear.');
  },
};

/** The other person's link is weak: their video is paused, and we are told whose. */
export const TheirVideoPaused: Story = {
  args: { scenario: { people: [{ name: 'Therapist', receiving: { level: 'paused', reason: 'network' } }] } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(notice(canvasElement)).toHaveAttribute('data-state', 'weak-remote'));
    await expect(notice(canvasElement)).toHaveTextContent('Therapist’s connection is weak — their video is paused to keep the sound clear.');
  },
};

/** Several weak links in a group session: one sentence, no list of names. */
export const SeveralWeakLinks: Story = {
  args: {
    scenario: {
      people: [
        { name: 'Therapist', receiving: { level: 'low', reason: 'network' } },
        { name: 'Interpreter', receiving: { level: 'paused', reason: 'network' } },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(notice(canvasElement)).toHaveTextContent('Some connections are weak — video may pause to keep the sound clear.'));
  },
};

/** Audio only by choice is not a weak link: no notice, the switch shows it is on. */
export const AudioOnlyByChoice: Story = {
  args: { scenario: { people: [{ name: 'Therapist' }], audioOnly: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Turn video back on' })).toHaveAttribute('aria-pressed', 'true'));
    await expect(notice(canvasElement)).toHaveAttribute('data-state', 'none');
  },
};

/** The connection to the other person lost its path and is being restarted (ICE restart on the same connection). */
export const ReconnectingPeer: Story = {
  args: { scenario: { people: [{ name: 'Therapist', peerState: 'reconnecting' }], sendingVideo: { level: 'paused', reason: 'network' } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(notice(canvasElement)).toHaveAttribute('data-state', 'reconnecting'));
    await expect(notice(canvasElement)).toHaveTextContent('Reconnecting…');
  },
};

/** The meeting's own connection dropped. */
export const ReconnectingMeeting: Story = {
  args: { scenario: { people: [{ name: 'Therapist' }], connection: 'reconnecting' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(notice(canvasElement)).toHaveTextContent('Reconnecting…'));
  },
};
