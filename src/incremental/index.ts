/**
 * Incremental membership: a string kept as a balanced tree of text blocks
 * (a treap ordered by position), each node holding the transformation of its
 * subtree's text — the composition of its left subtree's, its own block's and
 * its right subtree's. An insertion, deletion or replacement splits and joins
 * the tree along O(log n) nodes, recomputing one composition each, and the
 * new verdict is the root's transformation applied to the start state.
 *
 * Transformations act on the states of the UTF-16 unit automaton
 * (`matcher/units.ts`), in which a surrogate pair split between two blocks is
 * still one code point, so edits may fall anywhere, even inside a pair (the
 * string is then what `String.prototype` editing would give).
 *
 * Positions are UTF-16 offsets, as in `String.prototype.slice`.
 *
 * @example
 * const doc = createIncremental(compileRegex('(a|b)*abb'), 'ab'.repeat(500_000));
 * doc.accepts();          // false
 * doc.insert(doc.length, 'abb');
 * doc.accepts();          // true — after O(log n) compositions
 * doc.stateAfter(2);      // the DFA state after "ab"
 */
import { rng } from '../automata/sample.js';
import type { CompleteDfa, Dfa } from '../automata/dfa.js';
import { WordflowError } from '../errors.js';
import { codePointRunner, unitRunner, type StringRunner } from '../matcher/js.js';
import { identity, vectorRun } from '../matcher/transform.js';
import { type UnitAutomaton, utf16Automaton } from '../matcher/units.js';

/** A string kept with its membership verdict, re-checked in O(log n) compositions per edit. */
export interface Incremental {
  /** Length of the current text in UTF-16 units. */
  readonly length: number;
  /** The current text (built on demand: O(n)). */
  text(): string;
  /** Inserts `text` before UTF-16 offset `index` (0 ≤ index ≤ length). */
  insert(index: number, text: string): void;
  /** Deletes `count` UTF-16 units from `index`. */
  delete(index: number, count: number): void;
  /** Replaces `count` units from `index` by `text`. */
  replace(index: number, count: number, text: string): void;
  /** Whether the current text is in the language. */
  accepts(): boolean;
  /** The DFA state after the first `prefixLength` units (a trailing lone high surrogate read as one code point). */
  stateAfter(prefixLength: number): number;
}

interface Node {
  left: Node | null;
  right: Node | null;
  readonly priority: number;
  text: string;
  /** Transformation of `text` alone. */
  own: Int32Array;
  /** Units in the subtree. */
  size: number;
  /** Transformation of the subtree's text. */
  map: Int32Array;
}

/** Blocks are cut to about this many units, more for big automata (fewer, larger maps). */
function blockSizeFor(states: number): number {
  return Math.min(1 << 16, Math.max(256, states * 4));
}

/**
 * An incrementally re-checked string over `dfa`, initially `text`.
 * Falls back to re-reading the whole text after each edit only when the
 * unit automaton would be too large (see `MAX_UNIT_TABLE`).
 */
export function createIncremental(dfa: CompleteDfa, text = ''): Incremental {
  const a = utf16Automaton(dfa);
  return a === null ? rereading(dfa, text) : tree(dfa, a, text);
}

function checkRange(index: number, count: number, length: number): void {
  if (!Number.isInteger(index) || !Number.isInteger(count) || index < 0 || count < 0 || index + count > length) {
    throw new WordflowError('usage', `edit at ${index} (+${count}) is outside the text of length ${length}`);
  }
}

