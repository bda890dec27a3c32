import type { Meta, StoryObj } from '@storybook/react-vite';
import { MeetingRoom } from './meeting-room';

/**
 * Live story against a running quickstart server. Opt-in: build or start Storybook with
 * `STORYBOOK_LIVE_URL=http://127.0.0.1:3000` (and `STORYBOOK_LIVE_TOKEN` when the server needs one).
 * Open it in two tabs to meet yourself.
 */
const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env ?? {};
const liveUrl = env.STORYBOOK_LIVE_URL;

const meta = {
  title: 'Prefabs/MeetingRoom (live)',
  component: MeetingRoom,
  tags: ['!test'],
  args: {
    serverUrl: liveUrl ?? '',
    meetingId: env.STORYBOOK_LIVE_MEETING ?? 'storybook-live',
    token: env.STORYBOOK_LIVE_TOKEN,
    displayName: 'Storybook',
  },
} satisfies Meta<typeof MeetingRoom>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Live: Story = {
  render: (args) =>
    liveUrl ? (
      <div style={{ height: 'calc(100vh - 32px)' }}>
        <MeetingRoom {...args} />
      </div>
    ) : (
      <p>
        Set <code>STORYBOOK_LIVE_URL</code> to a running quickstart server (for example
        <code> STORYBOOK_LIVE_URL=http://127.0.0.1:3000 npm run storybook</code>) to try a real meeting.
      </p>
    ),
};
