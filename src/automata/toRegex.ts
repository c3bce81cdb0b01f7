/**
 * DFA → regular expression by state elimination (Brzozowski & McCluskey 1963)
 * on the minimal DFA without its dead state. Edge labels are merged into one
 * character class per pair of states, states are eliminated cheapest first
 * (by the size the elimination adds), and smart constructors keep the result readable:
 * `a a*` → `a+`, `()|x` → `x?`, flattening, duplicate removal, class merging.
 */
import { EMPTY, type CharSet, union as unionSets, isEmpty as isEmptySet } from '../alphabet/charset.js';
import { limitError, type Span } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { Regex } from '../syntax/regex/ast.js';
import { type Dfa } from './dfa.js';
import { minimize } from './minimize.js';
import { liveStates } from './fromRegex.js';

const NOWHERE: Span = { start: 0, end: 0 };
const EPSILON: Regex = { kind: 'empty', span: NOWHERE };
const NOTHING: Regex = { kind: 'chars', set: EMPTY, span: NOWHERE };

const isNothing = (r: Regex): boolean => r.kind === 'chars' && isEmptySet(r.set);

function nullable(r: Regex): boolean {
  switch (r.kind) {
    case 'empty':
      return true;
    case 'chars':
      return false;
    case 'concat':
    case 'and':
      return r.items.every(nullable);
    case 'alt':
      return r.items.some(nullable);
    case 'not':
      return !nullable(r.item);
    case 'repeat':
      return r.min === 0 || nullable(r.item);
  }
}

/**
 * The smart constructors of one elimination, with what they need to stay
 * fast on big expressions: structural identity by interned ids (a node's
 * key names its children's ids, so it is short however big the tree) and
 * sizes in nodes, both cached per node.
 */
class Builder {
  private readonly ids = new WeakMap<Regex, number>();
  private readonly interned = new Map<string, number>();
  private readonly sizes = new WeakMap<Regex, number>();

  /** An id equal for structurally equal expressions (spans ignored). */
  keyOf(r: Regex): number {
    const cached = this.ids.get(r);
    if (cached !== undefined) return cached;
    let shallow: string;
    switch (r.kind) {
      case 'empty':
        shallow = 'e';
        break;
      case 'chars':
        shallow = 'c' + JSON.stringify(r.set.ranges);
        break;
      case 'concat':
      case 'alt':
      case 'and':
        shallow = r.kind[0] + '(' + r.items.map((x) => this.keyOf(x)).join(',') + ')';
        break;
      case 'not':
        shallow = '~' + this.keyOf(r.item);
        break;
      case 'repeat':
        shallow = `r${r.min},${r.max}(${this.keyOf(r.item)})`;
        break;
    }
    let id = this.interned.get(shallow);
    if (id === undefined) {
      id = this.interned.size;
      this.interned.set(shallow, id);
    }
    this.ids.set(r, id);
    return id;
  }

  /** Nodes in the expression as a tree (what printing it costs). */
  sizeOf(r: Regex): number {
    const cached = this.sizes.get(r);
    if (cached !== undefined) return cached;
    let n = 1;
    if (r.kind === 'concat' || r.kind === 'alt' || r.kind === 'and') for (const x of r.items) n += this.sizeOf(x);
    else if (r.kind === 'not' || r.kind === 'repeat') n += this.sizeOf(r.item);
    this.sizes.set(r, n);
    return n;
  }

  /** Union with flattening, class merging, duplicate removal and `x?`. */
  alt(items: readonly Regex[]): Regex {
    const flat: Regex[] = [];
    let set: CharSet | null = null;
    let hasEpsilon = false;
    const seen = new Set<number>();
    const add = (r: Regex): void => {
      if (r.kind === 'alt') return r.items.forEach(add);
      if (isNothing(r)) return;
      if (r.kind === 'empty') {
        hasEpsilon = true;
        return;
      }
      if (r.kind === 'chars') {
        set = set === null ? r.set : unionSets(set, r.set);
        return;
      }
      const key = this.keyOf(r);
      if (!seen.has(key)) {
        seen.add(key);
        flat.push(r);
      }
    };
    items.forEach(add);
    const parts: Regex[] = [];
    if (set !== null) parts.push({ kind: 'chars', set, span: NOWHERE });
    parts.push(...flat);
    if (parts.length === 0) return hasEpsilon ? EPSILON : NOTHING;
    let body: Regex = parts.length === 1 ? parts[0]! : { kind: 'alt', items: parts, span: NOWHERE };
    if (hasEpsilon && !nullable(body)) body = optional(body);
    return body;
  }

  /** Concatenation with flattening; `x x*` and `x* x` become `x+`. */
  concat(items: readonly Regex[]): Regex {
    const out: Regex[] = [];
    for (const r0 of items) {
      const parts = r0.kind === 'concat' ? r0.items : [r0];
      for (const r of parts) {
        if (isNothing(r)) return NOTHING;
        if (r.kind === 'empty') continue;
        const prev = out[out.length - 1];
        const plus = prev === undefined ? null : this.plusOf(prev, r);
        if (plus !== null) {
          out[out.length - 1] = plus;
          continue;
        }
        out.push(r);
      }
    }
    if (out.length === 0) return EPSILON;
    return out.length === 1 ? out[0]! : { kind: 'concat', items: out, span: NOWHERE };
  }

