/**
 * A remembered choice in `localStorage` (background effect, noise suppression). Reading and
 * writing never throw: storage may be missing (server rendering), blocked (private modes,
 * sandboxed frames) or full, and then the choice simply is not remembered.
 */
export function readStoredChoice(key: string | null): string | null {
  if (!key) return null;
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remember `value` under `key` (see `readStoredChoice`); `null` key: remember nothing. */
export function writeStoredChoice(key: string | null, value: string): void {
  if (!key) return;
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered; the choice still applies now.
  }
}
