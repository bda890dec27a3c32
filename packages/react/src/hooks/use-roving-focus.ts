import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const ITEM = '[data-roving-item]';

function items(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(ITEM)).filter((el) => !(el as HTMLButtonElement).disabled);
}

/** Exactly one item is in the Tab order: `active` when given, else the one that already is, else the first. */
function settle(root: HTMLElement, active?: HTMLElement): void {
  const all = items(root);
  const current = active ?? all.find((el) => el.tabIndex === 0 && el.getAttribute('tabindex') === '0') ?? all[0];
  for (const el of all) el.setAttribute('tabindex', el === current ? '0' : '-1');
}

/**
 * One Tab stop for a group of buttons (every `[data-roving-item]` inside `ref`): Tab enters at
 * the last one used, the arrow keys, Home and End move between them. Keeps the controls after a
 * grid of tiles a few Tab presses away however many people there are. Internal.
 */
export function useRovingFocus(ref: RefObject<HTMLElement | null>): { onKeyDown: (event: KeyboardEvent) => void } {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    settle(root);
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && event.target.matches(ITEM)) settle(root, event.target);
    };
    root.addEventListener('focusin', onFocus);
    // Tiles add and remove their buttons as people come and go.
    const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver(() => settle(root));
    observer?.observe(root, { childList: true, subtree: true });
    return () => {
      root.removeEventListener('focusin', onFocus);
      observer?.disconnect();
    };
  }, [ref]);

  return {
    onKeyDown(event) {
      const root = ref.current;
      const target = event.target as HTMLElement;
      if (!root || !target.matches?.(ITEM)) return;
      const all = items(root);
      const at = all.indexOf(target);
      const next =
        event.key === 'ArrowRight' || event.key === 'ArrowDown'
          ? all[(at + 1) % all.length]
          : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
            ? all[(at - 1 + all.length) % all.length]
            : event.key === 'Home'
              ? all[0]
              : event.key === 'End'
                ? all[all.length - 1]
                : undefined;
      if (!next) return;
      event.preventDefault();
      next.focus();
    },
  };
}
