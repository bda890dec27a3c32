import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { cx } from '../utils/class-names';

/** Props of the internal `<ModalDialog>`. */
export interface ModalDialogProps {
  open: boolean;
  /** Escape, the backdrop and Cancel buttons call it (not while `busy`). */
  onClose: () => void;
  /** An action is running: Escape and the backdrop do nothing. */
  busy?: boolean;
  /** `alertdialog` for confirmations of something that cannot be undone. @default 'dialog' */
  role?: 'dialog' | 'alertdialog';
  /** Id of the heading that names the dialog. */
  labelledBy: string;
  /** Id of the text that describes it. */
  describedBy?: string;
  /** What gets focus when the dialog opens (or `focusKey` changes): the safest choice. */
  initialFocus: RefObject<HTMLElement | null>;
  /** Change it when the dialog's content changes step, to focus that step's `initialFocus`. */
  focusKey?: string;
  /** Where focus goes on close when the element that opened the dialog is gone. */
  fallbackFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * An accessible modal: `aria-modal`, focus moved in on open and kept inside (Tab wraps, focus
 * that escapes is brought back), Escape closes, and focus returns to the element that opened it.
 * Rendered in place (inside `.mm-root`, so it keeps the theme) with a fixed backdrop.
 */
export function ModalDialog({ open, onClose, busy = false, role = 'dialog', labelledBy, describedBy, initialFocus, focusKey, fallbackFocus, className, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const latest = useRef({ fallbackFocus });
  latest.current = { fallbackFocus };

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const keepInside = (event: FocusEvent) => {
      const box = dialog.current;
      if (box && event.target instanceof Node && !box.contains(event.target)) (initialFocus.current ?? box).focus();
    };
    document.addEventListener('focusin', keepInside);
    return () => {
      document.removeEventListener('focusin', keepInside);
      const target = opener?.isConnected ? opener : latest.current.fallbackFocus?.current;
      target?.focus();
    };
  }, [open, initialFocus]);

  useEffect(() => {
    if (open) (initialFocus.current ?? dialog.current)?.focus();
  }, [open, focusKey, initialFocus]);

  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busy) onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="mm-dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !busy) onClose();
      }}
    >
      <div
        ref={dialog}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-busy={busy || undefined}
        tabIndex={-1}
        className={cx('mm-dialog', className)}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
