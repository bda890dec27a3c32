import { describe, expect, it } from 'vitest';
import { linkSample, samplesBetween } from './link-sample.fixtures';
import { initialReceiveState, receiveRequestTransition, requestedLevel, type ReceiveRequestMachineState } from './receive-request.machine';
import type { LinkSample } from './link-sample';

function run(samples: LinkSample[], start: ReceiveRequestMachineState = initialReceiveState()) {
  let state = start;
  const states = samples.map((sample) => (state = receiveRequestTransition(state, { type: 'SAMPLE', sample })).state);
  return { state, states };
}

describe('receive request', () => {
  it('asks for reduced video after two windows of concealed audio, and for audio only when it gets worse', () => {
    const { states } = run([
      linkSample(0, { audioConcealment: 0.05 }),
      linkSample(2_000, { audioConcealment: 0.05 }),
      linkSample(4_000, { audioConcealment: 0.2 }),
      linkSample(6_000, { audioConcealment: 0.2 }),
    ]);
    expect(states).toEqual(['full', 'reduced', 'reduced', 'audio-only']);
    expect(requestedLevel('audio-only')).toBe('paused');
    expect(requestedLevel('reduced')).toBe('low');
  });

  it('ignores a single bad window', () => {
    const { states } = run([linkSample(0, { audioConcealment: 0.3 }), linkSample(2_000), linkSample(4_000, { receiveLoss: 0.1 }), linkSample(6_000)]);
    expect(states.every((s) => s === 'full')).toBe(true);
  });

  it('relaxes one step after 15 s of good windows', () => {
    const bad = samplesBetween(0, 8_000, 2_000, (t) => linkSample(t, { audioConcealment: 0.2 }));
    const good = samplesBetween(8_000, 60_000, 2_000, (t) => linkSample(t));
    const { states } = run([...bad, ...good]);
    const firstReduced = states.indexOf('reduced', 4);
    expect(firstReduced * 2_000).toBeGreaterThanOrEqual(8_000 + 15_000);
    expect(states.at(-1)).toBe('full');
  });
});
