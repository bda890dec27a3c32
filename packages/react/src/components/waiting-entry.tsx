import { useState } from 'react';
import { isMeetingError, type MeetingHostControls, type MeetingSnapshot, type WaitingParticipant } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { formatMessage, type MeetingMessages } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { errorText } from '../utils/error-text';
import { formatClock } from '../utils/session-time';

const selectOffset = (s: MeetingSnapshot) => s.clockOffsetMs;

/** An admit failure as a host should read it: a full session says so by name. */
export function admitErrorText(error: unknown, name: string, m: MeetingMessages): string {
  return isMeetingError(error) && error.code === 'meeting-full' ? formatMessage(m.admitFull, { name }) : errorText(error, m);
}

/** The first letter of a name, for an avatar. */
export function initialOf(name: string): string {
  return ([...name.trim()][0] ?? '?').toUpperCase();
}

/**
 * One person in the waiting room, for hosts: "Client is waiting", since when, Deny and Admit
 * (named "Admit Client" for assistive tech). A failure (a full session) is shown calmly beside
 * them; they stay in the list.
 */
export function WaitingEntry({ person, host, locale }: { person: WaitingParticipant; host: MeetingHostControls; locale?: string }) {
  const m = useMessages();
  const offset = useMeeting(selectOffset);
  const [busy, setBusy] = useState<'admit' | 'deny' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = person.displayName || m.guest;
  const act = async (what: 'admit' | 'deny') => {
    setBusy(what);
    setError(null);
    try {
      await (what === 'admit' ? host.admit(person.id) : host.deny(person.id));
    } catch (cause) {
      setError(what === 'admit' ? admitErrorText(cause, name, m) : errorText(cause, m));
    } finally {
      setBusy(null);
    }
  };
  return (
    <li className="mm-waiting-entry" data-state={busy ?? (error ? 'error' : 'idle')}>
      <span className="mm-avatar" aria-hidden="true">
        {initialOf(name)}
      </span>
      <span className="mm-waiting-entry__text">
        <span className="mm-waiting-entry__name">{formatMessage(m.personWaiting, { name })}</span>
        <span className="mm-waiting-entry__since">{formatMessage(m.waitingSince, { time: formatClock(person.since - offset, false, locale) })}</span>
      </span>
      <span className="mm-waiting-entry__actions">
        <button type="button" className="mm-button" disabled={busy !== null} aria-busy={busy === 'deny'} onClick={() => void act('deny')}>
          {m.deny}
          <span className="mm-visually-hidden"> {name}</span>
        </button>
        <button type="button" className="mm-button" data-variant="primary" disabled={busy !== null} aria-busy={busy === 'admit'} onClick={() => void act('admit')}>
          {m.admit}
          <span className="mm-visually-hidden"> {name}</span>
        </button>
      </span>
      {error ? (
        <p className="mm-inline-error" role="status">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** "Admit all", for more than one waiting person; says calmly when the session had too few seats. */
export function AdmitAllButton({ host, waiting }: { host: MeetingHostControls; waiting: readonly WaitingParticipant[] }) {
  const m = useMessages();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const admitAll = async () => {
    setBusy(true);
    setError(null);
    try {
      const admitted = new Set(await host.admitAll());
      const left = waiting.find((p) => !admitted.has(p.id));
      if (left) setError(formatMessage(m.admitFull, { name: left.displayName || m.guest }));
    } catch (cause) {
      setError(admitErrorText(cause, waiting[0]?.displayName || m.guest, m));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mm-admit-all">
      <button type="button" className="mm-button" data-variant="primary" disabled={busy} aria-busy={busy} onClick={() => void admitAll()}>
        {m.admitAll}
      </button>
      {error ? (
        <p className="mm-inline-error" role="status">
          {error}
        </p>
      ) : null}
    </div>
  );
}
