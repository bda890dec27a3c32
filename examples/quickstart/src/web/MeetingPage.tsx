import { useRef } from 'react';
import { MeetingRoom } from '@mentara/meetings';
import { startDemoSession } from './api';

const NAME_KEY = 'mentara-quickstart:display-name';

/**
 * `/meeting/:meetingId`: the library's own `<MeetingRoom/>` from the first screen on — its
 * pre-join (camera preview, microphone meter, devices, name), then the call. Pressing Join asks
 * the demo API for a token for that name; the client reads it through `getToken`.
 * `?relay=1` turns on relay-only mode (all media through TURN, IP addresses hidden).
 * `?host=<key>` (the therapist's link) joins as the host: they let the client in from the waiting
 * room, can remove someone, lock the session and end it for everyone. Without it the person waits
 * in the waiting room until the host lets them in.
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  // Undefined against the standalone server in development mode: it admits without a token.
  const token = useRef<string | undefined>(undefined);
  const savedName = window.sessionStorage.getItem(NAME_KEY) ?? undefined;
  const query = new URLSearchParams(window.location.search);
  const relayOnly = query.get('relay') === '1';
  const hostKey = query.get('host') ?? undefined;

  return (
    <div className="qs-meeting">
      <MeetingRoom
        serverUrl={window.location.origin}
        meetingId={meetingId}
        displayName={savedName}
        onJoin={async ({ displayName }) => {
          const session = await startDemoSession(meetingId, displayName, hostKey);
          token.current = session?.token;
          window.sessionStorage.setItem(NAME_KEY, displayName);
        }}
        clientOptions={{ relayOnly, getToken: () => token.current }}
        inviteUrl={`${window.location.origin}/meeting/${encodeURIComponent(meetingId)}`}
        homeHref="/"
        knockSound={hostKey !== undefined}
      />
    </div>
  );
}
