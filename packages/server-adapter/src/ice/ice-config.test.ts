import { describe, expect, it } from 'vitest';
import { createIceConfig } from './ice-config';
import type { IceProvider } from './types';

const failing: IceProvider = { name: 'broken', getIceServers: () => Promise.reject(new Error('down')) };

describe('createIceConfig', () => {
  it('answers STUN by default with iceCandidatePoolSize 10', async () => {
    expect(await createIceConfig().getConfig('u')).toEqual({
      iceServers: [{ urls: 'stun:stun.l.google.com:19302' }],
      iceCandidatePoolSize: 10,
    });
  });

  it('can turn STUN off', async () => {
    expect(await createIceConfig({ stunUrls: false }).getConfig('u')).toEqual({ iceServers: [], iceCandidatePoolSize: 10 });
  });

  it('uses the first provider in precedence order: Xirsys static beats coturn', async () => {
    const source = createIceConfig({
      stunUrls: ['stun:127.0.0.1:3478'],
      coturnStatic: { urls: ['turn:127.0.0.1:3479'], username: 'c', password: 'c' },
      coturnSecret: { urls: ['turn:127.0.0.1:3480'], secret: 's' },
      xirsysStatic: { urls: ['turn:127.0.0.1:3481'], username: 'x', password: 'x' },
    });
    expect(source.providers).toEqual(['xirsys-static', 'coturn-secret', 'coturn-static']);
    expect((await source.getConfig('u')).iceServers).toEqual([
      { urls: 'stun:127.0.0.1:3478' },
      { urls: ['turn:127.0.0.1:3481'], username: 'x', credential: 'x' },
    ]);
  });

  it('falls through a failing provider, and answers STUN only when all fail', async () => {
    const warnings: unknown[] = [];
    const logger = { debug() {}, info() {}, warn: (o: object) => warnings.push(o), error: (o: object) => warnings.push(o) };
    const fallback = createIceConfig(
      { stunUrls: false, providers: [failing, { name: 'ok', getIceServers: async () => [{ urls: 'turn:127.0.0.1:1', username: 'a', credential: 'b' }] }] },
      logger,
    );
    expect((await fallback.getConfig('u')).iceServers).toEqual([{ urls: 'turn:127.0.0.1:1', username: 'a', credential: 'b' }]);
    const none = createIceConfig({ stunUrls: ['stun:127.0.0.1:3478'], providers: [failing] }, logger);
    expect((await none.getConfig('u')).iceServers).toEqual([{ urls: 'stun:127.0.0.1:3478' }]);
    expect(warnings.length).toBeGreaterThanOrEqual(3);
  });
});
