'use client';
import { useRef } from 'react';
import { useRouter } from 'next/navigation';
import { MeetingRoom, iceServersFromEnv } from '@mentara/meetings';

const apiUrl = process.env.NEXT_PUBLIC_API_URL ?? 'http://127.0.0.1:3000/api';

/**
 * A meeting token for the name typed on the pre-join screen. The quickstart server mints demo
 * tokens at `POST /api/demo/session` (proxied same-origin by next.config.mjs); a real app issues
 * its own after signing the user in, with the role (host or participant) it knows.
 */
async function demoToken(meetingId: string, displayName: string, hostKey: string | null): Promise<string> {
  const response = await fetch('/api/demo/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(hostKey ? { meetingId, displayName, hostKey } : { meetingId, displayName }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? 'The meeting server did not answer. Try again.');
  return body.token;
}

/** The meeting room: pre-join screen, then the room. Runs in the browser; server-rendered first. */
export function Room({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const token = useRef<string | undefined>(undefined);
  return (
    <MeetingRoom
      serverUrl={new URL(apiUrl).origin}
      meetingId={meetingId}
      onJoin={async ({ displayName }) => {
        // The host link's key (see start-meeting.tsx); read here, in the browser, at the click.
        const hostKey = new URLSearchParams(window.location.search).get('host');
        token.current = await demoToken(meetingId, displayName, hostKey);
      }}
      // The invite shown when you are alone: this page without the host key.
      inviteUrl={typeof window === 'undefined' ? undefined : `${window.location.origin}/meeting/${encodeURIComponent(meetingId)}`}
      clientOptions={{
        getToken: () => token.current,
        // Same-origin through the rewrite in next.config.mjs.
        webrtcConfigUrl: '/api/meetings/webrtc-config',
        socketOptions: { transports: ['websocket'] },
        iceServers: iceServersFromEnv({
          url: process.env.NEXT_PUBLIC_TURN_SERVER_URL,
          username: process.env.NEXT_PUBLIC_TURN_USERNAME,
          password: process.env.NEXT_PUBLIC_TURN_PASSWORD,
        }),
      }}
      onLeave={() => router.push('/')}
    />
  );
}
