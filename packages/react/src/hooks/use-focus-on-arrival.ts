import { useEffect, type RefObject } from 'react';

/**
 * When a screen replaces another (`key` changed) and focus was lost with the old one (it is on
 * the page's body), put it on this screen's heading, so keyboard and screen-reader users land on
 * what changed. Focus that is somewhere else on purpose is left alone.
 */
export function useFocusOnArrival(target: RefObject<HTMLElement | null>, key: string): void {
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [target, key]);
}
