import { describe, expect, it } from 'vitest';
import { fitGrid } from './grid-fit';

describe('fitGrid', () => {
  it('fills the width for one wide picture and the height for a tall one', () => {
    expect(fitGrid(1, 1600, 900, 16 / 9)).toEqual({ columns: 1, rows: 1, width: 1600, height: 900 });
    expect(fitGrid(1, 1600, 600, 16 / 9)).toEqual({ columns: 1, rows: 1, width: 1066, height: 600 });
    expect(fitGrid(1, 360, 700, 9 / 16)).toEqual({ columns: 1, rows: 1, width: 360, height: 640 });
  });

  it('puts two side by side on a wide screen and above each other on a phone', () => {
    expect(fitGrid(2, 1200, 500, 16 / 9, 12)).toMatchObject({ columns: 2, rows: 1, width: 594, height: 334 });
    expect(fitGrid(2, 366, 640, 16 / 9, 12)).toMatchObject({ columns: 1, rows: 2 });
  });

  it('sizes 3 to 6 tiles to the box, never beyond it', () => {
    for (const count of [3, 4, 5, 6]) {
      for (const [w, h] of [[1256, 640], [900, 640], [366, 620]] as const) {
        const fit = fitGrid(count, w, h, 16 / 9, 12);
        expect(fit.columns * fit.rows).toBeGreaterThanOrEqual(count);
        expect(fit.columns * fit.width + (fit.columns - 1) * 12).toBeLessThanOrEqual(w);
        expect(fit.rows * fit.height + (fit.rows - 1) * 12).toBeLessThanOrEqual(h);
        expect(Math.abs(fit.width / fit.height - 16 / 9)).toBeLessThan(0.02);
      }
    }
    expect(fitGrid(4, 1256, 640, 16 / 9, 12)).toMatchObject({ columns: 2, rows: 2 });
    expect(fitGrid(6, 1256, 640, 16 / 9, 12)).toMatchObject({ columns: 3, rows: 2 });
  });

  it('answers an empty fit for nothing to place or no room', () => {
    expect(fitGrid(0, 800, 600).width).toBe(0);
    expect(fitGrid(3, 0, 600).width).toBe(0);
  });
});
