/**
 * Generates a WebAssembly matcher from a UTF-8 byte automaton.
 *
 * A step reads a *stride* of 4, 2 or 1 bytes and does one dependent load,
 * `q = load(q + column)`, where `q` is the address of the current state's row
 * and the column offset is looked up from the input alone (`strides.ts`): the
 * loop's latency chain is one load per four bytes for realistic patterns,
 * while the lookups that feed it run ahead in parallel.
 *
 * Memory layout: the class tables at 0 (pair or symbol table, last-byte
 * table, quad table), then the transition table, one row per unit state of
 * i32 *addresses* of the next row, then the input buffer. Rows are ordered
 * dead state first, then the states worth skipping in, so one unsigned
 * compare tells whether a state is special.
 *
 * Skipping: a state that loops on many bytes, given as at most
 * `MAX_SKIP_RANGES` byte ranges (identifier bodies, digits, the inside of a
 * quoted string), gets a SIMD scanner that tests sixteen bytes at a time and
 * jumps to the first byte that leaves the loop. The scanner only consumes
 * bytes on which the state loops, so the result is the same as stepping. A
 * scan that stops within sixteen bytes costs more than the strides it saves
 * (short words, digit groups), so each such miss doubles a back-off during
 * which no scan is tried (`MAX_SKIP_BACKOFF`), and a long scan resets it:
 * inputs that stay in the loop are scanned, inputs that leave it every few
 * bytes are strided.
 *
 * The exported `run(q, p, end)` reads bytes `[p, end)` from state address `q`
 * and returns the state address reached (early at the dead state).
 */
import type { UnitAutomaton } from '../units.js';
import { Code, encodeModule, I32, OP, SIMD, V128 } from './encode.js';
import { pairClasses, quadClasses } from './strides.js';

/** Bytes of input the module reads per call, at most. */
export const INPUT_SIZE = 1 << 18;
/** A state is skipped through when it loops on at least this many bytes … */
export const MIN_SKIP_BYTES = 8;
/** … given as at most this many ranges (each costs three vector instructions per 16 bytes). */
export const MAX_SKIP_RANGES = 6;
/** At most this many skip states get a scanner (code size). */
export const MAX_SKIP_STATES = 24;
/** Longest pause (bytes) between scans after scans that kept stopping short. */
export const MAX_SKIP_BACKOFF = 4096;
/**
 * Largest transition table (bytes) for a stride of 4 or 2; past it the next
 * shorter stride is used. Hot rows must stay in cache for the stride to pay.
 */
export const MAX_STRIDE_TABLE = 1 << 21;

/** Bytes read per dependent load. */
export type Stride = 1 | 2 | 4;

/** A generated module with the layout facts its runner needs to map states to row addresses and back. */
export interface MatcherModule {
  readonly bytes: Uint8Array;
  /** Address of unit state u's row. */
  readonly address: Int32Array;
  /** Start of the input buffer in memory. */
  readonly input: number;
  readonly rowBytes: number;
  readonly table: number;
  /** Unit state at row i. */
  readonly order: Int32Array;
  readonly stride: Stride;
}

/** How `matcherModule` generates code. */
export interface ModuleOptions {
  /** Emit SIMD scanners (default true; off where the runtime lacks SIMD). */
  readonly simd?: boolean;
  /** Longest stride to use (default 4; tests force each). */
  readonly maxStride?: Stride;
}

/** Byte ranges (inclusive) on which unit state `u` loops. */
export function loopRanges(a: UnitAutomaton, u: number): [number, number][] {
  const out: [number, number][] = [];
  for (let b = 0; b < 256; b++) {
    if (a.delta[u * a.symbols + a.symbolOf[b]!] !== u) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === b - 1) last[1] = b;
    else out.push([b, b]);
  }
  return out;
}

