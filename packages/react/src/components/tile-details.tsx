import { useRef, useState, type CSSProperties } from 'react';
import { useDismiss } from '../hooks/use-dismiss';
import { useMessages } from '../messages/messages-context';
import { Icon } from './icons';
import { ConnectionDetails } from './connection-details';

/** Where the popover goes: below the button, kept inside the window (fixed, so a small tile cannot clip it). */
function placement(button: HTMLElement | null): CSSProperties {
  if (!button) return {};
  const rect = button.getBoundingClientRect();
  const view = button.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 0;
  return { position: 'fixed', top: Math.max(8, rect.bottom + 6), right: Math.max(8, width - rect.right) };
}

/**
 * A tile's "Connection details" button and the small non-modal popover it opens, with the link
 * figures of that person. Escape or a click elsewhere closes it. Internal to `<VideoTile>`.
 */
export function TileDetailsButton({
  participantId,
  name,
  open,
  onOpenChange,
}: {
  participantId: string;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const m = useMessages();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties>({});
  useDismiss(open, () => onOpenChange(false), [buttonRef, popoverRef]);
  const label = `${m.connectionDetails}: ${name}`;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="mm-tile__action"
        data-roving-item=""
        aria-label={label}
        title={label}
        aria-expanded={open}
        onClick={() => {
          setStyle(placement(buttonRef.current));
          onOpenChange(!open);
        }}
      >
        <Icon name="info" className="mm-tile__action-icon" />
      </button>
      {open ? (
        <div ref={popoverRef} role="dialog" aria-label={label} className="mm-popover" style={style}>
          <ConnectionDetails participantId={participantId} />
        </div>
      ) : null}
    </>
  );
}
