import { describe, expect, it } from 'vitest';
import { createActiveSpeakerDetector } from './active-speaker';

describe('active speaker', () => {
  it('switches only after the new speaker led for the hold time', () => {
    const d = createActiveSpeakerDetector({ holdMs: 1000 });
    expect(d.update({ a: 0.5, b: 0 }, 0).activeSpeakerId).toBeNull();
    expect(d.update({ a: 0.5, b: 0 }, 1000).activeSpeakerId).toBe('a');
    expect(d.update({ a: 0, b: 0.9 }, 1100).activeSpeakerId).toBe('a');
    expect(d.update({ a: 0, b: 0.9 }, 2200).activeSpeakerId).toBe('b');
    expect(d.update({ a: 0 }, 2300).activeSpeakerId).toBeNull();
  });
});
