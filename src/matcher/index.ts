/**
 * The compiled matcher: one object that decides membership for a DFA by the
 * fastest path for the input at hand, all paths sharing one transition core
 * (the unit automata of `units.ts`) and giving identical results:
 *
 * - short strings: a JavaScript loop over pairs of UTF-16 units (`short.ts`),
 *   which has no call or copy overhead; long strings too until a module has
 *   paid for itself (`WASM_BUILD_UNITS`);
 * - long mostly-ASCII strings: encoded piecewise to UTF-8 straight into
 *   WebAssembly memory and read by the generated module (`wasm/`), four bytes
 *   per dependent table load, with SIMD skipping in states that loop on most
 *   bytes;
 * - other long strings (much non-ASCII, lone surrogates): copied as UTF-16
 *   units into the memory of a module over the UTF-16 unit automaton (UTF-8
 *   encoding of such strings is slow);
 * - bytes (files, stdin): the byte automaton directly, chunk by chunk.
 *
 * @example
 * const m = compileMatcher(compileRegex('[a-z]+'));
 * m.accepts('hello'); // true
 */
import type { CompleteDfa } from '../automata/dfa.js';
import { codePointRunner, type StringRunner, unitRunner } from './js.js';
import { handOffLoop, type PairLoop, pairLoop, pairLoopAccepts } from './short.js';
import { jsByteRunner } from './bytes.js';
import { type UnitAutomaton, unitAccepts, utf16Automaton, utf8Automaton } from './units.js';
import { type ByteRunner, type Utf16Runner, wasmRunner, wasmUtf16Runner } from './wasm/matcher.js';

export type { StringRunner } from './js.js';
export type { ByteRunner } from './wasm/matcher.js';
export type { UnitAutomaton } from './units.js';

/** Which engine `accepts` uses: by input length (`auto`), or always one. */
export type Engine = 'auto' | 'js' | 'wasm';

/** How a compiled matcher chooses its engine. */
export interface MatcherOptions {
  /** Default `auto`: JS below `WASM_MIN_LENGTH` units, WebAssembly from there on; `js` or `wasm` always. */
  readonly engine?: Engine;
  /** Byte runner: WebAssembly (default) or the JavaScript loop. */
  readonly bytes?: 'wasm' | 'js';
}

/**
 * From this many UTF-16 units on, `auto` reads strings with WebAssembly.
 * Below it the call and copy overhead (about 80 ns) outweighs the faster
 * loop: measured equal at 64 units and 1.5–2× in favour of WebAssembly at
 * 128 on realistic patterns.
 */
export const WASM_MIN_LENGTH = 96;

/**
 * Units of long strings the JS loop reads before the WebAssembly modules are
 * built (a single string this long is read by WebAssembly at once). Building
 * takes 2–60 ms for realistic patterns (stride tables, compilation), about
 * what the JS loop needs for this many units; so a few long strings never
 * pay for a build, and a stream of them pays at most about twice.
 */
export const WASM_BUILD_UNITS = 1 << 23;

/** A DFA compiled for fast membership (see the module comment for its paths). */
export interface Matcher {
  readonly dfa: CompleteDfa;
  /** Whether the whole string is in the language. A method (like `RegExp#test`): call it on the matcher. */
  accepts(s: string): boolean;
  /** The JavaScript runner over strings (any piece boundaries). */
  readonly strings: StringRunner;
  /** The UTF-8 byte runner, or null when the byte automaton would be too large (then decode and use `strings`). */
  readonly bytes: ByteRunner | null;
  /** A scanner reading UTF-8 input in chunks. */
  scanner(): Scanner;
}

/** Reads UTF-8 input in chunks of any size, carrying the state across them. */
export interface Scanner {
  push(chunk: Uint8Array): void;
  /** No continuation can be accepted any more (the rest of the input may be skipped). */
  readonly dead: boolean;
  /** Whether the input pushed so far is in the language. */
  accepts(): boolean;
}

/** `String.prototype.isWellFormed` (ES2024), or a scan where it is missing. */
export function isWellFormed(s: string): boolean {
  const native = (s as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(s);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u < 0xdc00) {
      const l = s.charCodeAt(i + 1);
      if (!(l >= 0xdc00 && l < 0xe000)) return false;
      i++;
    } else if (u >= 0xdc00 && u < 0xe000) return false;
  }
  return true;
}

/**
 * Whether a sample of `s` is all ASCII. Text with many non-ASCII units is
 * slow to encode to UTF-8 (a few hundred MB/s in Node 20, against tens of
 * GB/s for ASCII) and breaks the SIMD skips every few bytes, so it is read
 * as UTF-16 units instead (measured by `wordflow bench`).
 */
