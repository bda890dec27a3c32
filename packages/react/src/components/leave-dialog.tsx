import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useMeetingClient } from '../context/meeting-context';
import { useHostControls } from '../hooks/use-host-controls';
import { useMessages } from '../messages/messages-context';
import { errorText } from '../utils/error-text';
import { ModalDialog } from './modal-dialog';

/** How the person left: `left` (the session goes on) or `ended` (a host ended it for everyone). */
export type LeaveOutcome = 'left' | 'ended';

/** Props of `<LeaveDialog>`. */
export interface LeaveDialogProps {
  /** Whether the dialog is open (controlled). */
  open: boolean;
  /** Called to close it (Stay, Escape, the backdrop) — and with `false` after leaving. */
  onOpenChange: (open: boolean) => void;
  /** Called after the client has left (or the host ended the session for everyone). */
  onLeave?: (outcome: LeaveOutcome) => void;
  /** Where focus goes on close when the element that opened the dialog is gone. */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

type Step = 'choose' | 'confirm-end';

/**
 * "Leave the session?" — everyone confirms leaving. A host chooses between **Leave** (the session
 * goes on for the others) and **End session for everyone** (`client.host.endForAll()`), which
 * asks once more before it disconnects everyone. An accessible modal: focus starts on the safe
 * choice (Stay / Back), stays inside, Escape closes, and focus returns to the leave button.
 *
 * @example
 * const [open, setOpen] = useState(false)
 * <button onClick={() => setOpen(true)}>Leave</button>
 * <LeaveDialog open={open} onOpenChange={setOpen} onLeave={() => navigate('/')} />
 */
export function LeaveDialog({ open, onOpenChange, onLeave, fallbackFocus }: LeaveDialogProps) {
  const client = useMeetingClient();
  const host = useHostControls();
  const m = useMessages();
  const [step, setStep] = useState<Step>('choose');
  const [busy, setBusy] = useState<'leave' | 'end' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    if (!open) {
      setStep('choose');
      setError(null);
    }
  }, [open]);

  const close = () => onOpenChange(false);
  const leave = async () => {
    setBusy('leave');
    await client.leave().catch(() => undefined);
    setBusy(null);
    close();
    onLeave?.('left');
  };
  const endForAll = async () => {
    if (!host) return;
    setBusy('end');
    setError(null);
    try {
      await host.endForAll();
    } catch (cause) {
      setBusy(null);
      setError(errorText(cause, m));
      return;
    }
    // The session is over: release the camera and microphone too.
    await client.leave().catch(() => undefined);
    setBusy(null);
    close();
    onLeave?.('ended');
  };

  const ending = step === 'confirm-end' && host !== null;
  return (
    <ModalDialog
      open={open}
      onClose={close}
      busy={busy !== null}
      role={ending ? 'alertdialog' : 'dialog'}
      labelledBy={titleId}
      describedBy={ending || host ? bodyId : undefined}
      initialFocus={safe}
      focusKey={step}
      fallbackFocus={fallbackFocus}
      className="mm-leave"
    >
      <h2 id={titleId} className="mm-dialog__title">
        {ending ? m.endTitle : m.leaveTitle}
      </h2>
      {ending ? <p id={bodyId}>{m.endBody}</p> : host ? <p id={bodyId}>{m.leaveHostBody}</p> : null}
      {error ? (
        <p className="mm-dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="mm-dialog__actions" data-step={step}>
        {ending ? (
          <>
            <button ref={safe} type="button" className="mm-button" disabled={busy !== null} onClick={() => setStep('choose')}>
              {m.back}
            </button>
            <button type="button" className="mm-button" data-variant="danger" aria-busy={busy === 'end'} disabled={busy !== null} onClick={() => void endForAll()}>
              {m.endConfirm}
            </button>
          </>
        ) : (
          <>
            <button ref={safe} type="button" className="mm-button" disabled={busy !== null} onClick={close}>
              {m.stay}
            </button>
            <button type="button" className="mm-button" data-variant={host ? undefined : 'danger'} aria-busy={busy === 'leave'} disabled={busy !== null} onClick={() => void leave()}>
              {m.leave}
            </button>
            {host ? (
              <button type="button" className="mm-button" data-variant="danger" disabled={busy !== null} onClick={() => setStep('confirm-end')}>
                {m.endForAll}
              </button>
            ) : null}
          </>
        )}
      </div>
    </ModalDialog>
  );
}
