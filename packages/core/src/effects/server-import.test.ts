import { afterEach, expect, it, vi } from 'vitest';

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'AudioWorkletNode', 'AudioContext', 'MediaStreamTrackProcessor', 'OffscreenCanvas'];

afterEach(() => {
  for (const name of BROWSER_GLOBALS) if (name !== 'navigator') Reflect.deleteProperty(globalThis, name);
  vi.resetModules();
});

it('importing the effects entry on a server reads no browser global, and the checks say unsupported', async () => {
  const reads: string[] = [];
  for (const name of BROWSER_GLOBALS.filter((n) => n !== 'navigator')) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        reads.push(name);
        return undefined;
      },
    });
  }
  vi.resetModules();
  const effects = await import('./index');
  expect(reads).toEqual([]);
  expect(effects.backgroundProcessingSupport()).toBe('unsupported');
  expect(effects.isBackgroundProcessingSupported()).toBe(false);
  expect(effects.noiseSuppressionSupport()).toBe('unsupported');
  // Creating processors on a server is harmless; starting them says why they cannot run.
  const background = effects.createBackgroundProcessor({ assetsUrl: '/fx/' });
  await expect(background.start({} as MediaStreamTrack)).rejects.toMatchObject({ name: 'MeetingError', code: 'unsupported-browser' });
  expect(background.state).toBe('idle');
  const noise = effects.createNoiseSuppressor({ assetsUrl: '/fx/' });
  await expect(noise.start({} as MediaStreamTrack)).rejects.toMatchObject({ code: 'unsupported-browser' });
});
