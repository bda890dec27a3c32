import { useRef } from 'react';
import { MeetingRoom } from '@mentara/meetings';
import { startDemoSession } from './api';

const NAME_KEY = 'mentara-quickstart:display-name';

/**
 * `/meeting/:meetingId`: the library's own `<MeetingRoom/>` from the first screen on — its
 * pre-join (camera preview, microphone meter, devices, name), then the call. Pressing Join asks
 * the demo API for a token for that name; the client reads it through `getToken`.
 * `?relay=1` turns on relay-only mode (all media through TURN, IP addresses hidden).
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  // Undefined against the standalone server in development mode: it admits without a token.
  const token = useRef<string | undefined>(undefined);
  const savedName = window.sessionStorage.getItem(NAME_KEY) ?? undefined;
  const relayOnly = new URLSearchParams(window.location.search).get('relay') === '1';

  return (
    <div className="qs-meeting">
      <MeetingRoom
        serverUrl={window.location.origin}
        meetingId={meetingId}
        displayName={savedName}
        onJoin={async ({ displayName }) => {
          const session = await startDemoSession(meetingId, displayName);
          token.current = session?.token;
          window.sessionStorage.setItem(NAME_KEY, displayName);
        }}
        clientOptions={{ relayOnly, getToken: () => token.current }}
        inviteUrl={`${window.location.origin}/meeting/${encodeURIComponent(meetingId)}`}
        homeHref="/"
      />
    </div>
  );
}
