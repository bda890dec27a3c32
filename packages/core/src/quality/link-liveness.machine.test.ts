import { describe, expect, it } from 'vitest';
import { initialLivenessState, livenessTransition, type LivenessEvent, type LivenessMachineState } from './link-liveness.machine';

function run(events: LivenessEvent[]) {
  let state: LivenessMachineState = initialLivenessState();
  return events.map((event) => (state = livenessTransition(state, event)).state);
}

describe('link liveness', () => {
  it('keeps a congested link that still delivers bytes (no teardown), until bytes stop for 10 s', () => {
    const states = run([
      { type: 'ICE', at: 0, state: 'connected' },
      { type: 'SAMPLE', at: 2_000, bytesReceived: 5_000 },
      { type: 'ICE', at: 3_000, state: 'disconnected' },
      { type: 'SAMPLE', at: 4_000, bytesReceived: 800 },
      { type: 'SAMPLE', at: 10_000, bytesReceived: 300 },
      { type: 'SAMPLE', at: 16_000, bytesReceived: 0 },
      { type: 'SAMPLE', at: 20_000, bytesReceived: 0 },
    ]);
    expect(states).toEqual(['alive', 'alive', 'congested', 'congested', 'congested', 'congested', 'silent']);
  });

  it('comes back alive when ICE reconnects', () => {
    const states = run([
      { type: 'SAMPLE', at: 0, bytesReceived: 1_000 },
      { type: 'ICE', at: 1_000, state: 'disconnected' },
      { type: 'ICE', at: 7_000, state: 'connected' },
    ]);
    expect(states).toEqual(['alive', 'congested', 'alive']);
  });

  it('lets a link that went quiet before ICE dropped, or whose ICE failed, be rebuilt', () => {
    expect(run([{ type: 'SAMPLE', at: 0, bytesReceived: 1_000 }, { type: 'ICE', at: 9_000, state: 'disconnected' }]).at(-1)).toBe('silent');
    expect(run([{ type: 'SAMPLE', at: 0, bytesReceived: 1_000 }, { type: 'ICE', at: 500, state: 'failed' }]).at(-1)).toBe('silent');
  });
});
