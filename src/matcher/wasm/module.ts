/**
 * Generates a WebAssembly matcher from a UTF-8 byte automaton.
 *
 * Memory layout: the byte → symbol table at 0 (256 bytes), then the
 * transition table, one row of `symbols` i32 per state holding the *address*
 * of the next state's row (so a step is `q = load(q + symbol[byte] << 2)`),
 * then the input buffer. Rows are ordered so that the *special* states — the
 * dead state and the states worth skipping in — come first: one unsigned
 * compare after each step tells whether the state is special.
 *
 * Skipping: a state that loops on many bytes, given as at most
 * `MAX_SKIP_RANGES` byte ranges (identifier bodies, digits, the inside of a
 * quoted string), gets a SIMD scanner that tests sixteen bytes at a time and
 * jumps to the first byte that leaves the loop. The scanner only consumes
 * bytes on which the state loops, so the result is the same as stepping.
 *
 * The exported `run(q, p, end)` reads bytes `[p, end)` from state address `q`
 * and returns the state address reached (early at the dead state).
 */
import type { UnitAutomaton } from '../units.js';
import { Code, encodeModule, I32, OP, SIMD, V128 } from './encode.js';

/** Bytes of input the module reads per call, at most. */
export const INPUT_SIZE = 1 << 18;
/** A state is skipped through when it loops on at least this many bytes … */
export const MIN_SKIP_BYTES = 8;
/** … given as at most this many ranges (each costs three vector instructions per 16 bytes). */
export const MAX_SKIP_RANGES = 6;
/** At most this many skip states get a scanner (code size). */
export const MAX_SKIP_STATES = 24;

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

/**
 * Largest two-byte-stride table (bytes). Reading two bytes per dependent load
 * halves the latency chain that bounds a DFA loop; the table has a column per
 * pair of symbols (plus "no byte" for an odd last byte).
 */
export const MAX_STRIDE2_TABLE = 1 << 21;

/** The matcher module for a byte automaton; `simd: false` leaves out the scanners. */
export function matcherModule(a: UnitAutomaton, simd = true): MatcherModule {
  const skips = simd ? skipStates(a) : new Map<number, [number, number][]>();
  const specials = [...(a.dead >= 0 ? [a.dead] : []), ...skips.keys()];
  const isSpecial = new Uint8Array(a.states);
  for (const u of specials) isSpecial[u] = 1;
  const order = Int32Array.from([...specials, ...Array.from({ length: a.states }, (_, u) => u).filter((u) => !isSpecial[u])]);
  const U = a.symbols;
  const stride2 = a.states * (U + 1) * (U + 1) * 4 <= MAX_STRIDE2_TABLE;
  const columns = stride2 ? (U + 1) * (U + 1) : U;
  const rowBytes = columns * 4;
  // Byte → column offsets: first byte of a pair (symA), second byte (symB).
  const symA = 0;
  const symB = 1024;
  const table = 2048;
  const address = new Int32Array(a.states);
  order.forEach((u, i) => (address[u] = table + i * rowBytes));
  const input = Math.ceil((table + a.states * rowBytes) / 64) * 64;
  const specialEnd = table + specials.length * rowBytes;

  const memory = new Uint8Array(input);
  const view = new DataView(memory.buffer);
  for (let b = 0; b < 256; b++) {
    const sym = a.symbolOf[b]!;
    view.setInt32(symA + b * 4, (stride2 ? sym * (U + 1) : sym) * 4, true);
    view.setInt32(symB + b * 4, sym * 4, true);
  }
  const next = (u: number, s: number): number => (s === U ? u : a.delta[u * U + s]!);
  order.forEach((u, i) => {
    const row = table + i * rowBytes;
    if (!stride2) {
      for (let s = 0; s < U; s++) view.setInt32(row + s * 4, address[next(u, s)]!, true);
      return;
    }
    for (let s = 0; s < U; s++) {
      const mid = next(u, s);
      for (let t = 0; t <= U; t++) view.setInt32(row + (s * (U + 1) + t) * 4, address[next(mid, t)]!, true);
    }
  });

  const [Q, P, END, V, M] = [0, 1, 2, 3, 4];
  const c = new Code();
  /** Pushes the column offset of the byte at p (+offset) as the first symbol. */
  const first = () => c.get(P).mem(OP.i32_load8_u, 0, 0).i32(2).op(OP.i32_shl).mem(OP.i32_load, 2, symA);
  c.block().loop();
  if (stride2) {
    c.get(P).i32(1).op(OP.i32_add).get(END).op(OP.i32_lt_u).if();
    c.get(Q);
    first();
    c.op(OP.i32_add).get(P).mem(OP.i32_load8_u, 0, 1).i32(2).op(OP.i32_shl).mem(OP.i32_load, 2, symB);
    c.op(OP.i32_add).mem(OP.i32_load, 2).set(Q);
    c.get(P).i32(2).op(OP.i32_add).set(P);
    c.op(OP.else);
    c.get(P).get(END).op(OP.i32_ge_u).brIf(2);
    c.get(Q);
    first();
    c.op(OP.i32_add).mem(OP.i32_load, 2, U * 4).set(Q);
    c.get(P).i32(1).op(OP.i32_add).set(P);
    c.end();
  } else {
    c.get(P).get(END).op(OP.i32_ge_u).brIf(1);
    c.get(Q);
    first();
    c.op(OP.i32_add).mem(OP.i32_load, 2).set(Q);
    c.get(P).i32(1).op(OP.i32_add).set(P);
  }
  if (specials.length > 0) {
    c.get(Q).i32(specialEnd).op(OP.i32_lt_u).if();
    if (a.dead >= 0) c.get(Q).i32(address[a.dead]!).op(OP.i32_eq).if().get(Q).op(OP.return).end();
    for (const [u, ranges] of skips) {
      c.get(Q).i32(address[u]!).op(OP.i32_eq).if();
      scanner(c, ranges, P, END, V, M);
      c.end();
    }
    c.end();
  }
  c.br(0).end().end();
  c.get(Q);

  const bytes = encodeModule({
    memoryPages: Math.ceil((input + INPUT_SIZE + 16) / 65536),
    functions: [{ params: [I32, I32, I32], results: [I32], locals: [V128, V128], body: c, export: 'run' }],
    data: [{ offset: 0, bytes: memory }],
  });
  return { bytes, address, input, rowBytes, table, order };
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