function tree(dfa: Dfa, a: UnitAutomaton, initial: string): Incremental {
  const runner = unitRunner(a);
  const w = a.symbols;
  const allStates = Array.from({ length: a.states }, (_, q) => q);
  const id = identity(a.states);
  const block = blockSizeFor(a.states);
  // Seeded, so the same edits always build the same tree shape.
  const nextPriority = rng(0x9e3779b9);

  const transformOf = (s: string): Int32Array => {
    const v = vectorRun(a, allStates);
    v.feedString(s, 0, s.length, (q, from, to) => runner.run(q * w, s, from, to) / w);
    return v.ends();
  };
  const size = (t: Node | null): number => (t === null ? 0 : t.size);
  const mapOf = (t: Node | null): Int32Array => (t === null ? id : t.map);
  const update = (t: Node): Node => {
    t.size = size(t.left) + t.text.length + size(t.right);
    const l = mapOf(t.left);
    const r = mapOf(t.right);
    const out = new Int32Array(a.states);
    for (let q = 0; q < out.length; q++) out[q] = r[t.own[l[q]!]!]!;
    t.map = out;
    return t;
  };
  const leaf = (s: string): Node => {
    const own = transformOf(s);
    return { left: null, right: null, priority: nextPriority(), text: s, own, size: s.length, map: own };
  };
  const merge = (x: Node | null, y: Node | null): Node | null => {
    if (x === null) return y;
    if (y === null) return x;
    if (x.priority > y.priority) {
      x.right = merge(x.right, y);
      return update(x);
    }
    y.left = merge(x, y.left);
    return update(y);
  };
  /** [first k units, the rest]. */
  const split = (t: Node | null, k: number): [Node | null, Node | null] => {
    if (t === null) return [null, null];
    const l = size(t.left);
    if (k <= l) {
      const [x, y] = split(t.left, k);
      t.left = y;
      return [x, update(t)];
    }
    if (k >= l + t.text.length) {
      const [x, y] = split(t.right, k - l - t.text.length);
      t.right = x;
      return [update(t), y];
    }
    const cut = k - l;
    const tail = leaf(t.text.slice(cut));
    t.text = t.text.slice(0, cut);
    t.own = transformOf(t.text);
    const rest = merge(tail, t.right);
    t.right = null;
    return [update(t), rest];
  };
  const build = (s: string): Node | null => {
    let t: Node | null = null;
    for (let i = 0; i < s.length; i += block) t = merge(t, leaf(s.slice(i, i + block)));
    return t;
  };

  let root = build(initial);
  const doc: Incremental = {
    get length() {
      return size(root);
    },
    text() {
      const parts: string[] = [];
      const walk = (t: Node | null): void => {
        // Depth is O(log n) in expectation, so recursion is safe here.
        if (t === null) return;
        walk(t.left);
        parts.push(t.text);
        walk(t.right);
      };
      walk(root);
      return parts.join('');
    },
    insert(index, text) {
      doc.replace(index, 0, text);
    },
    delete(index, count) {
      doc.replace(index, count, '');
    },
    replace(index, count, text) {
      checkRange(index, count, size(root));
      const [before, rest] = split(root, index);
      const [, after] = split(rest, count);
      root = merge(merge(before, build(text)), after);
    },
    accepts() {
      return dfa.accepting[a.outcome[mapOf(root)[dfa.start]!]!] === 1;
    },
    stateAfter(prefixLength) {
      checkRange(prefixLength, 0, size(root));
      let q = dfa.start;
      let t = root;
      let k = prefixLength;
      while (t !== null) {
        const l = size(t.left);
        if (k <= l) {
          t = t.left;
          continue;
        }
        q = mapOf(t.left)[q]!;
        if (k <= l + t.text.length) {
          q = runner.run(q * w, t.text, 0, k - l) / w;
          break;
        }
        q = t.own[q]!;
        k -= l + t.text.length;
        t = t.right;
      }
      return a.outcome[q]!;
    },
  };
  return doc;
}

/** The fallback: keeps the text and re-reads it (still exact, O(n) per edit). */
function rereading(dfa: CompleteDfa, initial: string): Incremental {
  const runner: StringRunner = codePointRunner(dfa);
  let text = initial;
  const stateAfter = (p: number): number => runner.settle(runner.run(runner.enter(dfa.start), text, 0, p));
  const doc: Incremental = {
    get length() {
      return text.length;
    },
    text: () => text,
    insert: (index, t) => doc.replace(index, 0, t),
    delete: (index, count) => doc.replace(index, count, ''),
    replace(index, count, t) {
      checkRange(index, count, text.length);
      text = text.slice(0, index) + t + text.slice(index + count);
    },
    accepts: () => dfa.accepting[stateAfter(text.length)] === 1,
    stateAfter(p) {
      checkRange(p, 0, text.length);
      return stateAfter(p);
    },
  };
  return doc;
}
