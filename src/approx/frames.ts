/**
 * Emitting sentences in *frames*. While a sentence is built, each stored
 * coordinate is an affine image of the coordinate the construction means
 * (its "logical" value): stored = 2^f·(logical − o), f an integer, o a dyadic
 * rational. Dyadic scalings and translations of the logical map only change
 * (f, o) — no words — and words are spent when a construction needs a
 * particular frame: a relu word acts on the stored value, so `ry` adds
 * 2^{f_x − f_y}·relu(x − o_x) to the logical y. Changing frame is one Horner
 * scheme over the signed binary digits of the offset (`dx^k tx+ hx^k` is
 * x + 2^-k), with the digits of the top chunk added as a run when that is
 * cheaper than halvings.
 */
import * as D from './dyadic.js';
import { type Dyadic } from './dyadic.js';
import { type Sentence, SentenceWriter } from './sentence.js';
import { type WordName } from './vocabulary.js';

/** A coordinate axis. */
export type Axis = 'x' | 'y';

/** stored = 2^f·(logical − o). */
export interface Frame {
  readonly f: number;
  readonly o: Dyadic;
}

const IDENTITY: Frame = { f: 0, o: D.ZERO };

const WORDS_OF: {
  readonly [A in Axis]: {
    up: WordName;
    down: WordName;
    plus: WordName;
    minus: WordName;
    reluPlus: WordName;
    reluMinus: WordName;
    expPlus: WordName;
    expMinus: WordName;
  };
} = {
  // `reluPlus` on axis a adds relu(stored other) to stored a.
  x: {
    up: 'dx',
    down: 'hx',
    plus: 'tx+',
    minus: 'tx-',
    reluPlus: 'rx+',
    reluMinus: 'rx-',
    expPlus: 'sx+',
    expMinus: 'sx-',
  },
  y: {
    up: 'dy',
    down: 'hy',
    plus: 'ty+',
    minus: 'ty-',
    reluPlus: 'ry+',
    reluMinus: 'ry-',
    expPlus: 'sy+',
    expMinus: 'sy-',
  },
};

/** Signed binary digits (non-adjacent form) of n, least significant first: n = Σ d_j 2^j, d_j ∈ {−1, 0, 1}. */
export function nafDigits(n: bigint): number[] {
  const out: number[] = [];
  while (n !== 0n) {
    if ((n & 1n) === 1n) {
      const d = 2n - (((n % 4n) + 4n) % 4n);
      out.push(Number(d));
      n -= d;
    } else out.push(0);
    n >>= 1n;
  }
  return out;
}

/**
 * How to add N·2^b (with a scaling 2^Δ of the old value) by Horner: a chunk
 * C added at scale 2^{b+t}, then the t lower signed digits with one doubling
 * between them. Chosen to minimise the words spent.
 */
interface HornerPlan {
  readonly top: number;
  readonly chunk: bigint;
  readonly digits: readonly number[];
  readonly words: number;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** The cheapest split of N = C·2^t + Σ_{j<t} d_j 2^j, counting `scaleWords(t)` for the scalings it implies. */
function planHorner(n: bigint, scaleWords: (t: number) => number): HornerPlan {
  const digits = nafDigits(n);
  let best: HornerPlan | undefined;
  let lowSum = 0n;
  let nonzero = 0;
  for (let t = 0; t <= digits.length; t++) {
    const chunk = (n - lowSum) >> BigInt(t);
    const words = Number(abs(chunk) > 1n << 50n ? 1n << 50n : abs(chunk)) + nonzero + t + scaleWords(t);
    if (best === undefined || words < best.words) best = { top: t, chunk, digits: digits.slice(0, t), words };
    if (t < digits.length) {
      const d = digits[t]!;
      lowSum += BigInt(d) << BigInt(t);
      if (d !== 0) nonzero++;
    }
  }
  return best!;
}

/** A sentence under construction, with the frame of each coordinate. */
export class FrameBuilder {
  readonly writer = new SentenceWriter();
  private readonly frames: { x: Frame; y: Frame } = { x: IDENTITY, y: IDENTITY };

  /** The current frame of an axis. */
  frame(axis: Axis): Frame {
    return this.frames[axis];
  }

  /** Words emitted so far. */
  get length(): number {
    return this.writer.length;
  }

  /**
   * Declares, without words, that the logical coordinate is now
   * 2^k·logical + c: the stored value is unchanged, its frame is rewritten.
   */
  relabel(axis: Axis, k: number, c: Dyadic): void {
    const { f, o } = this.frames[axis];
    this.frames[axis] = { f: f - k, o: D.add(D.scale2(o, k), c) };
  }

  /** Declares, without words, the frame the stored value is in (after words whose effect the caller accounts for). */
  declare(axis: Axis, frame: Frame): void {
    this.frames[axis] = frame;
  }

  /** Emits k doublings (k > 0) or −k halvings of the stored value, leaving the frame record to the caller. */
  scaleWords(axis: Axis, k: number): void {
    this.scale(axis, k);
  }

  private scale(axis: Axis, k: number): void {
    const w = WORDS_OF[axis];
    if (k > 0) this.writer.push(w.up, k);
    else if (k < 0) this.writer.push(w.down, -k);
  }

