import { createRequire } from 'node:module';
import wrtc from '@roamhq/wrtc';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { simplePeerAliases } from '../../build/simple-peer-aliases.mjs';
import { createNodeAudioTrack, createNodeVideoTrack, type WrtcWithSources } from '../testing/fake-tracks-node';

type Peer = {
  on(event: string, fn: (...args: never[]) => void): void;
  signal(data: unknown): void;
  send(text: string): void;
  destroy(): void;
};
type PeerCtor = new (opts: Record<string, unknown>) => Peer;

/** Bundle simple-peer exactly as the published build does (browser platform, shims), and load it. */
async function loadBundledSimplePeer(): Promise<{ SimplePeer: PeerCtor; code: string }> {
  const entry = createRequire(import.meta.url).resolve('simple-peer');
  const out = await build({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'browser', write: false, alias: simplePeerAliases, logLevel: 'error' });
  const code = out.outputFiles[0]!.text;
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return { SimplePeer: module.exports as PeerCtor, code };
}

it('the shipped simple-peer bundle (shims instead of Node streams/Buffer) connects, carries media and data', async () => {
  const { SimplePeer, code } = await loadBundledSimplePeer();
  expect(code).not.toMatch(/require\(["'](buffer|readable-stream|debug|randombytes)["']\)/);
  const w = wrtc as unknown as WrtcWithSources;
  const stream = new (wrtc.MediaStream as unknown as typeof MediaStream)([createNodeVideoTrack(w), createNodeAudioTrack(w)]);
  const a = new SimplePeer({ initiator: true, wrtc, config: { iceServers: [] }, streams: [stream] });
  const b = new SimplePeer({ initiator: false, wrtc, config: { iceServers: [] } });
  a.on('signal', (d: never) => b.signal(d));
  b.on('signal', (d: never) => a.signal(d));
  try {
    const received = await new Promise<{ tracks: number; text: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no connection within 10 s')), 10_000);
      let tracks = 0;
      b.on('stream', ((s: MediaStream) => {
        tracks = s.getTracks().length;
      }) as never);
      b.on('data', ((chunk: Uint8Array | string) => {
        clearTimeout(timer);
        resolve({ tracks, text: typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk) });
      }) as never);
      a.on('connect', () => a.send('hello over the data channel'));
      a.on('error', ((e: Error) => reject(e)) as never);
    });
    expect(received).toEqual({ tracks: 2, text: 'hello over the data channel' });
  } finally {
    a.destroy();
    b.destroy();
    stream.getTracks().forEach((t) => t.stop());
  }
});