function skipStates(a: UnitAutomaton): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  for (let u = 0; u < a.dfa.states && out.size < MAX_SKIP_STATES; u++) {
    if (u === a.dead) continue;
    const ranges = loopRanges(a, u);
    const size = ranges.reduce((s, [lo, hi]) => s + hi - lo + 1, 0);
    if (size >= MIN_SKIP_BYTES && size < 256 && ranges.length <= MAX_SKIP_RANGES) out.set(u, ranges);
  }
  return out;
}

/** A lookup table in memory: `values[i]` stored with `width` bytes at `offset`. */
interface Lookup {
  readonly offset: number;
  readonly width: 1 | 2 | 4;
  readonly values: ArrayLike<number>;
}

const widthFor = (max: number): 1 | 2 | 4 => (max <= 0xff ? 1 : max <= 0xffff ? 2 : 4);

/** The column tables of the chosen stride: per column, the unit state reached from each unit state. */
interface Plan {
  readonly stride: Stride;
  readonly columns: readonly Int32Array[];
  /** Tables before the transition table, with offsets relative to 0. */
  readonly lookups: readonly Lookup[];
  /** Bytes used by the lookups. */
  readonly size: number;
  /** Stride 4: pair class count and the identity pair class. */
  readonly pairs: number;
  readonly identity: number;
}

function place(tables: { width: 1 | 2 | 4; values: ArrayLike<number> }[]): { lookups: Lookup[]; size: number } {
  let at = 0;
  const lookups = tables.map((t) => {
    const l = { offset: at, width: t.width, values: t.values };
    at += Math.ceil((t.values.length * t.width) / 8) * 8;
    return l;
  });
  return { lookups, size: at };
}

function plan(a: UnitAutomaton, maxStride: Stride): Plan {
  const n = a.states;
  const U = a.symbols;
  const maxColumns = Math.floor(MAX_STRIDE_TABLE / (4 * n));
  const pairs = maxStride >= 2 ? pairClasses(a, Math.min(4096, maxColumns)) : null;
  if (pairs !== null && maxStride >= 4) {
    const quads = quadClasses(pairs, n, maxColumns);
    if (quads !== null) {
      const w = widthFor(pairs.count - 1);
      const q = Int32Array.from(quads.ofPairs, (c) => c * 4);
      const { lookups, size } = place([
        { width: w, values: pairs.ofPair },
        { width: w, values: pairs.ofLast },
        { width: widthFor(quads.count * 4), values: q },
      ]);
      return { stride: 4, columns: quads.columns, lookups, size, pairs: pairs.count, identity: pairs.identity };
    }
  }
  if (pairs !== null) {
    const w = widthFor(pairs.count * 4);
    const { lookups, size } = place([
      { width: w, values: Int32Array.from(pairs.ofPair, (c) => c * 4) },
      { width: w, values: Int32Array.from(pairs.ofLast, (c) => c * 4) },
    ]);
    return { stride: 2, columns: pairs.columns, lookups, size, pairs: pairs.count, identity: pairs.identity };
  }
  const columns = Array.from({ length: U }, (_, s) => Int32Array.from({ length: n }, (_, u) => a.delta[u * U + s]!));
  const { lookups, size } = place([
    { width: 4, values: Int32Array.from({ length: 256 }, (_, b) => a.symbolOf[b]! * 4) },
  ]);
  return { stride: 1, columns, lookups, size, pairs: 0, identity: 0 };
}

/** Pushes `lookup[index]`, the index being on the stack. */
function load(c: Code, l: Lookup): void {
  if (l.width === 1) c.mem(OP.i32_load8_u, 0, l.offset);
  else if (l.width === 2) c.i32(1).op(OP.i32_shl).mem(OP.i32_load16_u, 1, l.offset);
  else c.i32(2).op(OP.i32_shl).mem(OP.i32_load, 2, l.offset);
}

/** Memory image: lookups, then one row per unit state (in `order`) of next-row addresses. */
interface Image {
  readonly memory: Uint8Array;
  readonly address: Int32Array;
  readonly table: number;
  readonly rowBytes: number;
  readonly input: number;
}

