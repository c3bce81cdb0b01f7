/**
 * A braille canvas: a grid of terminal cells, each a 2×4 block of dots
 * (Unicode U+2800–U+28FF), so a `cols × rows` canvas has `2·cols × 4·rows`
 * pixels. Plots points, clipped lines and rectangle outlines, in pixels or in
 * world coordinates through a `Viewport`, and turns the grid into strings.
 *
 * Every dot carries a *layer* (a small integer chosen by the caller, e.g.
 * regions < target < trajectory); a cell reports the highest layer among its
 * dots, so a front end can style cells by what they show. Text labels sit on
 * top of dots. Nothing here does I/O; out-of-range or non-finite input is
 * clipped or ignored, never thrown.
 */

/** The grid being drawn on. Mutable while plotting; read with `canvasLines`/`canvasRuns`. */
export interface Canvas {
  readonly cols: number;
  readonly rows: number;
  /** Braille dot bits per cell, row-major. */
  readonly dots: Uint8Array;
  /** Highest layer drawn into each cell (0 = nothing). */
  readonly layers: Uint8Array;
  /** Text characters overriding cells, with their layer. */
  readonly labels: Map<number, { readonly ch: string; readonly layer: number }>;
}

/** Bit of the dot at column `x` (0–1) and row `y` (0–3) inside a cell. */
const DOT_BITS: readonly (readonly number[])[] = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

/** A blank canvas of `cols × rows` cells (both at least 0). */
export function createCanvas(cols: number, rows: number): Canvas {
  const c = Math.max(0, Math.floor(cols));
  const r = Math.max(0, Math.floor(rows));
  return { cols: c, rows: r, dots: new Uint8Array(c * r), layers: new Uint8Array(c * r), labels: new Map() };
}

/** Width and height in pixels. */
export function pixelSize(canvas: Canvas): { width: number; height: number } {
  return { width: canvas.cols * 2, height: canvas.rows * 4 };
}

/** Sets the pixel `(px, py)` (origin top left); pixels off the canvas are ignored. */
export function setDot(canvas: Canvas, px: number, py: number, layer = 1): void {
  if (!Number.isFinite(px) || !Number.isFinite(py)) return;
  const x = Math.round(px);
  const y = Math.round(py);
  if (x < 0 || y < 0 || x >= canvas.cols * 2 || y >= canvas.rows * 4) return;
  const cell = (y >> 2) * canvas.cols + (x >> 1);
  canvas.dots[cell]! |= DOT_BITS[y & 3]![x & 1]!;
  if (layer > canvas.layers[cell]!) canvas.layers[cell] = layer;
}

/** Whether the pixel `(px, py)` is set. */
export function hasDot(canvas: Canvas, px: number, py: number): boolean {
  if (px < 0 || py < 0 || px >= canvas.cols * 2 || py >= canvas.rows * 4) return false;
  const cell = (py >> 2) * canvas.cols + (px >> 1);
  return (canvas.dots[cell]! & DOT_BITS[py & 3]![px & 1]!) !== 0;
}

/**
 * Clips the segment to the box `[xmin, xmax] × [ymin, ymax]` (Liang–Barsky),
 * or returns null when nothing of it is inside. Keeps rasterization bounded
 * however far away the endpoints are. The segment is walked by half its
 * extent (`x0 + v · (x1/2 − x0/2)`, v from 0 to 2): `x1 − x0` itself
 * overflows to infinity for endpoints near ±1.8e308, and the clipped points
 * would come out NaN.
 */
