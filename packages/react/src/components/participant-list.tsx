import { forwardRef, useId, useRef, useState, type HTMLAttributes } from 'react';
import type { Participant } from '@mentara/meetings-core';
import { useHostControls } from '../hooks/use-host-controls';
import { useParticipants } from '../hooks/use-participants';
import { useWaitingList } from '../hooks/use-waiting-list';
import { formatMessage } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { errorText } from '../utils/error-text';
import { ModalDialog } from './modal-dialog';
import { ParticipantRow } from './participant-row';
import { AdmitAllButton, WaitingEntry } from './waiting-entry';

/** Props of `<ParticipantList>`. */
export interface ParticipantListProps extends HTMLAttributes<HTMLElement> {
  /** A BCP 47 locale for "waiting since" times. @default the browser's */
  locale?: string;
}

/**
 * Everyone in the session — name, "Host" and "You" badges, microphone and camera state,
 * connection quality — and, for hosts, the people waiting to be let in (Admit, Deny, Admit all)
 * and per-person **Ask to mute** and **Remove** (after a confirmation: they cannot rejoin).
 * Hosts cannot remove or mute other hosts. A short note explains that asking to mute turns the
 * person's microphone off on their own device, and that only they can turn it back on.
 */
export const ParticipantList = forwardRef<HTMLElement, ParticipantListProps>(function ParticipantList({ locale, className, ...rest }, ref) {
  const m = useMessages();
  const people = useParticipants();
  const waiting = useWaitingList();
  const host = useHostControls();
  const [removing, setRemoving] = useState<Participant | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const waitingId = useId();
  const dialogTitle = useId();
  const dialogBody = useId();

  const closeDialog = () => {
    setRemoving(null);
    setError(null);
  };
  const remove = async () => {
    if (!host || !removing) return;
    setBusy(true);
    setError(null);
    try {
      await host.remove(removing.id);
      setRemoving(null);
    } catch (cause) {
      setError(errorText(cause, m));
    } finally {
      setBusy(false);
    }
  };

  const showWaiting = host !== null && waiting.length > 0;
  const others = people.some((p) => !p.isLocal && p.role !== 'host');
  return (
    <section ref={ref} aria-labelledby={titleId} {...rest} className={cx('mm-people', className)} data-role={host ? 'host' : 'participant'}>
      <h2 ref={heading} id={titleId} tabIndex={-1} className="mm-people__title">
        {formatMessage(m.participantListTitle, { count: String(people.length) })}
      </h2>
      {showWaiting ? (
        <div className="mm-people__section" aria-labelledby={waitingId} role="group">
          <h3 id={waitingId} className="mm-people__title">
            {formatMessage(m.waitingListTitle, { count: String(waiting.length) })}
          </h3>
          <ul className="mm-people__list">
            {waiting.map((person) => (
              <WaitingEntry key={person.id} person={person} host={host} locale={locale} />
            ))}
          </ul>
          {waiting.length > 1 ? <AdmitAllButton host={host} waiting={waiting} /> : null}
        </div>
      ) : null}
      <ul className="mm-people__list">
        {people.map((p) => (
          <ParticipantRow key={p.id} participant={p} host={host} onRemove={setRemoving} />
        ))}
      </ul>
      {host && others ? <p className="mm-people__help">{m.askToMuteHelp}</p> : null}
      <ModalDialog
        open={removing !== null}
        onClose={closeDialog}
        busy={busy}
        role="alertdialog"
        labelledBy={dialogTitle}
        describedBy={dialogBody}
        initialFocus={cancel}
        fallbackFocus={heading}
      >
        <h2 id={dialogTitle} className="mm-dialog__title">
          {formatMessage(m.removeTitle, { name: removing?.displayName || m.guest })}
        </h2>
        <p id={dialogBody}>{m.removeBody}</p>
        {error ? (
          <p className="mm-dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="mm-dialog__actions">
          <button ref={cancel} type="button" className="mm-button" disabled={busy} onClick={closeDialog}>
            {m.cancel}
          </button>
          <button type="button" className="mm-button" data-variant="danger" disabled={busy} aria-busy={busy} onClick={() => void remove()}>
            {m.remove}
          </button>
        </div>
      </ModalDialog>
    </section>
  );
});