function image(a: UnitAutomaton, order: Int32Array, p: Plan): Image {
  const rowBytes = p.columns.length * 4;
  const table = Math.ceil(p.size / 64) * 64;
  const address = new Int32Array(a.states);
  order.forEach((u, i) => (address[u] = table + i * rowBytes));
  const input = Math.ceil((table + a.states * rowBytes) / 64) * 64;
  const memory = new Uint8Array(input);
  const view = new DataView(memory.buffer);
  for (const l of p.lookups) {
    for (let i = 0; i < l.values.length; i++) {
      const at = l.offset + i * l.width;
      if (l.width === 1) view.setUint8(at, l.values[i]!);
      else if (l.width === 2) view.setUint16(at, l.values[i]!, true);
      else view.setInt32(at, l.values[i]!, true);
    }
  }
  order.forEach((u, i) => {
    const row = table + i * rowBytes;
    p.columns.forEach((col, j) => view.setInt32(row + j * 4, address[col[u]!]!, true));
  });
  return { memory, address, table, rowBytes, input };
}

function finish(
  img: Image,
  order: Int32Array,
  stride: Stride,
  c: Code,
  locals: readonly number[],
  inputSize: number,
): MatcherModule {
  const bytes = encodeModule({
    memoryPages: Math.ceil((img.input + inputSize + 16) / 65536),
    functions: [{ params: [I32, I32, I32], results: [I32], locals, body: c, export: 'run' }],
    data: [{ offset: 0, bytes: img.memory }],
  });
  return { bytes, address: img.address, input: img.input, rowBytes: img.rowBytes, table: img.table, order, stride };
}

/** The matcher module for a byte automaton. */
export function matcherModule(a: UnitAutomaton, options: ModuleOptions = {}): MatcherModule {
  const simd = options.simd ?? true;
  const skips = simd ? skipStates(a) : new Map<number, [number, number][]>();
  const specials = [...(a.dead >= 0 ? [a.dead] : []), ...skips.keys()];
  const isSpecial = new Uint8Array(a.states);
  for (const u of specials) isSpecial[u] = 1;
  const order = Int32Array.from([
    ...specials,
    ...Array.from({ length: a.states }, (_, u) => u).filter((u) => !isSpecial[u]),
  ]);
  const p = plan(a, options.maxStride ?? 4);
  const img = image(a, order, p);
  const { address } = img;
  const specialEnd = img.table + specials.length * img.rowBytes;

  const [Q, P, END, W, SKIP_FROM, BACKOFF, START, V, M] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const c = new Code();
  const [first, last, quad] = p.lookups as [Lookup, Lookup, Lookup];
  c.block().loop();
  c.get(P).i32(p.stride).op(OP.i32_add).get(END).op(OP.i32_gt_u).brIf(1);
  c.get(Q);
  if (p.stride === 4) {
    c.get(P).mem(OP.i32_load, 0).set(W);
    c.get(W).i32(0xffff).op(OP.i32_and);
    load(c, first);
    c.i32(p.pairs).op(OP.i32_mul).get(W).i32(16).op(OP.i32_shr_u);
    load(c, first);
    c.op(OP.i32_add);
    load(c, quad);
  } else if (p.stride === 2) {
    c.get(P).mem(OP.i32_load16_u, 0);
    load(c, first);
  } else {
    c.get(P).mem(OP.i32_load8_u, 0);
    load(c, first);
  }
  c.op(OP.i32_add).mem(OP.i32_load, 2).set(Q);
  c.get(P).i32(p.stride).op(OP.i32_add).set(P);
  if (a.dead >= 0) c.get(Q).i32(address[a.dead]!).op(OP.i32_eq).if().get(Q).op(OP.return).end();
  if (skips.size > 0) {
    c.get(P).get(SKIP_FROM).op(OP.i32_ge_u).if();
    c.get(Q).i32(specialEnd).op(OP.i32_lt_u).if();
    c.get(P).set(START);
    for (const [u, ranges] of skips) {
      c.get(Q).i32(address[u]!).op(OP.i32_eq).if();
      scanner(c, ranges, P, END, V, M);
      c.end();
    }
    // A scan that stopped within sixteen bytes: back off (doubling); a long one resets.
    c.get(P).get(START).op(OP.i32_sub).i32(16).op(OP.i32_lt_u).if();
    c.get(BACKOFF).i32(1).op(OP.i32_shl).i32(16).op(OP.i32_or).tee(BACKOFF).i32(MAX_SKIP_BACKOFF).op(OP.i32_gt_u).if();
    c.i32(MAX_SKIP_BACKOFF).set(BACKOFF);
    c.end();
    c.get(P).get(BACKOFF).op(OP.i32_add).set(SKIP_FROM);
    c.op(OP.else).i32(0).set(BACKOFF).end();
    c.end();
    c.end();
  }
  c.br(0).end().end();
  // The last stride-1 bytes: classes with "no byte" standing in for the missing ones.
  if (p.stride === 4) {
    c.get(END).get(P).op(OP.i32_sub).tee(W).if();
    c.get(Q);
    c.get(W).i32(2).op(OP.i32_ge_u).if(I32);
    c.get(P).mem(OP.i32_load16_u, 0);
    load(c, first);
    c.get(P).i32(2).op(OP.i32_add).set(P);
    c.op(OP.else).i32(p.identity).end();
    c.i32(p.pairs).op(OP.i32_mul);
    c.get(W).i32(1).op(OP.i32_and).if(I32);
    c.get(P).mem(OP.i32_load8_u, 0);
    load(c, last);
    c.op(OP.else).i32(p.identity).end();
    c.op(OP.i32_add);
    load(c, quad);
    c.op(OP.i32_add).mem(OP.i32_load, 2).set(Q);
    c.end();
  } else if (p.stride === 2) {
    c.get(P).get(END).op(OP.i32_lt_u).if();
    c.get(Q).get(P).mem(OP.i32_load8_u, 0);
    load(c, last);
    c.op(OP.i32_add).mem(OP.i32_load, 2).set(Q);
    c.end();
  }
  c.get(Q);
  return finish(img, order, p.stride, c, [I32, I32, I32, I32, V128, V128], INPUT_SIZE);
}

