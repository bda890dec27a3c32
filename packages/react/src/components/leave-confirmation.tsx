import { useRef, type ReactNode } from 'react';
import { useMessages } from '../messages/messages-context';
import { Dialog } from './dialog';
import { LeaveButton } from './leave-button';

/** Props of `<LeaveConfirmation>`. */
export interface LeaveConfirmationProps {
  /** Called after the client has left. */
  onLeave?: () => void;
  /** "Stay": closes the dialog. */
  onCancel: () => void;
  /** More choices between the text and the buttons (e.g. a host's "End for everyone"). */
  children?: ReactNode;
}

/**
 * "Leave the meeting?" — a modal step after pressing Leave, so one stray click never ends a
 * call: "Leave meeting" leaves (then `onLeave`), "Stay" or Escape goes back. Focus starts on Stay.
 *
 * @example
 * {asking ? <LeaveConfirmation onCancel={() => setAsking(false)} onLeave={goHome} /> : null}
 */
export function LeaveConfirmation({ onLeave, onCancel, children }: LeaveConfirmationProps) {
  const m = useMessages();
  const stay = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={m.leaveConfirmTitle} onClose={onCancel} initialFocus={stay} className="mm-leave-confirm">
      <p className="mm-dialog__body">{m.leaveConfirmBody}</p>
      {children}
      <div className="mm-dialog__actions">
        <button ref={stay} type="button" className="mm-button" onClick={onCancel}>
          {m.stay}
        </button>
        <LeaveButton onLeave={onLeave}>{m.leaveConfirm}</LeaveButton>
      </div>
    </Dialog>
  );
}
