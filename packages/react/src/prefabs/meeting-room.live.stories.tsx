import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { MeetingRoom } from './meeting-room';

/**
 * Live story against a running quickstart server — opt-in:
 * `npm start -w @mentara/example-quickstart`, then `STORYBOOK_LIVE_URL=http://127.0.0.1:3000 npm run storybook`.
 * The dev server proxies `/api` and `/socket.io` to it. The story creates a meeting (or joins
 * `STORYBOOK_LIVE_MEETING`) with a demo token; open it in two tabs to meet yourself.
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

function LiveRoom() {
  const [state, setState] = useState<{ meetingId: string; token: string } | { error: string } | null>(null);
  useEffect(() => {
    let active = true;
    (async () => {
      const meetingId =
        env.STORYBOOK_LIVE_MEETING ?? (await post<{ meetingId: string }>('/api/meetings', {})).meetingId;
      const { token } = await post<{ token: string }>('/api/demo/session', { meetingId });
      if (active) setState({ meetingId, token });
    })().catch((error: unknown) => active && setState({ error: String(error) }));
    return () => {
      active = false;
    };
  }, []);
  if (!state) return <p>Preparing a live meeting…</p>;
  if ('error' in state) return <p role="alert">Could not reach the quickstart server: {state.error}</p>;
  return (
    <div style={{ height: 'calc(100vh - 32px)' }}>
      <MeetingRoom serverUrl={window.location.origin} meetingId={state.meetingId} token={state.token} />
    </div>
  );
}

const meta = {
  title: 'Prefabs/MeetingRoom (live)',
  // Needs a running server: not part of the story tests.
  tags: ['!test'],
} satisfies Meta;

export default meta;

export const Live: StoryObj<typeof meta> = {
  render: () =>
    liveUrl ? (
      <LiveRoom />
    ) : (
      <p>
        Start the quickstart server (<code>npm start -w @mentara/example-quickstart</code>), then run Storybook with{' '}
        <code>STORYBOOK_LIVE_URL=http://127.0.0.1:3000 npm run storybook</code> to try a real meeting here.
      </p>
    ),
};
