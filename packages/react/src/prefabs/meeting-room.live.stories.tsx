import { useEffect, useRef, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { MeetingRoom } from './meeting-room';

/**
 * Live story against a running quickstart server — opt-in:
 * `npm start -w @mentara/example-quickstart`, then `STORYBOOK_LIVE_URL=http://127.0.0.1:3000 npm run storybook`.
 * The dev server proxies `/api` to it; the socket connects to it directly over WebSocket. The story creates a meeting (or joins
 * the `meeting` arg, e.g. `&args=meeting:ID` in a second tab); pressing Join fetches a demo token for
 * the typed name. The tab that created the meeting joins as its host (the host key of its host
 * link) and lets the second tab in from the waiting room.
 */
const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env ?? {};
const liveUrl = env.STORYBOOK_LIVE_URL;

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

function LiveRoom({ meeting }: { meeting: string }) {
  const [meetingId, setMeetingId] = useState<string | null>(meeting || env.STORYBOOK_LIVE_MEETING || null);
  const [error, setError] = useState<string | null>(null);
  const hostKey = useRef<string | null>(null);
  // The demo token carries the display name, so it is fetched when the person presses Join.
  const token = useRef<string | null>(null);
  useEffect(() => {
    if (meetingId) return;
    let active = true;
    post<{ meetingId: string; hostUrl?: string }>('/api/meetings', {}).then(
      (created) => {
        if (!active) return;
        hostKey.current = created.hostUrl ? new URL(created.hostUrl).searchParams.get('host') : null;
        setMeetingId(created.meetingId);
      },
      (reason: unknown) => active && setError(String(reason)),
    );
    return () => {
      active = false;
    };
  }, [meetingId]);
  if (error) return <p role="alert">Could not reach the quickstart server: {error}</p>;
  if (!meetingId) return <p>Preparing a live meeting…</p>;
  return (
    <div style={{ height: 'calc(100vh - 32px)' }}>
      <p>
        Meeting <code>{meetingId}</code> — set the <code>meeting</code> control to it in another tab to meet yourself.
      </p>
      <MeetingRoom
        serverUrl={liveUrl ?? ''}
        meetingId={meetingId}
        clientOptions={{
          getToken: () => token.current,
          // The socket goes straight to the server over WebSocket (no CORS); the ICE config is
          // fetched through the dev server's proxy.
          socketOptions: { transports: ['websocket'] },
          webrtcConfigUrl: '/api/meetings/webrtc-config',
        }}
        onJoin={async ({ displayName }) => {
          token.current = (await post<{ token: string }>('/api/demo/session', { meetingId, displayName, hostKey: hostKey.current })).token;
        }}
      />
    </div>
  );
}

const meta = {
  title: 'Prefabs/MeetingRoom (live)',
  // Needs a running server: not part of the story tests.
  tags: ['!test'],
  args: { meeting: '' },
} satisfies Meta<{ meeting: string }>;

export default meta;

export const Live: StoryObj<{ meeting: string }> = {
  render: ({ meeting }) =>
    liveUrl ? (
      <LiveRoom meeting={meeting} />
    ) : (
      <p>
        Start the quickstart server (<code>npm start -w @mentara/example-quickstart</code>), then run Storybook with{' '}
        <code>STORYBOOK_LIVE_URL=http://127.0.0.1:3000 npm run storybook</code> to try a real meeting here.
      </p>
    ),
};
