import { useEffect, useRef, type RefObject } from 'react';

/**
 * While `open`: Escape, or a pointer press outside every element of `inside`, calls `onDismiss`.
 * Escape also returns focus to the first of `inside` (the button that opened it). Internal.
 */
export function useDismiss(open: boolean, onDismiss: () => void, inside: ReadonlyArray<RefObject<HTMLElement | null>>): void {
  const latest = useRef(onDismiss);
  const refs = useRef(inside);
  useEffect(() => {
    latest.current = onDismiss;
    refs.current = inside;
  });
  useEffect(() => {
    if (!open) return;
    const doc = refs.current[0]?.current?.ownerDocument ?? document;
    const contains = (target: EventTarget | null) =>
      target instanceof Node && refs.current.some((ref) => ref.current?.contains(target));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      latest.current();
      refs.current[0]?.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!contains(event.target)) latest.current();
    };
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('pointerdown', onPointer, true);
    return () => {
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open]);
}
