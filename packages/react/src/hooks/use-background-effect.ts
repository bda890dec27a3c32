import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrackProcessor } from '@mentara/meetings-core';
import type { BackgroundEffect, BackgroundProcessor } from '@mentara/meetings-core/effects';
import { useMeetingClient } from '../context/meeting-context';
import { loadEffects } from '../utils/load-effects';
import { readStoredChoice, writeStoredChoice } from '../utils/stored-choice';

/** A background picture people can choose, served by your app (same origin). */
export interface BackgroundImageOption {
  /** Stable id, remembered between visits. */
  id: string;
  /** Spoken and shown name ("Plain wall"). */
  label: string;
  /** The picture (URL on your origin) the effect uses. */
  src: string;
  /** A small version for the picker. @default src */
  thumbnail?: string;
}

/** A background choice: `none`, `blur`, or `image:<id>` of a `BackgroundImageOption`. */
export type BackgroundChoice = 'none' | 'blur' | `image:${string}`;

/** Whether this browser can run an effect: `checking` until the effects entry has loaded. */
export type EffectSupport = 'checking' | 'supported' | 'unsupported';

/**
 * What an effect is doing: `off`, `loading` (the model or worklet is loading), `on`, or `error`
 * (it could not run, or stopped: the raw camera or microphone is sent instead).
 */
export type EffectState = 'off' | 'loading' | 'on' | 'error';

/** Options of `useBackgroundEffect`. */
export interface UseBackgroundEffectOptions {
  /** Where your app serves the effect files (see `@mentara/meetings-core`'s README, "Effects"). */
  assetsUrl: string;
  /** Background pictures to offer besides None and Blur. */
  backgrounds?: readonly BackgroundImageOption[];
  /** `localStorage` key the choice is remembered under; `null` remembers nothing. @default 'mentara-meetings:background' */
  storageKey?: string | null;
}

/** What `useBackgroundEffect` returns. */
export interface UseBackgroundEffectResult {
  support: EffectSupport;
  /** The chosen background. */
  choice: BackgroundChoice;
  state: EffectState;
  /** Choose a background; remembered for the next visit. Resolves when it shows (or failed: `state` says so). */
  choose: (choice: BackgroundChoice) => Promise<void>;
}

const DEFAULT_KEY = 'mentara-meetings:background';

function isBackground(p: TrackProcessor | null): p is BackgroundProcessor {
  return p !== null && p.name === 'background' && typeof (p as Partial<BackgroundProcessor>).setEffect === 'function';
}

/**
 * Background blur or a background picture on your camera, for calls from home: loads
 * `@mentara/meetings-core/effects` on first use (a dynamic import), puts a background processor
 * in front of the camera (`client.camera.setProcessor`) and then switches effects on the running
 * processor (`setEffect`: no new capture, no gap for the others). The choice is remembered in
 * `localStorage` and applied again on the next visit; another picker (pre-join, then the call)
 * picks up the processor already running. `support` is `unsupported` where the browser cannot
 * do it (then offer nothing).
 *
 * @example
 * const { support, choice, choose } = useBackgroundEffect({ assetsUrl: '/mentara-effects/' })
 * if (support === 'supported') return <button onClick={() => void choose('blur')}>Blur</button>
 */
