'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';

/**
 * Creates a meeting on the server (`POST /api/meetings`, proxied) and opens its page as the host:
 * the quickstart's host link carries a key (`?host=`) that the room passes on when it asks for a
 * token. The people you invite get the page without it and wait until you let them in.
 */
export function StartMeeting() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const body = (await response.json().catch(() => ({}))) as { meetingId?: string; hostUrl?: string; error?: string };
      if (!response.ok || !body.meetingId) throw new Error(body.error ?? 'The meeting server did not answer. Is it running?');
      const hostKey = body.hostUrl ? new URL(body.hostUrl).searchParams.get('host') : null;
      router.push(`/meeting/${encodeURIComponent(body.meetingId)}${hostKey ? `?host=${encodeURIComponent(hostKey)}` : ''}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="mm-button" data-variant="primary" disabled={busy} onClick={() => void start()}>
        Start a meeting
      </button>
      {error ? (
        <p role="alert" className="mm-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
