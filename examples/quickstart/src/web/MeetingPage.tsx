import { useState } from 'react';
import { MeetingRoom } from '@mentara/meetings';
import { startDemoSession } from './api';
import { PreJoin } from './PreJoin';

const NAME_KEY = 'mentara-quickstart:display-name';

/** Who joins: the demo token when the server mints one, otherwise just the name (anonymous server). */
interface JoinAs {
  token: string | undefined;
  displayName: string;
}

/**
 * `/meeting/:meetingId`: a display-name pre-join, then `<MeetingRoom/>`.
 * `?relay=1` turns on relay-only mode (all media through TURN, IP addresses hidden).
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const [session, setSession] = useState<JoinAs | null>(null);

  const join = async (displayName: string) => {
    const demo = await startDemoSession(meetingId, displayName);
    window.sessionStorage.setItem(NAME_KEY, displayName);
    setSession({ token: demo?.token, displayName: demo?.displayName ?? displayName });
  };

  if (!session) {
    return <PreJoin meetingId={meetingId} initialName={window.sessionStorage.getItem(NAME_KEY) ?? ''} onJoin={join} />;
  }
  return <InMeeting meetingId={meetingId} session={session} />;
}

function InMeeting({ meetingId, session }: { meetingId: string; session: JoinAs }) {
  // Same origin for signalling and ICE config. The room's own "Devices" panel switches camera,
  // microphone and speaker mid-call.
  return (
    <div className="qs-meeting">
      <MeetingRoom
        serverUrl={window.location.origin}
        meetingId={meetingId}
        {...(session.token ? { token: session.token } : {})}
        displayName={session.displayName}
        clientOptions={{ relayOnly: new URLSearchParams(window.location.search).get('relay') === '1' }}
        preJoin={false}
      />
    </div>
  );
}