export function useBackgroundEffect({ assetsUrl, backgrounds = [], storageKey = DEFAULT_KEY }: UseBackgroundEffectOptions): UseBackgroundEffectResult {
  const client = useMeetingClient();
  const [support, setSupport] = useState<EffectSupport>('checking');
  const [choice, setChoice] = useState<BackgroundChoice>('none');
  const [phase, setPhase] = useState<'idle' | 'loading' | 'failed'>('idle');
  const latest = useRef({ assetsUrl, backgrounds, storageKey });
  latest.current = { assetsUrl, backgrounds, storageKey };
  const wanted = useRef<BackgroundChoice>('none');
  const queue = useRef<Promise<void>>(Promise.resolve());
  const unwatch = useRef<(() => void) | null>(null);
  const mounted = useRef(true);

  const effectOf = (c: BackgroundChoice): BackgroundEffect | null => {
    if (c === 'none') return { mode: 'none' };
    if (c === 'blur') return { mode: 'blur' };
    const option = latest.current.backgrounds.find((b) => `image:${b.id}` === c);
    return option ? { mode: 'image', image: option.src } : null;
  };
  const choiceOf = (effect: BackgroundEffect): BackgroundChoice => {
    if (effect.mode !== 'image') return effect.mode;
    const option = latest.current.backgrounds.find((b) => b.src === effect.image);
    return option ? `image:${option.id}` : 'none';
  };

  /** The effect stopped working (or never started): say so, and send the plain camera again. */
  const fail = useCallback(() => {
    if (!mounted.current) return;
    wanted.current = 'none';
    setChoice('none');
    setPhase('failed');
    // Not again on the next visit: this device could not do it.
    writeStoredChoice(latest.current.storageKey, 'none');
    void client.camera.setProcessor(null).catch(() => undefined);
  }, [client]);

  const watch = useCallback(
    (p: BackgroundProcessor) => {
      unwatch.current?.();
      unwatch.current = p.onError(fail);
    },
    [fail],
  );

  const apply = useCallback(
    (c: BackgroundChoice): Promise<void> => {
      const effect = effectOf(c);
      if (!effect) return Promise.resolve();
      wanted.current = c;
      setChoice(c);
      setPhase(c === 'none' ? 'idle' : 'loading');
      const run = queue.current.then(async () => {
        // A newer choice came while this one waited its turn: only the newest is applied.
        if (wanted.current !== c) return;
        const fx = await loadEffects();
        const current = client.camera.processor;
        if (isBackground(current)) {
          await current.setEffect(effect);
        } else if (c !== 'none') {
          const created = fx.createBackgroundProcessor({ assetsUrl: latest.current.assetsUrl, effect });
          watch(created);
          await client.camera.setProcessor(created);
        }
        if (wanted.current !== c || !mounted.current) return;
        // The client sends the raw camera when the processor could not start.
        const camera = client.getSnapshot().media.camera;
        if (c !== 'none' && camera.enabled && camera.processor === null) throw new Error('fell back to the raw camera');
        setPhase('idle');
      });
      queue.current = run.catch(() => {
        if (wanted.current === c) fail();
      });
      return queue.current;
    },
    // effectOf reads the latest options through a ref.
    [client, watch, fail],
  );

  useEffect(() => {
    mounted.current = true;
    let cancelled = false;
    loadEffects().then(
      (fx) => {
        if (cancelled) return;
        const ok = fx.backgroundProcessingSupport() !== 'unsupported';
        setSupport(ok ? 'supported' : 'unsupported');
        if (!ok) return;
        const current = client.camera.processor;
        if (isBackground(current)) {
          // Already running (chosen on an earlier screen): show it, and hear about its failures.
          wanted.current = choiceOf(current.effect);
          setChoice(wanted.current);
          watch(current);
          return;
        }
        const stored = readStoredChoice(latest.current.storageKey) as BackgroundChoice | null;
        if (stored && stored !== 'none' && effectOf(stored)) void apply(stored);
      },
      () => !cancelled && setSupport('unsupported'),
    );
    return () => {
      cancelled = true;
      mounted.current = false;
      unwatch.current?.();
      unwatch.current = null;
    };
    // Once per client: the options are read through a ref.
  }, [client]);

  const choose = useCallback(
    (c: BackgroundChoice) => {
      writeStoredChoice(latest.current.storageKey, c);
      return apply(c);
    },
    [apply],
  );

  const state: EffectState = phase === 'loading' ? 'loading' : phase === 'failed' ? 'error' : choice === 'none' ? 'off' : 'on';
  return useMemo(() => ({ support, choice, state, choose }), [support, choice, state, choose]);
}
