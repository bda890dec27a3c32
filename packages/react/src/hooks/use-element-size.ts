import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Layout effect in the browser, plain effect on the server (where neither runs, without a warning). */
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** Size of an element's content box in CSS pixels. */
export interface ElementSize {
  width: number;
  height: number;
}

const NONE: ElementSize = { width: 0, height: 0 };

/**
 * The content-box size of `ref`'s element, kept current with a `ResizeObserver`; `0 × 0` before
 * the first measurement, on the server and where layout is not computed. The element may come
 * and go (a room that first shows its waiting screen and only then the call): after every render
 * the hook checks which element the ref holds and observes that one. Internal: not exported.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>(NONE);
  const last = useRef<ElementSize>(NONE);
  const observed = useRef<HTMLElement | null>(null);
  const stop = useRef<(() => void) | null>(null);
  // No dependency list on purpose: an identity check per render, a new observer only when the
  // ref points at another element.
  useIsomorphicLayoutEffect(() => {
    const element = ref.current;
    if (element === observed.current) return;
    stop.current?.();
    stop.current = null;
    observed.current = element;
    if (!element) return;
    const update = (width: number, height: number) => {
      // Whole pixels: sub-pixel jitter must not re-layout the grid. An unchanged size schedules nothing.
      const next = { width: Math.floor(width), height: Math.floor(height) };
      if (next.width === last.current.width && next.height === last.current.height) return;
      last.current = next;
      setSize(next);
    };
    const rect = element.getBoundingClientRect();
    update(rect.width, rect.height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) update(box.width, box.height);
    });
    observer.observe(element);
    stop.current = () => observer.disconnect();
  });
  useEffect(
    () => () => {
      stop.current?.();
      stop.current = null;
      observed.current = null;
    },
    [],
  );
  return size;
}
