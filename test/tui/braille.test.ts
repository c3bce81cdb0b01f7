import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canvasLines,
  canvasRuns,
  clipSegment,
  createCanvas,
  drawLabel,
  drawLine,
  drawRect,
  fitViewport,
  hasDot,
  plotPath,
  plotPoint,
  plotRect,
  setDot,
  toCell,
  toPixel,
} from '../../src/tui/braille.js';

/** Every set pixel of a canvas, by scanning the public `hasDot`. */
function pixels(canvas: ReturnType<typeof createCanvas>): [number, number][] {
  const out: [number, number][] = [];
  for (let y = 0; y < canvas.rows * 4; y++)
    for (let x = 0; x < canvas.cols * 2; x++) if (hasDot(canvas, x, y)) out.push([x, y]);
  return out;
}

describe('braille canvas', () => {
  it('maps each of the eight dots of a cell to its Unicode bit', () => {
    // Dot numbering of Unicode braille: 1 2 3 7 down the left, 4 5 6 8 down the right.
    const expected: [number, number, string][] = [
      [0, 0, '\u2801'],
      [0, 1, '\u2802'],
      [0, 2, '\u2804'],
      [0, 3, '\u2840'],
      [1, 0, '\u2808'],
      [1, 1, '\u2810'],
      [1, 2, '\u2820'],
      [1, 3, '\u2880'],
    ];
    for (const [x, y, ch] of expected) {
      const c = createCanvas(1, 1);
      setDot(c, x, y);
      expect(canvasLines(c)).toEqual([ch]);
    }
  });

  it('fills a cell with all dots as ⣿ and leaves blank cells as U+2800', () => {
    const c = createCanvas(2, 1);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 2; x++) setDot(c, x, y);
    expect(canvasLines(c)).toEqual(['⣿\u2800']);
  });

  it('draws horizontal and vertical lines', () => {
    const h = createCanvas(2, 1);
    drawLine(h, 0, 0, 3, 0);
    expect(canvasLines(h)).toEqual(['⠉⠉']);
    const v = createCanvas(1, 2);
    drawLine(v, 0, 0, 0, 7);
    expect(canvasLines(v)).toEqual(['⡇', '⡇']);
  });

  it('outlines a rectangle', () => {
    const c = createCanvas(2, 1);
    drawRect(c, 0, 0, 3, 3);
    expect(canvasLines(c)).toEqual(['⣏⣹']);
  });

  it('ignores pixels off the canvas and non-finite coordinates', () => {
    const c = createCanvas(2, 2);
    setDot(c, -1, 0);
    setDot(c, 4, 0);
    setDot(c, 0, 8);
    setDot(c, Number.NaN, 1);
    setDot(c, 1, Number.POSITIVE_INFINITY);
    drawLine(c, Number.NaN, 0, 3, 3);
    expect(pixels(c)).toEqual([]);
  });

  it('test_bug_line_overflow: a line between ±1.8e308 ends (its extent overflowed to Infinity, the clipped points came out NaN and the walk never stopped)', () => {
    const c = createCanvas(3, 2);
    const max = Number.MAX_VALUE;
    drawLine(c, -max, 1, max, 1);
    drawLine(c, -max, -max, max, max);
    drawLine(c, max, 3, -max, 5);
    for (const [x, y] of pixels(c)) expect(x >= 0 && x < 6 && y >= 0 && y < 8).toBe(true);
    expect(clipSegment(-max, 1, max, 1, 0, 0, 5, 7)!.every(Number.isFinite)).toBe(true);
  });

  it('clips a line whose endpoints are far away to the visible part', () => {
    const c = createCanvas(3, 1);
    drawLine(c, -1e12, 1, 1e12, 1);
    expect(pixels(c)).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
  });

  it('puts labels over dots, one code point per cell, dropping what falls off', () => {
    const c = createCanvas(3, 1);
    setDot(c, 0, 0);
    drawLabel(c, 1, 0, 'q0x');
    expect(canvasLines(c)).toEqual(['⠁q0']);
    drawLabel(c, 0, 5, 'zz');
    expect(canvasLines(c)).toEqual(['⠁q0']);
  });

  it('reports the highest layer per cell in runs', () => {
    const c = createCanvas(3, 1);
    setDot(c, 0, 0, 1);
    setDot(c, 2, 0, 1);
    setDot(c, 3, 0, 3);
    drawLabel(c, 2, 0, 'x', 2);
    expect(canvasRuns(c)).toEqual([
      [
        { text: '⠁', layer: 1 },
        { text: '⠉', layer: 3 },
        { text: 'x', layer: 2 },
      ],
    ]);
  });

  it('maps world coordinates with y upwards', () => {
    const c = createCanvas(2, 2); // 4 × 8 pixels
    const view = { xMin: 0, xMax: 3, yMin: 0, yMax: 7 };
    expect(toPixel(c, view, 0, 0)).toEqual([0, 7]);
    expect(toPixel(c, view, 3, 7)).toEqual([3, 0]);
    expect(toCell(c, view, 3, 0)).toEqual([1, 1]);
    plotPoint(c, view, 0, 7);
    expect(hasDot(c, 0, 0)).toBe(true);
    plotRect(c, view, 0, 0, 3, 7);
    expect(pixels(c).length).toBe(2 * 4 + 2 * 6);
    const p = createCanvas(2, 2);
    plotPath(p, view, [
      [0, 0],
      [3, 0],
      [3, 7],
    ]);
    expect(hasDot(p, 0, 7) && hasDot(p, 3, 7) && hasDot(p, 3, 0)).toBe(true);
  });

  it('fits a viewport around points, ignoring non-finite ones', () => {
    expect(
      fitViewport(
        [
          [0, 0],
          [10, 5],
          [Number.NaN, 3],
        ],
        0,
      ),
    ).toEqual({ xMin: 0, xMax: 10, yMin: 0, yMax: 5 });
    expect(fitViewport([], 0)).toEqual({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
    const flat = fitViewport([[2, 2]], 0);
    expect(flat.xMax - flat.xMin).toBe(1);
  });

  it('any line stays on the canvas, is 8-connected and hits its in-canvas endpoints', () => {
    const coord = fc.oneof(fc.integer({ min: -50, max: 60 }), fc.double({ noNaN: false }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        coord,
        coord,
        coord,
        coord,
        (cols, rows, x0, y0, x1, y1) => {
          const c = createCanvas(cols, rows);
          drawLine(c, x0, y0, x1, y1);
          const ps = pixels(c);
          for (const [x, y] of ps) expect(x < cols * 2 && y < rows * 4).toBe(true);
          const inside = (x: number, y: number): boolean =>
            Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < cols * 2 && y < rows * 4;
          if (inside(x0, y0) && inside(x1, y1)) {
            expect(hasDot(c, x0, y0) && hasDot(c, x1, y1)).toBe(true);
            expect(ps.length).toBe(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) + 1);
            // Connected: flood from one endpoint through 8-neighbours reaches every pixel.
            const key = (x: number, y: number): string => `${x},${y}`;
            const set = new Set(ps.map(([x, y]) => key(x, y)));
            const seen = new Set([key(x0, y0)]);
            const stack: [number, number][] = [[x0, y0]];
            while (stack.length > 0) {
              const [x, y] = stack.pop()!;
              for (let dx = -1; dx <= 1; dx++)
                for (let dy = -1; dy <= 1; dy++) {
                  const k = key(x + dx, y + dy);
                  if (set.has(k) && !seen.has(k)) {
                    seen.add(k);
                    stack.push([x + dx, y + dy]);
                  }
                }
            }
            expect(seen.size).toBe(set.size);
          }
        },
      ),
    );
  });

  it('clipSegment keeps segments inside the box and drops those outside', () => {
    expect(clipSegment(-5, 0, 5, 0, 0, 0, 2, 2)).toEqual([0, 0, 2, 0]);
    expect(clipSegment(-5, 5, -1, 5, 0, 0, 2, 2)).toBeNull();
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6 }),
        fc.double({ min: -1e6, max: 1e6 }),
        fc.double({ min: -1e6, max: 1e6 }),
        fc.double({ min: -1e6, max: 1e6 }),
        (a, b, c, d) => {
          const r = clipSegment(a, b, c, d, 0, 0, 10, 10);
          if (r !== null) {
            for (const v of r) {
              expect(v).toBeGreaterThanOrEqual(-1e-6);
              expect(v).toBeLessThanOrEqual(10 + 1e-6);
            }
          }
        },
      ),
    );
  });
});
