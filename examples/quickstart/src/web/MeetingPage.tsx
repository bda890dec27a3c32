import { useEffect, useState } from 'react';
import { MeetingRoom } from '@mentara/meetings';
import { startDemoSession, type DemoSession } from './api';

type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; session: DemoSession }
  | { status: 'failed'; message: string };

/**
 * `/meeting/:meetingId`: gets a meeting token for this browser from the server, then renders
 * `<MeetingRoom/>`, whose pre-join screen asks for a display name and previews the camera.
 * `?relay=1` turns on relay-only mode (all media through TURN, IP addresses hidden).
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    startDemoSession(meetingId).then(
      (session) => active && setState({ status: 'ready', session }),
      (error: unknown) =>
        active && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      active = false;
    };
  }, [meetingId]);

  if (state.status === 'loading') {
    return (
      <main className="qs-page" aria-busy="true">
        <p>Preparing your meeting…</p>
      </main>
    );
  }
  if (state.status === 'failed') {
    return (
      <main className="qs-page">
        <p role="alert" className="qs-error">
          Could not open this meeting: {state.message}
        </p>
        <p>
          <a href="/">Create a new meeting</a>
        </p>
      </main>
    );
  }
  const relayOnly = new URLSearchParams(window.location.search).get('relay') === '1';
  return (
    <div className="qs-meeting">
      <MeetingRoom
        serverUrl={window.location.origin}
        meetingId={meetingId}
        token={state.session.token}
        clientOptions={{ relayOnly }}
      />
    </div>
  );
}
