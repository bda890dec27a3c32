import { describe, expect, it } from 'vitest';
import { effectiveVideo, leastVideo, limitReason } from './send-video';
import { encodingFor } from './video-levels';

describe('send video', () => {
  it('tells people "network" or "requested", never the policy\'s figures', () => {
    expect(limitReason('low', 'bandwidth')).toBe('network');
    expect(limitReason('paused', 'loss')).toBe('network');
    expect(limitReason('paused', 'delay')).toBe('network');
    expect(limitReason('low', 'peer-request')).toBe('requested');
    expect(limitReason('medium', 'starting')).toBeNull();
    expect(limitReason('high', 'bandwidth')).toBeNull();
  });

  it('audio only wins over the policy; without a policy only `active` changes', () => {
    const decision = { level: 'medium' as const, reason: 'clear' as const, encoding: encodingFor('medium', 450_000) };
    expect(effectiveVideo(decision, false)).toEqual({ video: { level: 'medium', reason: null }, encoding: decision.encoding });
    expect(effectiveVideo(decision, true)).toEqual({ video: { level: 'paused', reason: 'audio-only' }, encoding: { ...decision.encoding, active: false } });
    expect(effectiveVideo(null, true).encoding).toEqual({ active: false });
    expect(effectiveVideo(null, false)).toEqual({ video: { level: 'high', reason: null }, encoding: { active: true } });
  });

  it('the least video of several links', () => {
    expect(leastVideo([])).toEqual({ level: 'high', reason: null });
    expect(leastVideo([{ level: 'medium', reason: null }, { level: 'paused', reason: 'network' }, { level: 'low', reason: 'requested' }])).toEqual({ level: 'paused', reason: 'network' });
  });
});