/**
 * A matcher module over UTF-16 code units (the automaton of `utf16Automaton`),
 * for strings that are not mostly ASCII: they are copied into memory as
 * UTF-16LE, which is a plain copy, where encoding them to UTF-8 is slow. Each
 * unit is mapped to its symbol by a 64 Ki-entry table, then symbols to pair
 * and quad classes as for bytes. No SIMD scans: such text rarely stays in
 * one loop for long.
 */
export function utf16Module(a: UnitAutomaton, maxStride: Stride = 4): MatcherModule {
  const order = Int32Array.from({ length: a.states }, (_, i) =>
    i === 0 ? Math.max(a.dead, 0) : a.dead >= 0 && i <= a.dead ? i - 1 : i,
  );
  const n = a.states;
  const U = a.symbols;
  const V = U + 1;
  const maxColumns = Math.floor(MAX_STRIDE_TABLE / (4 * n));
  const symbols = { width: widthFor(U), values: a.symbolOf };
  let p: Plan | null = null;
  const pairs = maxStride >= 2 ? pairClasses(a, Math.min(4096, maxColumns)) : null;
  if (pairs !== null && maxStride >= 4) {
    const quads = quadClasses(pairs, n, maxColumns);
    if (quads !== null) {
      const { lookups, size } = place([
        symbols,
        { width: widthFor(pairs.count - 1), values: pairs.ofSymbols },
        { width: widthFor(quads.count * 4), values: Int32Array.from(quads.ofPairs, (x) => x * 4) },
      ]);
      p = { stride: 4, columns: quads.columns, lookups, size, pairs: pairs.count, identity: pairs.identity };
    }
  }
  if (p === null && pairs !== null) {
    const { lookups, size } = place([
      symbols,
      { width: widthFor(pairs.count * 4), values: Int32Array.from(pairs.ofSymbols, (x) => x * 4) },
    ]);
    p = { stride: 2, columns: pairs.columns, lookups, size, pairs: pairs.count, identity: pairs.identity };
  }
  if (p === null) {
    const columns = Array.from({ length: U }, (_, s) => Int32Array.from({ length: n }, (_, u) => a.delta[u * U + s]!));
    const { lookups, size } = place([{ width: widthFor(U * 4), values: Int32Array.from(a.symbolOf, (x) => x * 4) }]);
    p = { stride: 1, columns, lookups, size, pairs: 0, identity: 0 };
  }
  const img = image(a, order, p);
  const [Q, P, END, R] = [0, 1, 2, 3];
  const [sym, pair, quad] = p.lookups as [Lookup, Lookup, Lookup];
  const c = new Code();
  /** Symbol of unit i of the stride (or "no unit" past the `R` units left, when `tail`). */
  const unit = (i: number, tail: boolean): void => {
    if (tail) c.get(R).i32(i).op(OP.i32_gt_u).if(I32);
    c.get(P).mem(OP.i32_load16_u, 1, 2 * i);
    load(c, sym);
    if (tail) c.op(OP.else).i32(U).end();
  };
  const column = (tail: boolean): void => {
    if (p.stride === 4) {
      unit(0, tail);
      c.i32(V).op(OP.i32_mul);
      unit(1, tail);
      c.op(OP.i32_add);
      load(c, pair);
      c.i32(p.pairs).op(OP.i32_mul);
      unit(2, tail);
      c.i32(V).op(OP.i32_mul);
      unit(3, tail);
      c.op(OP.i32_add);
      load(c, pair);
      c.op(OP.i32_add);
      load(c, quad);
    } else if (p.stride === 2) {
      unit(0, tail);
      c.i32(V).op(OP.i32_mul);
      unit(1, tail);
      c.op(OP.i32_add);
      load(c, pair);
    } else {
      c.get(P).mem(OP.i32_load16_u, 1);
      load(c, sym);
    }
  };
  const step = 2 * p.stride;
  c.block().loop();
  c.get(P).i32(step).op(OP.i32_add).get(END).op(OP.i32_gt_u).brIf(1);
  c.get(Q);
  column(false);
  c.op(OP.i32_add).mem(OP.i32_load, 2).set(Q);
  c.get(P).i32(step).op(OP.i32_add).set(P);
  if (a.dead >= 0) c.get(Q).i32(img.address[a.dead]!).op(OP.i32_eq).if().get(Q).op(OP.return).end();
  c.br(0).end().end();
  if (p.stride > 1) {
    c.get(END).get(P).op(OP.i32_sub).i32(1).op(OP.i32_shr_u).tee(R).if();
    c.get(Q);
    column(true);
    c.op(OP.i32_add).mem(OP.i32_load, 2).set(Q);
    c.end();
  }
  c.get(Q);
  return finish(img, order, p.stride, c, [I32], INPUT_SIZE);
}

/**
 * Advances `p` over the bytes in `ranges`, sixteen at a time, stopping at the
 * first byte outside them (or when fewer than sixteen bytes are left).
 */
function scanner(c: Code, ranges: readonly [number, number][], P: number, END: number, V: number, M: number): void {
  c.block().loop();
  c.get(P).i32(16).op(OP.i32_add).get(END).op(OP.i32_gt_u).brIf(1);
  c.get(P).simd(SIMD.v128_load, 0, 0).set(V);
  ranges.forEach(([lo, hi], i) => {
    c.get(V);
    if (lo !== 0) c.splat8(lo).simd(SIMD.i8x16_sub);
    c.splat8(hi - lo + 1).simd(SIMD.i8x16_lt_u);
    if (i > 0) c.simd(SIMD.v128_or);
  });
  c.tee(M).simd(SIMD.i8x16_all_true).if();
  c.get(P).i32(16).op(OP.i32_add).set(P).br(1);
  c.end();
  c.get(M).simd(SIMD.i8x16_bitmask).i32(-1).op(OP.i32_xor, OP.i32_ctz).get(P).op(OP.i32_add).set(P);
  c.end().end();
}