export function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  xmin: number,
  ymin: number,
  xmax: number,
  ymax: number,
): [number, number, number, number] | null {
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const hx = x1 / 2 - x0 / 2;
  const hy = y1 / 2 - y0 / 2;
  let v0 = 0;
  let v1 = 2;
  const edges: [number, number][] = [
    [-hx, x0 - xmin],
    [hx, xmax - x0],
    [-hy, y0 - ymin],
    [hy, ymax - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const v = q / p;
    if (p < 0) {
      if (v > v1) return null;
      if (v > v0) v0 = v;
    } else {
      if (v < v0) return null;
      if (v < v1) v1 = v;
    }
  }
  return [x0 + v0 * hx, y0 + v0 * hy, x0 + v1 * hx, y0 + v1 * hy];
}

/** Draws the segment between two pixels (clipped to the canvas). */
export function drawLine(canvas: Canvas, x0: number, y0: number, x1: number, y1: number, layer = 1): void {
  const { width, height } = pixelSize(canvas);
  if (width === 0 || height === 0) return;
  const clipped = clipSegment(x0, y0, x1, y1, 0, 0, width - 1, height - 1);
  if (clipped === null) return;
  let x = Math.round(clipped[0]);
  let y = Math.round(clipped[1]);
  const xe = Math.round(clipped[2]);
  const ye = Math.round(clipped[3]);
  // The walk below ends only on reaching (xe, ye): never start it from a point that is not a number.
  if (![x, y, xe, ye].every(Number.isFinite)) return;
  // Bresenham; after clipping at most width + height steps.
  const dx = Math.abs(xe - x);
  const dy = -Math.abs(ye - y);
  const sx = x < xe ? 1 : -1;
  const sy = y < ye ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    setDot(canvas, x, y, layer);
    if (x === xe && y === ye) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

/** Draws the outline of the rectangle with corners `(x0, y0)` and `(x1, y1)`, in pixels. */
export function drawRect(canvas: Canvas, x0: number, y0: number, x1: number, y1: number, layer = 1): void {
  drawLine(canvas, x0, y0, x1, y0, layer);
  drawLine(canvas, x1, y0, x1, y1, layer);
  drawLine(canvas, x1, y1, x0, y1, layer);
  drawLine(canvas, x0, y1, x0, y0, layer);
}

/**
 * Puts text into cells starting at cell `(col, row)`, one code point per cell;
 * what falls off the canvas is dropped.
 */
export function drawLabel(canvas: Canvas, col: number, row: number, text: string, layer = 1): void {
  if (!Number.isFinite(col) || !Number.isFinite(row)) return;
  const r = Math.round(row);
  if (r < 0 || r >= canvas.rows) return;
  let c = Math.round(col);
  for (const ch of text) {
    if (c >= 0 && c < canvas.cols) canvas.labels.set(r * canvas.cols + c, { ch, layer });
    c++;
  }
}

/** The canvas as lines of text, one per row of cells. */
export function canvasLines(canvas: Canvas): string[] {
  return canvasRuns(canvas).map((runs) => runs.map((r) => r.text).join(''));
}

/** A stretch of one row whose cells share a layer. */
export interface Run {
  readonly text: string;
  readonly layer: number;
}

/** Each row as runs of equal layer, for styling cells by what they show. */
export function canvasRuns(canvas: Canvas): Run[][] {
  const out: Run[][] = [];
  for (let r = 0; r < canvas.rows; r++) {
    const runs: Run[] = [];
    let text = '';
    let layer = -1;
    for (let c = 0; c < canvas.cols; c++) {
      const i = r * canvas.cols + c;
      const label = canvas.labels.get(i);
      const ch = label?.ch ?? String.fromCharCode(0x2800 + canvas.dots[i]!);
      const l = label?.layer ?? canvas.layers[i]!;
      if (l !== layer && text !== '') {
        runs.push({ text, layer });
        text = '';
      }
      layer = l;
      text += ch;
    }
    if (text !== '') runs.push({ text, layer });
    out.push(runs);
  }
  return out;
}

/** The world rectangle a canvas shows (y grows upwards, as in a plot). */
export interface Viewport {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * World point → pixel (fractional; the drawing functions round). A degenerate
 * viewport maps to the middle instead of dividing by zero.
 */
export function toPixel(canvas: Canvas, view: Viewport, x: number, y: number): [number, number] {
  const { width, height } = pixelSize(canvas);
  const sx = view.xMax > view.xMin ? (x - view.xMin) / (view.xMax - view.xMin) : 0.5;
  const sy = view.yMax > view.yMin ? (view.yMax - y) / (view.yMax - view.yMin) : 0.5;
  return [sx * (width - 1), sy * (height - 1)];
}

/** The cell holding a world point, for placing labels. */
export function toCell(canvas: Canvas, view: Viewport, x: number, y: number): [number, number] {
  const [px, py] = toPixel(canvas, view, x, y);
  return [Math.floor(Math.round(px) / 2), Math.floor(Math.round(py) / 4)];
}

/** Plots a world point. */
export function plotPoint(canvas: Canvas, view: Viewport, x: number, y: number, layer = 1): void {
  const [px, py] = toPixel(canvas, view, x, y);
  setDot(canvas, px, py, layer);
}

/** Plots a world segment. */
export function plotLine(
  canvas: Canvas,
  view: Viewport,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  layer = 1,
): void {
  const [a, b] = toPixel(canvas, view, x0, y0);
  const [c, d] = toPixel(canvas, view, x1, y1);
  drawLine(canvas, a, b, c, d, layer);
}

/** Plots a polyline through world points. */
export function plotPath(
  canvas: Canvas,
  view: Viewport,
  points: readonly (readonly [number, number])[],
  layer = 1,
): void {
  if (points.length === 1) plotPoint(canvas, view, points[0]![0], points[0]![1], layer);
  for (let i = 1; i < points.length; i++) {
    plotLine(canvas, view, points[i - 1]![0], points[i - 1]![1], points[i]![0], points[i]![1], layer);
  }
}

/** Outlines the world rectangle `[x0, x1] × [y0, y1]`. */
export function plotRect(
  canvas: Canvas,
  view: Viewport,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  layer = 1,
): void {
  const [a, b] = toPixel(canvas, view, x0, y0);
  const [c, d] = toPixel(canvas, view, x1, y1);
  drawRect(canvas, a, b, c, d, layer);
}

/** The smallest viewport holding every point, widened by `pad` (a fraction) on each side. */
export function fitViewport(points: Iterable<readonly [number, number]>, pad = 0.05): Viewport {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  if (xMin > xMax) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  // A single point or a flat cloud still gets a visible extent.
  if (xMax === xMin) {
    xMin -= 0.5;
    xMax += 0.5;
  }
  if (yMax === yMin) {
    yMin -= 0.5;
    yMax += 0.5;
  }
  const w = xMax - xMin;
  const h = yMax - yMin;
  return { xMin: xMin - pad * w, xMax: xMax + pad * w, yMin: yMin - pad * h, yMax: yMax + pad * h };
}
