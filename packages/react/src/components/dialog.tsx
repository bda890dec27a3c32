import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { cx } from '../utils/class-names';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Props of the internal `<Dialog>`. */
export interface DialogProps {
  title: string;
  /** Closes on Escape (and from the dialog's own buttons). */
  onClose: () => void;
  /** Focused on open; the first focusable element otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog over the meeting: labelled by its title, focus moves in and stays in (Tab
 * wraps), Escape closes, and focus returns to where it was. Mount it to open, unmount to close.
 * Internal: the building block of the leave confirmation and the shortcuts list.
 */
export function Dialog({ title, onClose, initialFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const previous = ref.current?.ownerDocument.activeElement as HTMLElement | null;
    (initialFocus?.current ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE) ?? ref.current)?.focus();
    return () => previous?.focus?.();
  }, [initialFocus]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    const active = ref.current.ownerDocument.activeElement;
    if (event.shiftKey && (active === first || active === ref.current)) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="mm-dialog-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={cx('mm-dialog', className)}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="mm-dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