  private addInteger(axis: Axis, c: bigint): void {
    const w = WORDS_OF[axis];
    if (abs(c) > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('a translation run that long cannot be written');
    if (c > 0n) this.writer.push(w.plus, Number(c));
    else if (c < 0n) this.writer.push(w.minus, Number(-c));
  }

  /** The words `setFrame` would spend (without emitting them). */
  frameCost(axis: Axis, f2: number, o2: Dyadic): number {
    const { f: f1, o: o1 } = this.frames[axis];
    const delta = f2 - f1;
    const e = D.scale2(D.sub(o1, o2), f2);
    if (e.m === 0n) return Math.abs(delta);
    const b = Math.min(e.e, 0);
    return planHorner(e.m << BigInt(e.e - b), (t) => Math.abs(delta - b - t) + Math.abs(b)).words;
  }

  /** Emits the words that bring an axis into the frame (f2, o2): stored' = 2^{f2−f1}·stored + 2^{f2}(o1 − o2). */
  setFrame(axis: Axis, f2: number, o2: Dyadic): void {
    const { f: f1, o: o1 } = this.frames[axis];
    const delta = f2 - f1;
    const e = D.scale2(D.sub(o1, o2), f2);
    this.frames[axis] = { f: f2, o: o2 };
    if (e.m === 0n) {
      this.scale(axis, delta);
      return;
    }
    // stored' = 2^b·(2^{Δ−b}·stored + N), N = e/2^b an integer, by Horner from the top digit down.
    const b = Math.min(e.e, 0);
    const plan = planHorner(e.m << BigInt(e.e - b), (t) => Math.abs(delta - b - t) + Math.abs(b));
    this.scale(axis, delta - b - plan.top);
    this.addInteger(axis, plan.chunk);
    for (let j = plan.top - 1; j >= 0; j--) {
      this.scale(axis, 1);
      this.addInteger(axis, BigInt(plan.digits[j]!));
    }
    this.scale(axis, b);
  }

  /**
   * Adds n·t·(u − o_u) to the logical coordinate `axis` with relu words, u the
   * other coordinate — valid where u ≥ o_u (the other frame's origin), which
   * the caller arranges. t = N·2^lo is written by Horner over the frames of
   * `axis` (each relu word at frame f_axis = f_u − i adds 2^i); the frame of
   * `axis` keeps its origin, and the caller relabels the constant.
   */
  addLinear(axis: Axis, t: Dyadic): void {
    if (t.m === 0n) return;
    const other: Axis = axis === 'x' ? 'y' : 'x';
    const fu = this.frames[other].f;
    const { f: fa, o } = this.frames[axis];
    // Digit j of N contributes at frame f_axis = fu − (lo + j).
    const base = fu - t.e;
    // Top-down (chunk first, ending at the finest frame) or bottom-up (finest digit first, ending near the frame
    // of the chunk): count the words to reach the first frame and, as the price of leaving it, the distance of the
    // last frame from the one the axis had.
    const down = planHorner(t.m, (top) => Math.abs(fa - (base - top)) + Math.abs(base - fa));
    const up = planHorner(t.m, (top) => Math.abs(fa - base) + Math.abs(base - top - fa));
    if (down.words <= up.words) {
      this.setFrame(axis, base - down.top, o);
      this.relu(axis, down.chunk);
      for (let j = down.top - 1; j >= 0; j--) {
        this.setFrame(axis, base - j, o);
        this.relu(axis, BigInt(down.digits[j]!));
      }
    } else {
      for (let j = 0; j < up.top; j++) {
        this.setFrame(axis, base - j, o);
        this.relu(axis, BigInt(up.digits[j]!));
      }
      this.setFrame(axis, base - up.top, o);
      this.relu(axis, up.chunk);
    }
  }

  /**
   * Moves an axis's origin to o2 at whichever scale (among the current one
   * and a few small ones) costs fewest words now plus the words to scale back
   * to 2^0 later.
   */
  moveOrigin(axis: Axis, o2: Dyadic): void {
    const current = this.frames[axis].f;
    let best = current;
    let bestCost = Infinity;
    for (const f of new Set([current, 0, Math.round(current / 2), -1, 1, 2, 3])) {
      const cost = this.frameCost(axis, f, o2) + Math.abs(f);
      if (cost < bestCost) {
        best = f;
        bestCost = cost;
      }
    }
    this.setFrame(axis, best, o2);
  }

  /** n relu words on `axis` (positive: rx+/ry+, negative: rx-/ry-): stored axis += n·relu(stored other). */
  relu(axis: Axis, n: bigint | number): void {
    const w = WORDS_OF[axis];
    const k = typeof n === 'bigint' ? n : BigInt(n);
    if (abs(k) > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('a relu run that long cannot be written');
    if (k > 0n) this.writer.push(w.reluPlus, Number(k));
    else if (k < 0n) this.writer.push(w.reluMinus, Number(-k));
  }

  /** n exponential words on `axis` (sx±/sy±): stored ↦ e^n·stored where stored > 0. */
  exp(axis: Axis, n: number): void {
    const w = WORDS_OF[axis];
    if (n > 0) this.writer.push(w.expPlus, n);
    else if (n < 0) this.writer.push(w.expMinus, -n);
  }

  /** Brings both axes back to the identity frame and returns the sentence. */
  finish(): Sentence {
    this.setFrame('x', 0, D.ZERO);
    this.setFrame('y', 0, D.ZERO);
    return this.writer.sentence();
  }
}
