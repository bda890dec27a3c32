import { describe, expect, it } from 'vitest';
import { linkSample, samplesBetween } from './link-sample.fixtures';
import type { LinkSample } from './link-sample';
import {
  SEND_TRANSITIONS, initialSendState, sendDecision, sendPolicyTransition, type SendEvent, type SendPolicyState,
} from './send-policy.machine';
import { VIDEO_LEVELS, atLeast, type VideoLevel } from './video-levels';

const EVERY = 2_000;

/** Run samples through the machine; returns every state and the level after each sample. */
function run(samples: LinkSample[], start: SendPolicyState = initialSendState()) {
  let state = start;
  const levels: VideoLevel[] = [];
  for (const sample of samples) {
    state = sendPolicyTransition(state, { type: 'SAMPLE', sample });
    levels.push(state.level);
  }
  return { state, levels, changes: levels.filter((l, i) => i > 0 && l !== levels[i - 1]).length };
}

/** A seeded sequence in [0, 1) so noisy links are repeatable. */
function noise(seed: number) {
  let x = seed;
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const at = (state: SendPolicyState, level: VideoLevel, time = 0): SendPolicyState => ({
  level,
  context: { ...state.context, enteredAt: time },
});

describe('send policy: the table', () => {
  it('never pauses video straight from high or medium on its own samples (resolution and frame rate go first)', () => {
    for (const from of ['high', 'medium'] as const) {
      expect(SEND_TRANSITIONS[from].SAMPLE!.map((r) => r.target)).not.toContain('paused');
    }
    expect(SEND_TRANSITIONS.low.SAMPLE!.find((r) => r.target === 'paused')?.guard).toBe('criticalConfirmed');
  });
  it('steps up one level at a time and only through a readiness guard', () => {
    for (const from of VIDEO_LEVELS) {
      for (const row of SEND_TRANSITIONS[from].SAMPLE ?? []) {
        if (atLeast(from, row.target)) continue;
        expect(VIDEO_LEVELS.indexOf(from) - VIDEO_LEVELS.indexOf(row.target)).toBe(1);
        expect(row.guard).toMatch(/^ready/);
      }
    }
  });
});

describe('send policy: behaviour', () => {
  it('climbs from medium to high only after the link has been good for a while', () => {
    const { levels } = run(samplesBetween(0, 30_000, EVERY, (t) => linkSample(t)));
    const firstHigh = levels.indexOf('high');
    // 10 s of good samples and 8 s at the level: the sample at t = 10 s is the first that may step up.
    expect(firstHigh * EVERY).toBe(10_000);
    expect(levels.slice(firstHigh).every((l) => l === 'high')).toBe(true);
  });

  it('holds its level under 3 % steady loss on a 400 kbit/s link: no flapping', () => {
    const rand = noise(3);
    const samples = samplesBetween(0, 120_000, EVERY, (t) =>
      linkSample(t, { sendLoss: 0.01 + rand() * 0.04, availableOutgoingBitrate: 260_000 + rand() * 90_000, rttMs: 170 + rand() * 30 }),
    );
    const { levels, changes, state } = run(samples);
    expect(changes).toBe(0);
    expect(levels.at(-1)).toBe('medium');
    // The cap binds: under the browser's own estimate, leaving room for audio.
    const { encoding } = sendDecision(state);
    expect(encoding.maxBitrate).toBeLessThanOrEqual(260_000);
    expect(encoding.scaleResolutionDownBy).toBe(2);
  });

  it('on a link that cannot carry audio plus minimal video, lowers resolution first, then pauses video', () => {
    const samples = samplesBetween(0, 12_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 110_000, sendLoss: 0.08, rttMs: 300 }));
    const { levels, state } = run(samples, at(initialSendState('high'), 'high'));
    expect(levels[0]).toBe('high'); // the first window only sets the level's clock
    expect(levels[1]).toBe('low');
    expect(levels.indexOf('paused')).toBeGreaterThan(levels.indexOf('low'));
    expect(levels.at(-1)).toBe('paused');
    expect(sendDecision(state).encoding.active).toBe(false);
    expect(sendDecision(state).reason).toBe('loss');
  });

  it('never pauses a clean link on a starved estimate alone (busy sender, app-limited): low at most', () => {
    const starved = samplesBetween(0, 60_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 84_000, qualityLimitationReason: 'cpu', rttMs: 60 }));
    const { levels } = run(starved, at(initialSendState('high'), 'high'));
    expect(levels).not.toContain('paused');
    expect(levels.at(-1)).toBe('low');
    // The same estimate with loss beside it is a link that cannot carry video: paused.
    const lossy = samplesBetween(60_000, 70_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 84_000, sendLoss: 0.07 }));
    expect(run(lossy, run(starved, at(initialSendState('high'), 'high')).state).levels.at(-1)).toBe('paused');
  });

  it('steps down within one window when the estimate collapses (fast down)', () => {
    let state = at(initialSendState('high'), 'high');
    state = sendPolicyTransition(state, { type: 'SAMPLE', sample: linkSample(2_000) });
    state = sendPolicyTransition(state, { type: 'SAMPLE', sample: linkSample(4_000, { availableOutgoingBitrate: 200_000 }) });
    expect(state.level).toBe('low');
    expect(sendDecision(state).reason).toBe('bandwidth');
    expect(sendDecision(state).encoding.maxBitrate).toBeLessThanOrEqual(150_000);
  });

  it('pauses video when a deep queue pushes the round trip past the critical mark', () => {
    const samples = samplesBetween(0, 10_000, EVERY, (t) => linkSample(t, { rttMs: 2_500, availableOutgoingBitrate: 300_000 }));
    expect(run(samples).levels.at(-1)).toBe('paused');
    expect(sendDecision(run(samples).state).reason).toBe('delay');
  });

  it('resumes video only after the link was good for 15 s, and waits twice as long after a quick relapse', () => {
    const bad = (from: number, to: number) => samplesBetween(from, to, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 100_000, sendLoss: 0.12 }));
    const good = (from: number, to: number) => samplesBetween(from, to, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 400_000 }));
    const first = run([...bad(0, 10_000), ...good(10_000, 40_000)]);
    const goodLevels = first.levels.slice(5);
    // The smoothed loss is under 2 % from t = 14 s: t = 30 s is the first sample 15 s later.
    expect(goodLevels.indexOf('low') * EVERY + 10_000).toBe(30_000);
    // Relapse right after resuming: the next resume needs 30 s of good samples.
    const again = run([...bad(40_000, 46_000), ...good(46_000, 90_000)], first.state);
    const resumedAt = again.levels.findIndex((l, i) => i >= 3 && l === 'low') * EVERY + 40_000;
    expect(resumedAt).toBeGreaterThanOrEqual(46_000 + 30_000);
  });

  it('resumes on loss and round trip while paused, where the estimate only reflects audio (app-limited)', () => {
    const bad = samplesBetween(0, 10_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 100_000, sendLoss: 0.07 }));
    // Audio alone: Chromium holds the estimate near 1.5 × what is sent.
    // (The loss is under 2 % from t = 12 s: t = 28 s is the first sample 15 s later and 8 s paused.)
    const audioOnly = samplesBetween(10_000, 30_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 84_400 }));
    const paused = run([...bad, ...audioOnly]);
    expect(paused.levels[4]).toBe('paused');
    expect(paused.levels.at(-1)).toBe('low');
    // Right after resuming the estimate is still the audio-only one; it ramps up within the grace.
    const ramp = samplesBetween(30_000, 44_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 84_400 + (t - 30_000) * 15 }));
    expect(run(ramp, paused.state).levels).not.toContain('paused');
  });

  it('honours a receiver that asks for less, and climbs back only once it lifts the request', () => {
    let state = at(initialSendState('high'), 'high');
    const request = (maxLevel: VideoLevel, time: number) =>
      (state = sendPolicyTransition(state, { type: 'PEER_REQUEST', maxLevel, at: time } satisfies SendEvent));
    request('low', 1_000);
    expect(state.level).toBe('low');
    expect(sendDecision(state).reason).toBe('peer-request');
    const held = run(samplesBetween(2_000, 40_000, EVERY, (t) => linkSample(t)), state);
    expect(held.changes).toBe(0);
    state = held.state;
    request('high', 40_000);
    const lifted = run(samplesBetween(40_000, 80_000, EVERY, (t) => linkSample(t)), state);
    expect(lifted.levels).toContain('medium');
    expect(lifted.levels.at(-1)).toBe('high');
  });

  it('without a send estimate (Firefox) still steps down on loss and up after a good while', () => {
    const lossy = run(samplesBetween(0, 6_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: null, sendLoss: 0.09 })));
    expect(lossy.levels.at(-1)).toBe('low');
    const clear = run(samplesBetween(6_000, 40_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: null })), lossy.state);
    expect(clear.levels.at(-1)).toBe('high');
  });

  it('raises the bitrate cap one step at a time while the link stays good', () => {
    const start = at(initialSendState('medium'), 'medium');
    const { state } = run([linkSample(0, { availableOutgoingBitrate: 250_000 })], { ...start, context: { ...start.context, capBps: 150_000 } });
    const caps = [sendDecision(state).encoding.maxBitrate];
    let s = state;
    for (const sample of samplesBetween(2_000, 9_000, EVERY, (t) => linkSample(t, { availableOutgoingBitrate: 480_000 }))) {
      s = sendPolicyTransition(s, { type: 'SAMPLE', sample });
      caps.push(sendDecision(s).encoding.maxBitrate);
    }
    expect(caps[0]).toBe(150_000);
    expect(new Set(caps).size).toBeGreaterThan(1);
    for (let i = 1; i < caps.length; i += 1) expect(caps[i]! / caps[i - 1]!).toBeLessThanOrEqual(1.34);
  });
});
