/**
 * Instantiates the generated WebAssembly matcher and reads bytes and strings
 * with it. States at this interface are unit states of the byte automaton
 * (see `units.ts`), so chunks of a byte stream carry over exactly.
 */
import type { UnitAutomaton } from '../units.js';
import { INPUT_SIZE, matcherModule, type Stride, utf16Module } from './module.js';

/** Reads UTF-8 bytes (and well-formed strings as UTF-8) with the byte automaton. */
export interface ByteRunner {
  readonly automaton: UnitAutomaton;
  /** Reads `bytes[from..to)` from unit state `state`; returns the unit state reached. */
  runBytes(state: number, bytes: Uint8Array, from?: number, to?: number): number;
  /**
   * Reads a well-formed string (no lone surrogates; the caller checks) as its
   * UTF-8 encoding. The encoding is done piecewise straight into the module's
   * memory, never for the whole string at once.
   */
  runString(state: number, s: string): number;
  /**
   * The module's input buffer: fill `buffer().subarray(0, length)` (e.g. with
   * `fs.readSync`) and call `runBuffer` to read `[from, to)` of it without copying.
   */
  buffer(): Uint8Array;
  runBuffer(state: number, from: number, to: number): number;
}

/**
 * The part of the WebAssembly JS API used here, typed locally: the project's
 * `lib` setting (ES2022, no DOM) does not declare it.
 */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Whether this runtime validates WebAssembly SIMD (Node ≥ 16.4 does). */
let simdOk: boolean | undefined;

function instantiate(bytes: Uint8Array): { exports: Record<string, unknown> } {
  return new wasm!.Instance(new wasm!.Module(bytes), {});
}

/**
 * The wasm byte runner, or null where WebAssembly is unavailable.
 * `maxStride` caps the bytes read per step (tests force every stride).
 */
export function wasmRunner(a: UnitAutomaton, maxStride: Stride = 4): ByteRunner | null {
  if (wasm === undefined) return null;
  let mod = matcherModule(a, { simd: simdOk !== false, maxStride });
  if (simdOk === undefined) {
    simdOk = wasm.validate(mod.bytes);
    if (!simdOk) mod = matcherModule(a, { simd: false, maxStride });
  }
  const instance = instantiate(mod.bytes);
  const run = instance.exports.run as (q: number, p: number, end: number) => number;
  const memory = instance.exports.memory as WasmMemory;
  const heap = new Uint8Array(memory.buffer);
  const input = heap.subarray(mod.input, mod.input + INPUT_SIZE);
  const { address, order, table, rowBytes } = mod;
  const stateAt = (addr: number): number => order[(addr - table) / rowBytes]!;
  const encoder = new TextEncoder();
  const deadAddr = a.dead >= 0 ? address[a.dead]! : -1;
  // A UTF-16 unit takes at most three UTF-8 bytes (a pair takes four for two units).
  const unitsPerPiece = Math.floor(INPUT_SIZE / 3);

  const runBuffer = (state: number, from: number, to: number): number =>
    stateAt(run(address[state]!, mod.input + from, mod.input + to));
  return {
    automaton: a,
    buffer: () => input,
    runBuffer,
    runBytes(state, bytes, from = 0, to = bytes.length) {
      let q = address[state]!;
      // Copies keep the source's alignment (copying out of a SharedArrayBuffer
      // between differently aligned addresses goes byte by byte, four times slower).
      for (let i = from; i < to && q !== deadAddr;) {
        const lead = (bytes.byteOffset + i) & 7;
        const j = Math.min(to, i + INPUT_SIZE - lead);
        input.set(bytes.subarray(i, j), lead);
        q = run(q, mod.input + lead, mod.input + lead + (j - i));
        i = j;
      }
      return stateAt(q);
    },
    runString(state, s) {
      let q = address[state]!;
      for (let i = 0; i < s.length && q !== deadAddr;) {
        let j = Math.min(s.length, i + unitsPerPiece);
        // Never split a surrogate pair: the encoder would write two U+FFFD.
        if (j < s.length && (s.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
        const { written } = encoder.encodeInto(i === 0 && j === s.length ? s : s.substring(i, j), input);
        q = run(q, mod.input, mod.input + written);
        i = j;
      }
      return stateAt(q);
    },
  };
}

/** Reads JavaScript strings as UTF-16 code units (any string: lone surrogates are units like any other). */
export interface Utf16Runner {
  /** The UTF-16 unit automaton whose states `run` takes and returns. */
  readonly automaton: UnitAutomaton;
  /** Reads `s[from..to)` from unit state `state`; returns the unit state reached. */
  run(state: number, s: string, from?: number, to?: number): number;
}

/**
 * The wasm runner over UTF-16 units, or null where WebAssembly (or Node's
 * `Buffer`, which copies a string's units into memory) is unavailable. Pieces
 * may split surrogate pairs: the automaton carries the pending unit.
 */
export function wasmUtf16Runner(a: UnitAutomaton, maxStride: Stride = 4): Utf16Runner | null {
  const B = (globalThis as unknown as { Buffer?: typeof Buffer }).Buffer;
  if (wasm === undefined || B === undefined) return null;
  const mod = utf16Module(a, maxStride);
  const instance = instantiate(mod.bytes);
  const run = instance.exports.run as (q: number, p: number, end: number) => number;
  const memory = instance.exports.memory as WasmMemory;
  const input = B.from(memory.buffer, mod.input, INPUT_SIZE);
  const { address, order, table, rowBytes } = mod;
  const deadAddr = a.dead >= 0 ? address[a.dead]! : -1;
  const unitsPerPiece = INPUT_SIZE / 2;
  return {
    automaton: a,
    run(state, s, from = 0, to = s.length) {
      let q = address[state]!;
      for (let i = from; i < to && q !== deadAddr;) {
        const j = Math.min(to, i + unitsPerPiece);
        const written = input.write(i === 0 && j === s.length ? s : s.substring(i, j), 0, 'utf16le');
        q = run(q, mod.input, mod.input + written);
        i = j;
      }
      return order[(q - table) / rowBytes]!;
    },
  };
}
