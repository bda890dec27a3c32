import { afterEach, expect, it } from 'vitest';
import { watchNetworkHints } from './network-hints';

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

it('forwards online/offline window events and removes its listeners on dispose', () => {
  const target = new EventTarget();
  Object.defineProperty(globalThis, 'window', { configurable: true, value: target });
  const seen: string[] = [];
  const dispose = watchNetworkHints({ online: () => seen.push('online'), offline: () => seen.push('offline') });
  target.dispatchEvent(new Event('offline'));
  target.dispatchEvent(new Event('online'));
  dispose();
  target.dispatchEvent(new Event('online'));
  expect(seen).toEqual(['offline', 'online']);
});

it('does nothing outside a browser', () => {
  expect(watchNetworkHints({ online: () => {}, offline: () => {} })).toBeTypeOf('function');
});