function mostlyAscii(s: string): boolean {
  const step = Math.max(1, Math.floor(s.length / 32));
  for (let i = 0; i < s.length; i += step) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Compiles `dfa` into a matcher; the byte automaton and WebAssembly module are built on first use. */
export function compileMatcher(dfa: CompleteDfa, options: MatcherOptions = {}): Matcher {
  const units = utf16Automaton(dfa);
  const strings = units === null ? codePointRunner(dfa) : unitRunner(units);
  let byteAutomaton: UnitAutomaton | null | undefined;
  let byteRunner: ByteRunner | null | undefined;
  // The byte automaton and module are built on first use: short-string users never pay for them.
  const bytes = (): ByteRunner | null => {
    if (byteRunner === undefined) {
      byteAutomaton = utf8Automaton(dfa);
      byteRunner =
        byteAutomaton === null
          ? null
          : options.bytes === 'js'
            ? jsByteRunner(byteAutomaton)
            : (wasmRunner(byteAutomaton) ?? jsByteRunner(byteAutomaton));
    }
    return byteRunner;
  };
  let wide: Utf16Runner | null | undefined;
  const utf16 = (): Utf16Runner | null => {
    if (wide === undefined) wide = units === null ? null : wasmUtf16Runner(units);
    return wide;
  };
  const engine = options.engine ?? 'auto';
  const long = (s: string): boolean => {
    if (mostlyAscii(s) && isWellFormed(s)) {
      const r = bytes();
      if (r !== null) return unitAccepts(r.automaton, r.runString(dfa.start, s));
    }
    const r = utf16();
    return r === null ? strings.accepts(s) : unitAccepts(r.automaton, r.run(dfa.start, s));
  };
  // Ski rental: building a module costs about as much as the JS loop reading
  // WASM_BUILD_UNITS units, so long strings are read by the JS loop until it
  // has read that many (or one string is that long), then by WebAssembly.
  let jsUnits = 0;
  const rented = (s: string): boolean | undefined => {
    if (jsUnits < WASM_BUILD_UNITS && s.length < WASM_BUILD_UNITS) {
      jsUnits += s.length;
      return undefined;
    }
    return long(s);
  };
  const loop =
    engine === 'wasm'
      ? handOffLoop(long)
      : ((units === null
          ? null
          : pairLoop(units, engine === 'auto' ? { from: WASM_MIN_LENGTH, accepts: rented } : undefined)) ??
        handOffLoop(
          engine === 'js'
            ? strings.accepts
            : (s) => (s.length < WASM_MIN_LENGTH ? strings.accepts(s) : (rented(s) ?? strings.accepts(s))),
        ));
  return new CompiledMatcher(dfa, strings, loop, bytes);
}

/**
 * The matcher record. A class for once, because of how V8 treats call sites
 * that serve many patterns (a cache of compiled languages, a benchmark
 * loop): every matcher then has one hidden class and shares one `accepts`
 * function, so such a site has one call target, which V8 inlines. An object
 * literal with a getter is kept in dictionary mode and closures per matcher
 * are distinct targets; both measured 30–60% slower per short call.
 */
class CompiledMatcher implements Matcher {
  constructor(
    readonly dfa: CompleteDfa,
    readonly strings: StringRunner,
    private readonly loop: PairLoop,
    private readonly lazyBytes: () => ByteRunner | null,
  ) {}
  get bytes(): ByteRunner | null {
    return this.lazyBytes();
  }
  /** Like `RegExp#test`, a method: call it on its matcher. */
  accepts(s: string): boolean {
    return pairLoopAccepts(this.loop, s);
  }
  scanner(): Scanner {
    return scannerOf(this);
  }
}

function scannerOf(m: Matcher): Scanner {
  const r = m.bytes;
  if (r !== null) {
    let state = m.dfa.start;
    const dead = r.automaton.dead;
    return {
      push(chunk) {
        if (state !== dead) state = r.runBytes(state, chunk);
      },
      get dead() {
        return state === dead;
      },
      accepts: () => unitAccepts(r.automaton, state),
    };
  }
  // No byte automaton: decode (a streaming decoder never splits a code point).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const s = m.strings;
  let state = s.enter(m.dfa.start);
  return {
    push(chunk) {
      if (!s.isDead(state)) state = s.run(state, decoder.decode(chunk, { stream: true }));
    },
    get dead() {
      return s.isDead(state);
    },
    accepts() {
      state = s.run(state, decoder.decode());
      return m.dfa.accepting[s.settle(state)] === 1;
    },
  };
}
