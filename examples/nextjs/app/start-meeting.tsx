'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';

/** Creates a meeting on the server (`POST /api/meetings`, proxied) and opens its page. */
export function StartMeeting() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const body = (await response.json().catch(() => ({}))) as { meetingId?: string; error?: string };
      if (!response.ok || !body.meetingId) throw new Error(body.error ?? 'The meeting server did not answer. Is it running?');
      router.push(`/meeting/${encodeURIComponent(body.meetingId)}`);
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
