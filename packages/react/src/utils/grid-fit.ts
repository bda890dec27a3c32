/** How `count` equal tiles fit a box: columns, rows and the size of each tile, in pixels. */
export interface GridFit {
  columns: number;
  rows: number;
  width: number;
  height: number;
}

/**
 * The arrangement of `count` tiles of aspect ratio `aspect` (width / height) in a `width` ×
 * `height` box, `gap` pixels apart, that gives every tile the largest size. Tiles keep their
 * aspect ratio, so a picture of that shape is shown whole. Internal: not exported by the package.
 *
 * @example
 * fitGrid(4, 1200, 700, 16 / 9, 12) // → { columns: 2, rows: 2, width: 594, height: 334 }
 */
export function fitGrid(count: number, width: number, height: number, aspect = 16 / 9, gap = 0): GridFit {
  let best: GridFit = { columns: 1, rows: 1, width: 0, height: 0 };
  if (count < 1 || width <= 0 || height <= 0 || aspect <= 0) return best;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    // A column count that leaves a whole row empty is never better than one fewer column.
    if (columns > 1 && Math.ceil(count / (columns - 1)) === rows) continue;
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    if (tileWidth > best.width) best = { columns, rows, width: tileWidth, height: tileWidth / aspect };
  }
  return { ...best, width: Math.floor(best.width), height: Math.floor(best.height) };
}
