import { afterEach, expect, it, vi } from 'vitest';

const BROWSER_GLOBALS = ['window', 'document', 'MediaStream', 'RTCPeerConnection', 'HTMLMediaElement'];

afterEach(() => {
  for (const name of BROWSER_GLOBALS) Reflect.deleteProperty(globalThis, name);
  vi.resetModules();
});

/** Watch reads of browser globals; each read records the reading source file. */
function watchGlobals(): string[] {
  const reads: string[] = [];
  for (const name of BROWSER_GLOBALS) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        const caller = (new Error().stack ?? '').split('\n')[2] ?? '';
        reads.push(`${name} ${caller.trim()}`);
        return undefined;
      },
    });
  }
  return reads;
}

const ours = (reads: string[]) => reads.filter((r) => r.includes('/packages/core/src/'));

it('importing every entry reads no browser global from our code and does not throw (SSR, Node)', async () => {
  const reads = watchGlobals();
  vi.resetModules();
  // Third-party modules only do guarded `typeof window` feature checks at import.
  await expect(import('../index')).resolves.toBeDefined();
  await expect(import('../protocol/index')).resolves.toBeDefined();
  await expect(import('../testing/index')).resolves.toBeDefined();
  expect(ours(reads)).toEqual([]);
});

it('creating a client on a server works; browser globals are read only through env/globals', async () => {
  const reads = watchGlobals();
  vi.resetModules();
  const core = await import('../index');
  const client = core.createMeetingClient({ serverUrl: 'http://127.0.0.1:9' });
  expect(client.getSnapshot().connection).toBe('idle');
  client.destroy();
  for (const read of ours(reads)) expect(read).toContain('/env/globals.ts');
});
