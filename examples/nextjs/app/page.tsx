import { StartMeeting } from './start-meeting';

/** Landing page: start a meeting, then share its link (`/meeting/{meetingId}`, the URL format the server issues). */
export default function Home() {
  return (
    <main className="mm-root" style={{ padding: 24 }}>
      <h1>Mentara Meetings</h1>
      <p>Start a meeting, then open its link in a second tab to meet yourself.</p>
      <StartMeeting />
    </main>
  );
}
