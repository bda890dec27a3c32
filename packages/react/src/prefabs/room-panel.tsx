import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useMessages } from '../messages/messages-context';
import { formatMessage } from '../messages/messages';
import { Icon } from '../components/icons';

/** Which side panel of the room is open. */
export type RoomPanelKind = 'chat' | 'people' | 'devices';

/**
 * A side panel of the room (People, Devices) with a title and a close button. On phones the
 * room shows it as a sheet over the call. Focus moves into it on open; Escape closes it.
 */
export function RoomPanel({ id, title, focus, onClose, children }: { id: string; title: string; focus: boolean; onClose: () => void; children: ReactNode }) {
  const m = useMessages();
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) close.current?.focus();
  }, [focus]);
  return (
    <section id={id} aria-labelledby={titleId} className="mm-panel">
      <div className="mm-panel__header">
        <h2 id={titleId} className="mm-panel__title">
          {title}
        </h2>
        <button ref={close} type="button" className="mm-panel__close" aria-label={formatMessage(m.closePanel, { name: title })} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <div className="mm-panel__body">{children}</div>
    </section>
  );
}

/** Escape inside a panel closes it and returns focus to the button that opened it. */
export function closeOnEscape(onClose: () => void, opener: () => HTMLElement | null) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
    opener()?.focus();
  };
}
