import { describe, expect, it } from 'vitest';
import { planStage, type StageInput } from './stage-plan';

const base: StageInput = { mode: 'spotlight', width: 1256, height: 640, gap: 12, count: 0, mainAspect: 16 / 9, selfAspect: 16 / 9 };

describe('planStage', () => {
  it('gives the other person the stage in a two-person call, with a small self view', () => {
    const plan = planStage(base);
    expect(plan.main).toEqual({ width: 1137, height: 640 });
    expect(plan.self!.width * plan.self!.height).toBeLessThan(0.25 * 1256 * 640);
    // With chat open the stage is narrower: the picture shrinks, it is not cut.
    expect(planStage({ ...base, width: 900 }).main).toEqual({ width: 900, height: 506 });
  });

  it('keeps a phone self view small and a portrait picture whole', () => {
    const plan = planStage({ ...base, width: 366, height: 660, mainAspect: 9 / 16 });
    expect(plan.main).toEqual({ width: 366, height: 650 });
    expect(plan.self!.width).toBeLessThanOrEqual(110);
  });

  it('puts the strip on the right of a wide stage and below a tall one, sized to fit', () => {
    const wide = planStage({ ...base, mode: 'focus', count: 3 });
    expect(wide.strip?.side).toBe('right');
    expect(wide.main!.width + 12 + wide.strip!.size).toBeLessThanOrEqual(1256);
    expect(3 * wide.tile!.height + 24).toBeLessThanOrEqual(640);
    const tall = planStage({ ...base, mode: 'focus', count: 4, width: 366, height: 660 });
    expect(tall.strip?.side).toBe('bottom');
    expect(tall.columns * tall.tile!.width + (tall.columns - 1) * 12).toBeLessThanOrEqual(366);
  });

  it('plans nothing before the stage is measured', () => {
    expect(planStage({ ...base, width: 0, height: 0 })).toMatchObject({ main: null, tile: null, self: null });
  });
});
