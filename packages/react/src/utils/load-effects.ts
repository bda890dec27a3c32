/** The lazily loaded effects entry of the core (`@mentara/meetings-core/effects`). */
export type EffectsModule = typeof import('@mentara/meetings-core/effects');

let loading: Promise<EffectsModule> | null = null;

/**
 * Loads `@mentara/meetings-core/effects` once, on first use. A dynamic `import()` only: the
 * React entry must never pull the effects in statically (its size budget), and an app's bundler
 * puts them in a chunk of their own. A failed load (offline, a missing chunk) may be tried again.
 */
export function loadEffects(): Promise<EffectsModule> {
  loading ??= import('@mentara/meetings-core/effects').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
