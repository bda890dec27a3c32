/**
 * `true` when both values are identical, or are arrays/plain objects whose items/own keys are
 * identical (`Object.is`). Pass it as `useMeeting`'s `isEqual` when a selector builds a small
 * object or array, so a new but equal result does not re-render.
 *
 * @example
 * const names = useMeeting((s) => s.participants.map((p) => p.displayName), shallowEqual)
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