  private plusOf(a: Regex, b: Regex): Regex | null {
    const starOf = (s: Regex, x: Regex): boolean =>
      s.kind === 'repeat' && s.min === 0 && s.max === null && this.keyOf(s.item) === this.keyOf(x);
    if (starOf(b, a)) return { kind: 'repeat', item: a, min: 1, max: null, lazy: false, span: NOWHERE };
    if (starOf(a, b)) return { kind: 'repeat', item: b, min: 1, max: null, lazy: false, span: NOWHERE };
    return null;
  }

  /** Kleene star, simplified: `()*` = `()`, `(x*)*` = `x*`, `(x?)*` = `x*`. */
  star(r: Regex): Regex {
    if (r.kind === 'empty' || isNothing(r)) return EPSILON;
    if (r.kind === 'repeat' && (r.min === 0 || r.min === 1) && (r.max === null || r.max === 1))
      return this.star(r.item);
    if (r.kind === 'alt' && r.items.some((x) => x.kind === 'empty')) {
      return this.star(this.alt(r.items.filter((x) => x.kind !== 'empty')));
    }
    return { kind: 'repeat', item: r, min: 0, max: null, lazy: false, span: NOWHERE };
  }
}

function optional(r: Regex): Regex {
  if (r.kind === 'repeat' && r.min === 1) return { ...r, min: 0 };
  return { kind: 'repeat', item: r, min: 0, max: 1, lazy: false, span: NOWHERE };
}

/**
 * An expression for the language of `dfa` (any DFA; it is minimized first).
 * The expression can grow exponentially with the states; past
 * `limits.maxRegexSize` nodes on one edge it stops with a limit error.
 */
export function regexOfDfa(dfa0: Dfa, limits: Limits = DEFAULT_LIMITS): Regex {
  const dfa = minimize(dfa0);
  const k = dfa.alphabet.classes.length;
  const live = liveStates(dfa);
  if (!live[dfa.start]) return NOTHING;
  const b = new Builder();
  // GNFA over live states + S (index n) and F (index n+1).
  const n = dfa.states;
  const S = n;
  const F = n + 1;
  const out = Array.from({ length: n + 2 }, () => new Map<number, Regex>());
  const ins: Set<number>[] = Array.from({ length: n + 2 }, () => new Set());
  const put = (p: number, q: number, r: Regex): void => {
    const old = out[p]!.get(q);
    const label = old === undefined ? r : b.alt([old, r]);
    if (b.sizeOf(label) > limits.maxRegexSize) {
      throw limitError('expression size (nodes)', 'maxRegexSize', limits.maxRegexSize);
    }
    out[p]!.set(q, label);
    ins[q]!.add(p);
  };
  put(S, dfa.start, EPSILON);
  for (let q = 0; q < n; q++) {
    if (!live[q]) continue;
    if (dfa.accepting[q]) put(q, F, EPSILON);
    const byTarget = new Map<number, CharSet>();
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (!live[t]) continue;
      const cls = dfa.alphabet.classes[c]!;
      byTarget.set(t, byTarget.has(t) ? unionSets(byTarget.get(t)!, cls) : cls);
    }
    for (const [t, set] of byTarget) put(q, t, { kind: 'chars', set, span: NOWHERE });
  }
  const remaining = new Set<number>();
  for (let q = 0; q < n; q++) if (live[q]) remaining.add(q);
  while (remaining.size > 0) {
    let best = -1;
    let bestCost = Infinity;
    for (const q of remaining) {
      const cost = weight(q);
      if (cost < bestCost) {
        bestCost = cost;
        best = q;
      }
    }
    eliminate(best);
    remaining.delete(best);
  }
  return out[S]!.get(F) ?? NOTHING;

  /**
   * How much eliminating q adds to the expressions (Delgado & Morais 2004):
   * each in-label is copied once per out-edge and vice versa, the loop once
   * per new edge. Recomputed at every step, since eliminations change it.
   */
  function weight(q: number): number {
    const loop = out[q]!.get(q);
    const inCount = ins[q]!.size - (loop === undefined ? 0 : 1);
    const outCount = out[q]!.size - (loop === undefined ? 0 : 1);
    let w = loop === undefined ? 0 : b.sizeOf(loop) * (inCount * outCount - 1);
    for (const p of ins[q]!) if (p !== q) w += b.sizeOf(out[p]!.get(q)!) * (outCount - 1);
    for (const [t, r] of out[q]!) if (t !== q) w += b.sizeOf(r) * (inCount - 1);
    return w;
  }

  function eliminate(q: number): void {
    const loop = out[q]!.get(q);
    const middle = loop === undefined ? EPSILON : b.star(loop);
    const preds = [...ins[q]!].filter((p) => p !== q);
    const succs = [...out[q]!.entries()].filter(([t]) => t !== q);
    for (const p of preds) {
      const r1 = out[p]!.get(q)!;
      for (const [t, r2] of succs) put(p, t, b.concat([r1, middle, r2]));
      out[p]!.delete(q);
    }
    for (const [t] of succs) ins[t]!.delete(q);
    out[q]!.clear();
    ins[q]!.clear();
  }
}
