import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDismiss } from '../hooks/use-dismiss';
import { cx } from '../utils/class-names';
import { Icon, type IconName } from './icons';

/** One entry of a `<MenuButton>`. */
export interface MenuEntry {
  key: string;
  label: string;
  onSelect: () => void;
  icon?: IconName;
}

/** Props of the internal `<MenuButton>`. */
export interface MenuButtonProps {
  label: string;
  icon: IconName;
  entries: readonly MenuEntry[];
  showLabel?: boolean;
  className?: string;
}

/**
 * A button that opens a menu above it (the control bar sits at the bottom): arrow keys, Home and
 * End move between items, Enter or Space picks one, Escape or a click elsewhere closes and focus
 * returns to the button. Internal: the control bar's "More options".
 */
export function MenuButton({ label, icon, entries, showLabel = true, className }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  useDismiss(open, () => setOpen(false), [buttonRef, menuRef]);
  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(event.target as HTMLElement);
    const next =
      event.key === 'ArrowDown' ? items[(at + 1) % items.length]
      : event.key === 'ArrowUp' ? items[(at - 1 + items.length) % items.length]
      : event.key === 'Home' ? items[0]
      : event.key === 'End' ? items[items.length - 1]
      : undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };
  const pick = (entry: MenuEntry) => {
    setOpen(false);
    buttonRef.current?.focus();
    // After focus is back on the button, so an entry that opens a panel or dialog can move it there.
    entry.onSelect();
  };

  return (
    <div className={cx('mm-menu', className)} data-state={open ? 'open' : 'closed'}>
      <button
        ref={buttonRef}
        type="button"
        className="mm-button mm-toggle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={showLabel ? undefined : label}
        onClick={() => setOpen(!open)}
      >
        <Icon name={icon} />
        <span className={showLabel ? undefined : 'mm-visually-hidden'}>{label}</span>
      </button>
      {open ? (
        <div ref={menuRef} id={menuId} role="menu" aria-label={label} className="mm-menu__list" onKeyDown={onKeyDown}>
          {entries.map((entry) => (
            <button key={entry.key} type="button" role="menuitem" tabIndex={-1} className="mm-menu__item" onClick={() => pick(entry)}>
              {entry.icon ? <Icon name={entry.icon} /> : null}
              <span>{entry.label}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
