import { useState } from 'react';
import { createMeeting, type CreatedMeeting } from './api';
import { navigate } from './router';

type LandingState =
  | { status: 'idle' }
  | { status: 'creating' }
  | { status: 'created'; meeting: CreatedMeeting }
  | { status: 'failed'; message: string };

/** One link to hand out: who it is for, the address, and a Copy button. */
function MeetingLink({ label, hint, url, testId }: { label: string; hint: string; url: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the link stays visible and selectable.
      setCopied(false);
    }
  };
  return (
    <li className="qs-link">
      <span className="qs-link__label">{label}</span>
      <span className="qs-link__hint">{hint}</span>
      <a href={url} className="qs-link__url" data-testid={testId}>
        {url}
      </a>
      <button type="button" className="qs-button" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </li>
  );
}

/**
 * Home page: create a meeting, then share its link or join. The links are a list, so a meeting
 * with separate links (a host's and a client's) adds a row, not a new page.
 */
export function LandingPage() {
  const [state, setState] = useState<LandingState>({ status: 'idle' });

  const create = async () => {
    setState({ status: 'creating' });
    try {
      setState({ status: 'created', meeting: await createMeeting() });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="mm-root qs-shell">
      <main className="qs-page qs-landing" data-state={state.status}>
        <p className="qs-brand">Mentara Meetings</p>
        <h1>Private video meetings, straight from this machine</h1>
        <p className="qs-lead">
          Create a meeting, send the link to the person you are meeting, and talk — browser to browser, with
          nothing sent to anyone else.
        </p>

        {state.status !== 'created' ? (
          <button type="button" className="qs-button qs-primary" onClick={() => void create()} disabled={state.status === 'creating'}>
            {state.status === 'creating' ? 'Creating…' : 'Create a meeting'}
          </button>
        ) : null}

        {state.status === 'failed' ? (
          <p role="alert" className="qs-error">
            Could not create a meeting: {state.message}
          </p>
        ) : null}

        {state.status === 'created' ? (
          <section className="qs-card" aria-labelledby="qs-ready">
            <h2 id="qs-ready">Your meeting is ready</h2>
            <ul className="qs-links">
              <MeetingLink
                label="Meeting link"
                hint="Send it to the person you are meeting, or open it in a second tab to try it."
                url={state.meeting.url}
                testId="meeting-url"
              />
            </ul>
            <div className="qs-actions">
              <button type="button" className="qs-button qs-primary" onClick={() => navigate(new URL(state.meeting.url).pathname)}>
                Join now
              </button>
              <button type="button" className="qs-button" onClick={() => void create()}>
                Create another
              </button>
            </div>
          </section>
        ) : null}
      </main>
    </div>
  );
}
