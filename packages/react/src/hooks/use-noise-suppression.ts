import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrackProcessor } from '@mentara/meetings-core';
import type { NoiseSuppressionSupport, NoiseSuppressor } from '@mentara/meetings-core/effects';
import { useMeetingClient } from '../context/meeting-context';
import { loadEffects } from '../utils/load-effects';
import { readStoredChoice, writeStoredChoice } from '../utils/stored-choice';
import type { EffectState } from './use-background-effect';

/** Options of `useNoiseSuppression`. */
export interface UseNoiseSuppressionOptions {
  /** Where your app serves the effect files (see `@mentara/meetings-core`'s README, "Effects"). */
  assetsUrl: string;
  /** `localStorage` key the choice is remembered under; `null` remembers nothing. @default 'mentara-meetings:noise-suppression' */
  storageKey?: string | null;
}

/** What `useNoiseSuppression` returns. */
export interface UseNoiseSuppressionResult {
  /** `checking` until the effects entry has loaded; then how this browser can do it (`rnnoise`, `browser`, `unsupported`). */
  support: NoiseSuppressionSupport | 'checking';
  /** Whether it is switched on (the person's choice). */
  enabled: boolean;
  state: EffectState;
  /** Switch it on or off; remembered for the next visit. */
  setEnabled: (enabled: boolean) => Promise<void>;
}

const DEFAULT_KEY = 'mentara-meetings:noise-suppression';

function isNoiseSuppressor(p: TrackProcessor | null): p is NoiseSuppressor {
  return p !== null && p.name === 'noise-suppression' && typeof (p as Partial<NoiseSuppressor>).setMode === 'function';
}

/** Whether the page has had a user gesture yet (an AudioContext needs one to run); `true` when the browser cannot tell. */
function hasUserGesture(): boolean {
  const activation = (globalThis.navigator as (Navigator & { userActivation?: { hasBeenActive: boolean } }) | undefined)?.userActivation;
  return activation ? activation.hasBeenActive : true;
}

/**
 * Noise suppression for calls from home (RNNoise, or the browser's own where that is all there
 * is): on by default where supported, remembered in `localStorage`. Loads
 * `@mentara/meetings-core/effects` on first use, puts a noise suppressor in front of the
 * microphone (`client.microphone.setProcessor`) and switches it on the running processor
 * (`setMode`). Before the page's first click or key press it waits for one (audio cannot start
 * without it). `support` is `unsupported` where the browser cannot do it (then offer nothing).
 *
 * @example
 * const { support, enabled, setEnabled } = useNoiseSuppression({ assetsUrl: '/mentara-effects/' })
 */
export function useNoiseSuppression({ assetsUrl, storageKey = DEFAULT_KEY }: UseNoiseSuppressionOptions): UseNoiseSuppressionResult {
  const client = useMeetingClient();
  const [support, setSupport] = useState<NoiseSuppressionSupport | 'checking'>('checking');
  const [enabled, setEnabledState] = useState(false);
  const [phase, setPhase] = useState<'idle' | 'loading' | 'failed'>('idle');
  const latest = useRef({ assetsUrl, storageKey });
  latest.current = { assetsUrl, storageKey };
  const wanted = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const unwatch = useRef<(() => void) | null>(null);
  const mounted = useRef(true);

  const fail = useCallback(() => {
    if (!mounted.current) return;
    wanted.current = false;
    setEnabledState(false);
    setPhase('failed');
    void client.microphone.setProcessor(null).catch(() => undefined);
  }, [client]);

  const watch = useCallback(
    (p: NoiseSuppressor) => {
      unwatch.current?.();
      unwatch.current = p.onError(fail);
    },
    [fail],
  );

  const apply = useCallback(
    (on: boolean): Promise<void> => {
      wanted.current = on;
      setEnabledState(on);
      setPhase(on ? 'loading' : 'idle');
      const run = queue.current.then(async () => {
        if (wanted.current !== on) return;
        const fx = await loadEffects();
        const current = client.microphone.processor;
        if (isNoiseSuppressor(current)) {
          await current.setMode(on ? 'rnnoise' : 'off');
        } else if (on) {
          const created = fx.createNoiseSuppressor({ assetsUrl: latest.current.assetsUrl });
          watch(created);
          await client.microphone.setProcessor(created);
        }
        if (wanted.current !== on || !mounted.current) return;
        const microphone = client.getSnapshot().media.microphone;
        if (on && microphone.enabled && microphone.processor === null) throw new Error('fell back to the raw microphone');
        setPhase('idle');
      });
      queue.current = run.catch(() => {
        if (wanted.current === on) fail();
      });
      return queue.current;
    },
    [client, watch, fail],
  );

  useEffect(() => {
    mounted.current = true;
    let cancelled = false;
    let waitForGesture: (() => void) | null = null;
    loadEffects().then(
      (fx) => {
        if (cancelled) return;
        const kind = fx.noiseSuppressionSupport();
        setSupport(kind);
        if (kind === 'unsupported') return;
        const current = client.microphone.processor;
        if (isNoiseSuppressor(current)) {
          wanted.current = current.mode !== 'off';
          setEnabledState(wanted.current);
          watch(current);
          return;
        }
        // On by default; off only when the person switched it off before.
        if (readStoredChoice(latest.current.storageKey) === 'off') return;
        if (hasUserGesture()) {
          void apply(true);
          return;
        }
        setEnabledState(true);
        const start = () => {
          waitForGesture?.();
          if (!cancelled && wanted.current === false && client.microphone.processor === null) void apply(true);
        };
        document.addEventListener('pointerdown', start, true);
        document.addEventListener('keydown', start, true);
        waitForGesture = () => {
          document.removeEventListener('pointerdown', start, true);
          document.removeEventListener('keydown', start, true);
          waitForGesture = null;
        };
      },
      () => !cancelled && setSupport('unsupported'),
    );
    return () => {
      cancelled = true;
      mounted.current = false;
      waitForGesture?.();
      unwatch.current?.();
      unwatch.current = null;
    };
  }, [client, apply, watch]);

  const setEnabled = useCallback(
    (on: boolean) => {
      writeStoredChoice(latest.current.storageKey, on ? 'on' : 'off');
      return apply(on);
    },
    [apply],
  );

  const state: EffectState = phase === 'loading' ? 'loading' : phase === 'failed' ? 'error' : enabled ? 'on' : 'off';
  return useMemo(() => ({ support, enabled, state, setEnabled }), [support, enabled, state, setEnabled]);
}
