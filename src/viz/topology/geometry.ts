/**
 * Rectangles and grids of equal cells, in CSS pixels. A grid stores only its origin, pitch and
 * column count, so the renderer finds cell i with two multiplications instead of keeping an
 * object per thread, slot or core.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** `count` cells of `cellW` x `cellH`, filled row by row from the top left. */
export interface Grid {
  x: number;
  y: number;
  cols: number;
  rows: number;
  count: number;
  cellW: number;
  cellH: number;
  pitchX: number;
  pitchY: number;
}

export const EMPTY_GRID: Grid = {
  x: 0,
  y: 0,
  cols: 0,
  rows: 0,
  count: 0,
  cellW: 0,
  cellH: 0,
  pitchX: 0,
  pitchY: 0,
};

export function cellX(grid: Grid, i: number): number {
  return grid.x + (i % grid.cols) * grid.pitchX;
}

export function cellY(grid: Grid, i: number): number {
  return grid.y + Math.floor(i / grid.cols) * grid.pitchY;
}

/** The grid's outer size: from its first cell to the far edge of its last column and row. */
export function gridBounds(grid: Grid): Rect {
  if (grid.count === 0) return { x: grid.x, y: grid.y, w: 0, h: 0 };
  const w = (grid.cols - 1) * grid.pitchX + grid.cellW;
  const h = (grid.rows - 1) * grid.pitchY + grid.cellH;
  return { x: grid.x, y: grid.y, w, h };
}

/** The index of the cell under (x, y), or -1; the gaps between cells count as misses. */
export function cellAt(grid: Grid, x: number, y: number): number {
  if (grid.count === 0 || x < grid.x || y < grid.y) return -1;
  const col = Math.floor((x - grid.x) / grid.pitchX);
  const row = Math.floor((y - grid.y) / grid.pitchY);
  if (col >= grid.cols || row >= grid.rows) return -1;
  if (x - grid.x - col * grid.pitchX > grid.cellW) return -1;
  if (y - grid.y - row * grid.pitchY > grid.cellH) return -1;
  const i = row * grid.cols + col;
  return i < grid.count ? i : -1;
}

export interface PackOptions {
  /** Cell width over cell height. */
  aspect: number;
  maxCellH: number;
  /** Gap between cells as a fraction of the cell height. */
  gapRatio: number;
}

/**
 * The largest cells of the given aspect that fit `count` of them into `area`, packed from its
 * top left. Tries every column count, which is cheap for the few hundred cells drawn at most.
 */
export function packGrid(count: number, area: Rect, options: PackOptions): Grid {
  if (count <= 0 || area.w <= 0 || area.h <= 0) return { ...EMPTY_GRID, x: area.x, y: area.y };
  const { aspect, maxCellH, gapRatio } = options;
  let best = 0;
  let bestCols = 1;
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const byHeight = area.h / (rows + (rows - 1) * gapRatio);
    const byWidth = area.w / (cols * aspect + (cols - 1) * gapRatio);
    const cellH = Math.min(byHeight, byWidth, maxCellH);
    if (cellH > best) {
      best = cellH;
      bestCols = cols;
    }
  }
  return gridOf(count, area.x, area.y, bestCols, best * aspect, best, best * gapRatio);
}

export function gridOf(
  count: number,
  x: number,
  y: number,
  cols: number,
  cellW: number,
  cellH: number,
  gap: number,
): Grid {
  const rows = Math.ceil(count / cols);
  return { x, y, cols, rows, count, cellW, cellH, pitchX: cellW + gap, pitchY: cellH + gap };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether `inner` lies within `outer`, allowing for rounding of a hundredth of a pixel. */
export function contains(outer: Rect, inner: Rect): boolean {
  const e = 0.01;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.w <= outer.x + outer.w + e &&
    inner.y + inner.h <= outer.y + outer.h + e
  );
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, value));
}
