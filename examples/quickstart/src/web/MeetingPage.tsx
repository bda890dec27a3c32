import { useState } from 'react';
import { MeetingProvider, MeetingRoom } from '@mentara/meetings';
import { startDemoSession } from './api';
import { DevicesPanel } from './DevicesPanel';
import { PreJoin } from './PreJoin';
import { useOwnedMeetingClient } from './use-owned-client';

const NAME_KEY = 'mentara-quickstart:display-name';

/**
 * `/meeting/:meetingId`: a display-name pre-join, then `<MeetingRoom/>` with a devices panel.
 * `?relay=1` turns on relay-only mode (all media through TURN, IP addresses hidden).
 */
/** Who joins: the demo token when the server mints one, otherwise just the name (anonymous server). */
interface JoinAs {
  token: string | undefined;
  displayName: string;
}

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
  // One client shared by the prefab and the devices panel; same origin for signalling and ICE config.
  const client = useOwnedMeetingClient({
    serverUrl: window.location.origin,
    meetingId,
    ...(session.token ? { token: session.token } : {}),
    displayName: session.displayName,
    relayOnly: new URLSearchParams(window.location.search).get('relay') === '1',
  });
  return (
    <div className="qs-meeting">
      <MeetingProvider client={client} join={false}>
        <DevicesPanel />
      </MeetingProvider>
      <MeetingRoom client={client} meetingId={meetingId} preJoin={false} />
    </div>
  );
}
