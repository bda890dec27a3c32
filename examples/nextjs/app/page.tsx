import Link from 'next/link';

/** Landing page: links to a meeting at `/meeting/{meetingId}` (the URL format the server issues). */
export default function Home() {
  return (
    <main className="mm-root" style={{ padding: 24 }}>
      <h1>Mentara Meetings</h1>
      <p>
        Open <Link href="/meeting/demo-room">/meeting/demo-room</Link> in two tabs to meet yourself.
      </p>
    </main>
  );
}
