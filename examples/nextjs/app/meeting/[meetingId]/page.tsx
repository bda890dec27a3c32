import { Room } from './room';

/** `{FRONTEND_URL}/meeting/{meetingId}`: a server component that server-renders the client room. */
export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  return (
    <main>
      <Room meetingId={meetingId} />
    </main>
  );
}
