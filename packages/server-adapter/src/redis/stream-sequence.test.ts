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

  it('gives an entry of several messages one number per message, the stamp naming the last', () => {
    const sequencer = new StreamSequencer(42);
    expect(sequencer.next(3)).toEqual([42, 3]);
    expect(sequencer.next()).toEqual([42, 4]);
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

  it('checks an entry of several messages by its first and moves on past its last', () => {
    const tracker = new StreamSequenceTracker({ startedAt: 1000 });
    tracker.observe('a', [0, 1], 1000);
    expect(tracker.observe('a', [0, 4], 1000, 3)).toEqual({ kind: 'in-order' });
    expect(tracker.observe('a', [0, 5], 1000)).toEqual({ kind: 'in-order' });
    // Messages 6-7 never arrived: the entry of 8-10 reports them.
    expect(tracker.observe('a', [0, 10], 1000, 3)).toEqual({ kind: 'gap', missing: 2, expected: 6, received: 8 });
    expect(tracker.observe('a', [0, 10], 1000, 3)).toEqual({ kind: 'duplicate' });
    // An origin booted after this node must start at 1, also with an entry of several.
    const strict = new StreamSequenceTracker({ startedAt: 1000, graceMs: 100 });
    expect(strict.observe('late', [5000, 3], 5000, 3)).toEqual({ kind: 'in-order' });
    expect(strict.observe('later', [5000, 5], 5000, 3)).toEqual({ kind: 'gap', missing: 2, expected: 1, received: 3 });
  });

  it('forgets origins that fell silent', () => {
    const tracker = new StreamSequenceTracker({ startedAt: 0, forgetAfterMs: 1000 });
    tracker.observe('a', [0, 1], 0);
    tracker.observe('b', [0, 1], 70_000);
    expect(tracker.size).toBe(1);
  });
});
