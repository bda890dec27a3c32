import { describe, expect, it } from 'vitest';
import { StreamSequenceTracker, StreamSequencer } from './stream-sequence';

describe('StreamSequencer', () => {
  it('numbers messages from 1 with a fixed boot time', () => {
    const sequencer = new StreamSequencer(42);
    expect([sequencer.next(), sequencer.next()]).toEqual([
      [42, 1],
      [42, 2],
    ]);
  });
});

describe('StreamSequenceTracker', () => {
  it('accepts consecutive messages per origin', () => {
    const tracker = new StreamSequenceTracker({ startedAt: 1000 });
    expect(tracker.observe('a', [0, 7], 1000)).toEqual({ kind: 'in-order' });
    expect(tracker.observe('b', [0, 1], 1000)).toEqual({ kind: 'in-order' });
    expect(tracker.observe('a', [0, 8], 1000)).toEqual({ kind: 'in-order' });
    expect(tracker.size).toBe(2);
  });

  it('reports how many messages a jump skipped', () => {
    const tracker = new StreamSequenceTracker({ startedAt: 1000 });
    tracker.observe('a', [0, 1], 1000);
    expect(tracker.observe('a', [0, 5], 1000)).toEqual({ kind: 'gap', missing: 3, expected: 2, received: 5 });
    expect(tracker.observe('a', [0, 6], 1000)).toEqual({ kind: 'in-order' });
  });

  it('flags repeated sequence numbers as duplicates', () => {
    const tracker = new StreamSequenceTracker({ startedAt: 1000 });
    tracker.observe('a', [0, 3], 1000);
    expect(tracker.observe('a', [0, 3], 1000)).toEqual({ kind: 'duplicate' });
  });

  it('requires an origin booted after this node to start at 1', () => {
    const tracker = new StreamSequenceTracker({ startedAt: 1000, graceMs: 100 });
    expect(tracker.observe('late', [5000, 4], 5000)).toEqual({ kind: 'gap', missing: 3, expected: 1, received: 4 });
    expect(tracker.observe('early', [500, 4], 5000)).toEqual({ kind: 'in-order' });
  });

  it('forgets origins that fell silent', () => {
    const tracker = new StreamSequenceTracker({ startedAt: 0, forgetAfterMs: 1000 });
    tracker.observe('a', [0, 1], 0);
    tracker.observe('b', [0, 1], 70_000);
    expect(tracker.size).toBe(1);
  });
});
