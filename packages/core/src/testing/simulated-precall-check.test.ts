import { describe, expect, it } from 'vitest';
import { createSimulatedPrecallCheck } from './simulated-precall-check';

describe('createSimulatedPrecallCheck', () => {
  it('plays the steps in order and grades like the real check', async () => {
    const check = createSimulatedPrecallCheck({
      stepMs: 1,
      steps: { network: { verdict: 'poor', reason: 'packet-loss', advice: ['move-closer-to-router', 'expect-audio-only'] }, camera: { skipped: true } },
    });
    const seen: string[] = [];
    check.subscribe((s) => seen.push(Object.values(s.steps).map((step) => step.status[0]).join('')));
    expect(check.getSnapshot().steps.camera.status).toBe('running');
    const result = await check.result;
    expect(result).toMatchObject({ state: 'done', overall: 'poor', advice: ['move-closer-to-router', 'expect-audio-only'] });
    expect(result.steps.camera).toMatchObject({ status: 'skipped', verdict: null, reason: 'not-run' });
    expect(result.steps.relay).toMatchObject({ status: 'done', verdict: 'good' });
    expect(seen.at(-1)).toBe('sdddd');
  });

  it('holds at a step, and cancels', async () => {
    const check = createSimulatedPrecallCheck({ stepMs: 1, holdAt: 'relay' });
    await new Promise((r) => setTimeout(r, 30));
    expect(check.getSnapshot().steps.relay.status).toBe('running');
    expect(check.getSnapshot().state).toBe('running');
    check.cancel();
    expect((await check.result).state).toBe('cancelled');
  });
});
