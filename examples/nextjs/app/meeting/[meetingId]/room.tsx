'use client';
import { useRouter } from 'next/navigation';
import { MeetingRoom, iceServersFromEnv } from '@mentara/meetings';

const apiUrl = process.env.NEXT_PUBLIC_API_URL ?? 'http://127.0.0.1:3000/api';

/** The meeting room: pre-join screen, then the room. Runs in the browser; server-rendered first. */
export function Room({ meetingId, token }: { meetingId: string; token: string | null }) {
  const router = useRouter();
  return (
    <MeetingRoom
      serverUrl={new URL(apiUrl).origin}
      meetingId={meetingId}
      token={token ?? undefined}
      clientOptions={{
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
