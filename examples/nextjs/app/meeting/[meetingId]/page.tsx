import { Room } from './room';

const apiUrl = (process.env.NEXT_PUBLIC_API_URL ?? 'http://127.0.0.1:3000/api').replace(/\/+$/, '');

/**
 * A meeting token for this visit. The quickstart server mints demo tokens at
 * `POST /api/demo/session`; a real app issues its own after signing the user in.
 * `null` when the server cannot be reached (the room then shows the join error).
 */
async function demoToken(meetingId: string): Promise<string | null> {
  try {
    const response = await fetch(`${apiUrl}/demo/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingId }),
      cache: 'no-store',
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { token?: string };
    return body.token ?? null;
  } catch {
    return null;
  }
}

/** `{FRONTEND_URL}/meeting/{meetingId}`: a server component that server-renders the client room. */
export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  const token = await demoToken(meetingId);
  return (
    <main>
      <Room meetingId={meetingId} token={token} />
    </main>
  );
}
