/**
 * The UTF-8 byte automaton run by a plain JavaScript loop: the portable
 * fallback of the WebAssembly runner, with the same interface and states.
 */
import type { ByteRunner } from './wasm/matcher.js';
import { INPUT_SIZE } from './wasm/module.js';
import type { UnitAutomaton } from './units.js';

/** The byte runner in plain JavaScript (same states and results as the WebAssembly one). */
export function jsByteRunner(a: UnitAutomaton): ByteRunner {
  const w = a.symbols;
  const table = new Int32Array(a.delta.length);
  for (let i = 0; i < table.length; i++) table[i] = a.delta[i]! * w;
  const symbol = Uint8Array.from(a.symbolOf);
  const dead = a.dead < 0 ? -1 : a.dead * w;
  const input = new Uint8Array(INPUT_SIZE);
  const encoder = new TextEncoder();
  const runBytes = (state: number, bytes: Uint8Array, from = 0, to = bytes.length): number => {
    let q = state * w;
    for (let i = from; i < to && q !== dead; i++) q = table[q + symbol[bytes[i]!]!]!;
    return q / w;
  };
  return {
    automaton: a,
    runBytes,
    buffer: () => input,
    runBuffer: (state, from, to) => runBytes(state, input, from, to),
    runString: (state, s) => runBytes(state, encoder.encode(s)),
  };
}
