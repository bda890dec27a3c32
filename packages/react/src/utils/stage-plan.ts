import { fitGrid } from './grid-fit';

/** How the stage is arranged: alone, one other person large, equal tiles, or one large beside a strip. */
export type StageMode = 'solo' | 'spotlight' | 'grid' | 'focus';

/** A size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Where everything goes on a stage of a given size. Sizes are `null` when the stage is not measured. */
export interface StagePlan {
  mode: StageMode;
  /** The large tile (spotlight, focus). */
  main: Size | null;
  /** Tiles of the grid, or of the strip beside the large one. */
  tile: Size | null;
  /** Tiles per row in the grid or strip. */
  columns: number;
  /** Where the strip is (focus) and how thick. */
  strip: { side: 'right' | 'bottom'; size: number } | null;
  /** The floating self view (solo, spotlight). */
  self: Size | null;
}

/** What {@link planStage} needs. */
export interface StageInput {
  mode: StageMode;
  width: number;
  height: number;
  gap: number;
  /** Tiles in the grid (grid) or strip (focus). */
  count: number;
  /** Width / height of the large picture. */
  mainAspect: number;
  /** Width / height of your own camera picture. */
  selfAspect: number;
}

const GRID_ASPECT = 16 / 9;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The floating self view: a fifth of the stage's width (a third on phones), never more than 30 % of its height. */
function selfSize(width: number, height: number, aspect: number): Size {
  const phone = width < 600;
  let w = clamp(width * (phone ? 0.3 : 0.2), 96, 280);
  let h = w / aspect;
  if (h > height * 0.3) {
    h = height * 0.3;
    w = h * aspect;
  }
  return { width: Math.round(w), height: Math.round(h) };
}

/**
 * Sizes every part of the stage so each picture keeps its shape: the large one fitted to its own
 * aspect ratio, grid and strip tiles to 16:9, the strip on the right of a wide stage and below a
 * tall one, nothing wider or taller than the stage (no scrolling). Internal.
 */
export function planStage(input: StageInput): StagePlan {
  const { mode, width, height, gap, count } = input;
  const plan: StagePlan = { mode, main: null, tile: null, columns: 1, strip: null, self: null };
  if (width <= 0 || height <= 0) return plan;
  if (mode === 'solo' || mode === 'spotlight') plan.self = selfSize(width, height, input.selfAspect);
  if (mode === 'spotlight') {
    const fit = fitGrid(1, width, height, input.mainAspect);
    plan.main = { width: fit.width, height: fit.height };
  } else if (mode === 'grid') {
    const fit = fitGrid(count, width, height, GRID_ASPECT, gap);
    plan.tile = { width: fit.width, height: fit.height };
    plan.columns = fit.columns;
  } else if (mode === 'focus') {
    const side = width / height >= 1 ? 'right' : 'bottom';
    const size = side === 'right' ? clamp(width * 0.2, 140, 280) : clamp(height * 0.2, 72, 180);
    const mainBox = side === 'right' ? [width - size - gap, height] : [width, height - size - gap];
    const main = fitGrid(1, mainBox[0]!, mainBox[1]!, input.mainAspect);
    const strip = side === 'right' ? fitGrid(count, size, height, GRID_ASPECT, gap) : fitGrid(count, width, size, GRID_ASPECT, gap);
    plan.main = { width: main.width, height: main.height };
    plan.tile = { width: strip.width, height: strip.height };
    plan.columns = strip.columns;
    plan.strip = { side, size };
  }
  return plan;
}
