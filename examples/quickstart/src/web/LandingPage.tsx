import { useState } from 'react';
import { createMeeting, type CreatedMeeting } from './api';
import { navigate } from './router';

type LandingState =
  | { status: 'idle' }
  | { status: 'creating' }
  | { status: 'created'; meeting: CreatedMeeting }
  | { status: 'failed'; message: string };

/** Home page: create a meeting, then share or open its URL. */
export function LandingPage() {
  const [state, setState] = useState<LandingState>({ status: 'idle' });
  const [copied, setCopied] = useState(false);

  const create = async () => {
    setState({ status: 'creating' });
    setCopied(false);
    try {
      setState({ status: 'created', meeting: await createMeeting() });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the URL stays visible and selectable.
      setCopied(false);
    }
  };

  return (
    <main className="qs-page qs-landing" data-state={state.status}>
      <h1>Mentara Meetings</h1>
      <p className="qs-lead">A private video meeting between browsers, straight from this machine.</p>

      <button type="button" className="qs-button qs-primary" onClick={create} disabled={state.status === 'creating'}>
        {state.status === 'creating' ? 'Creating…' : 'Create a meeting'}
      </button>

      {state.status === 'failed' && (
        <p role="alert" className="qs-error">
          Could not create a meeting: {state.message}
        </p>
      )}

      {state.status === 'created' && (
        <section className="qs-created" aria-label="Your meeting">
          <p>Open this link in two tabs (or send it to the other person):</p>
          <p>
            <a href={state.meeting.url} data-testid="meeting-url">
              {state.meeting.url}
            </a>
          </p>
          <div className="qs-actions">
            <button type="button" className="qs-button" onClick={() => copy(state.meeting.url)}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
            <button
              type="button"
              className="qs-button qs-primary"
              onClick={() => navigate(new URL(state.meeting.url).pathname)}
            >
              Join now
            </button>
          </div>
        </section>
      )}
    </main>
  );
}
