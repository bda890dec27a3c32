import { describe, expect, it } from 'vitest';
import { createLinkPolicy } from './link-policy';
import { linkSample } from './link-sample.fixtures';

describe('link policy (one connection)', () => {
  it('combines send level, receive request and liveness into one decision', () => {
    const policy = createLinkPolicy();
    expect(policy.decision()).toMatchObject({ send: { level: 'medium' }, request: 'high', liveness: 'alive', quality: 'good' });
    policy.sample(linkSample(0, { audioConcealment: 0.1 }));
    const asked = policy.sample(linkSample(2_000, { audioConcealment: 0.1 }));
    expect(asked).toMatchObject({ receive: 'audio-only', request: 'paused', quality: 'poor' });
    policy.ice('disconnected', 2_500);
    expect(policy.decision().liveness).toBe('congested');
  });

  it('returns the same object while nothing changed, so callers apply only real changes', () => {
    const policy = createLinkPolicy({ remotePeers: 2 });
    const a = policy.sample(linkSample(0));
    const b = policy.sample(linkSample(2_000));
    expect(b).toBe(a);
    expect(policy.setRemotePeers(4)).not.toBe(b);
  });

  it('follows a peer request', () => {
    const policy = createLinkPolicy({ initialLevel: 'high' });
    expect(policy.peerRequest('low', 0).send).toMatchObject({ level: 'low', reason: 'peer-request', encoding: { scaleResolutionDownBy: 4, maxFramerate: 15 } });
    expect(policy.decision().quality).toBe('fair');
  });
});
