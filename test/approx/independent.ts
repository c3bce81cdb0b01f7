/**
 * An evaluator of V* sentences written from the vocabulary's table alone
 * (time-1 maps, one word at a time): the tests judge sentences with it, not
 * with the evaluator in `src/approx`.
 */
export type RunLike = readonly [string, number];

/** One time-1 word at (x, y). */
export function word(w: string, x: number, y: number): [number, number] {
  switch (w) {
    case 'hx':
      return [x / 2, y];
    case 'dx':
      return [x * 2, y];
    case 'hy':
      return [x, y / 2];
    case 'dy':
      return [x, y * 2];
    case 'tx+':
      return [x + 1, y];
    case 'tx-':
      return [x - 1, y];
    case 'ty+':
      return [x, y + 1];
    case 'ty-':
      return [x, y - 1];
    case 'ry+':
      return [x, y + Math.max(x, 0)];
    case 'ry-':
      return [x, y - Math.max(x, 0)];
    case 'rx+':
      return [x + Math.max(y, 0), y];
    case 'rx-':
      return [x - Math.max(y, 0), y];
    case 'sx+':
      return [x > 0 ? x * Math.E : x, y];
    case 'sx-':
      return [x > 0 ? x / Math.E : x, y];
    case 'sy+':
      return [x, y > 0 ? y * Math.E : y];
    case 'sy-':
      return [x, y > 0 ? y / Math.E : y];
    default:
      throw new Error(`unknown word ${w}`);
  }
}

/** The sentence at (x, y), word by word. */
export function wordByWord(sentence: readonly RunLike[], x: number, y: number): [number, number] {
  let p: [number, number] = [x, y];
  for (const [w, n] of sentence) for (let i = 0; i < n; i++) p = word(w, p[0], p[1]);
  return p;
}

/** The sup distance between the sentence and `target` at the given points. */
export function supError(
  sentence: readonly RunLike[],
  target: (x: number, y: number) => readonly [number, number],
  points: readonly (readonly [number, number])[],
): number {
  let worst = 0;
  for (const [x, y] of points) {
    const [a, b] = wordByWord(sentence, x, y);
    const [c, d] = target(x, y);
    const e = Math.hypot(a - c, b - d);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

/** An n×n grid of the box offset by a fraction of a cell (not the grid `approx` measures on), plus the corners. */
export function offsetGrid(n: number, box = { x0: -1, x1: 1, y0: -1, y1: 1 }): [number, number][] {
  const out: [number, number][] = [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x0, box.y1],
    [box.x1, box.y1],
  ];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out.push([box.x0 + ((box.x1 - box.x0) * (i + 0.37)) / n, box.y0 + ((box.y1 - box.y0) * (j + 0.61)) / n]);
    }
  }
  return out;
}
