/**
 * Caches one async value until its own expiry, sharing a single in-flight request between
 * concurrent callers. A failed fetch is not cached.
 */
export function cachedUntil<T>(
  fetchValue: () => Promise<{ value: T; expiresAt: number }>,
  now: () => number,
): () => Promise<T> {
  let cached: { value: T; expiresAt: number } | undefined;
  let inflight: Promise<T> | undefined;
  return () => {
    if (cached && cached.expiresAt > now()) return Promise.resolve(cached.value);
    inflight ??= fetchValue()
      .then((result) => {
        cached = result;
        return result.value;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
}
