import { useId, useState, type FormEvent } from 'react';

/** Props of {@link PreJoin}. */
export interface PreJoinProps {
  meetingId: string;
  /** Name used last time in this browser tab, if any. */
  initialName: string;
  /** Called with the trimmed display name; rejects with a message to show. */
  onJoin: (displayName: string) => Promise<void>;
}

type PreJoinState = { status: 'editing' } | { status: 'joining' } | { status: 'failed'; message: string };

/** Asks for a display name before entering; camera and microphone start only after this. */
export function PreJoin({ meetingId, initialName, onJoin }: PreJoinProps) {
  const [name, setName] = useState(initialName);
  const [state, setState] = useState<PreJoinState>({ status: 'editing' });
  const inputId = useId();
  const trimmed = name.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || state.status === 'joining') return;
    setState({ status: 'joining' });
    try {
      await onJoin(trimmed);
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <main className="qs-page qs-prejoin" data-state={state.status}>
      <h1>Join the meeting</h1>
      <p className="qs-muted">
        Meeting <code>{meetingId}</code>
      </p>
      <form onSubmit={submit} className="qs-form">
        <label htmlFor={inputId}>Your name</label>
        <input
          id={inputId}
          name="displayName"
          autoComplete="name"
          maxLength={64}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
        />
        <button type="submit" className="qs-button qs-primary" disabled={trimmed === '' || state.status === 'joining'}>
          {state.status === 'joining' ? 'Joining…' : 'Join meeting'}
        </button>
      </form>
      {state.status === 'failed' && (
        <p role="alert" className="qs-error">
          Could not join: {state.message}
        </p>
      )}
      <p className="qs-muted">Your camera and microphone start when you join.</p>
    </main>
  );
}
