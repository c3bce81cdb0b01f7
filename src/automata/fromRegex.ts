/**
 * Thompson's construction: a `Regex` AST → an ε-NFA over the coarsest alphabet
 * that separates every character set in the expression.
 *
 * Why Thompson and not Glushkov: the NFA stays linear in the expression, ε-edges
 * let the fragments of `&` and `~` (determinized, minimized sub-automata) be
 * spliced in like any other fragment, and automaton files have ε-edges anyway,
 * so one subset construction serves both inputs. The subset construction keeps
 * only the states with labelled edges or acceptance (the "kernel"), so the
 * ε-states cost nothing in the DFA.
 */
import { type Alphabet, classesOf, partition } from '../alphabet/alphabet.js';
import type { CharSet } from '../alphabet/charset.js';
import { limitError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { Regex } from '../syntax/regex/ast.js';
import { type Dfa, complete } from './dfa.js';
import { determinize } from './determinize.js';
import { minimize } from './minimize.js';
import { product } from './ops.js';
import type { Nfa } from './nfa.js';

/** Every character set an expression mentions (for the alphabet partition). */
export function charSetsOf(ast: Regex): CharSet[] {
  const out: CharSet[] = [];
  const stack: Regex[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'chars':
        out.push(node.set);
        break;
      case 'concat':
      case 'alt':
      case 'and':
        stack.push(...node.items);
        break;
      case 'not':
      case 'repeat':
        stack.push(node.item);
        break;
      case 'empty':
        break;
    }
  }
  return out;
}

/** The alphabet of one or more expressions: the partition of all their sets. */
export function alphabetOf(...asts: Regex[]): Alphabet {
  return partition(asts.flatMap(charSetsOf));
}

interface Fragment {
  readonly start: number;
  readonly end: number;
}

/** A growing ε-NFA with a state budget. */
class NfaBuilder {
  readonly edges: number[][] = [];
  readonly epsilon: number[][] = [];
  constructor(private readonly limits: Limits) {}

  state(): number {
    if (this.edges.length >= this.limits.maxNfaStates) {
      throw limitError('NFA states', 'maxNfaStates', this.limits.maxNfaStates);
    }
    this.edges.push([]);
    this.epsilon.push([]);
    return this.edges.length - 1;
  }
  edge(from: number, cls: number, to: number): void {
    this.edges[from]!.push(cls, to);
  }
  eps(from: number, to: number): void {
    this.epsilon[from]!.push(to);
  }
  finish(alphabet: Alphabet, start: number, accept: readonly number[]): Nfa {
    const accepting = new Uint8Array(this.edges.length);
    for (const q of accept) accepting[q] = 1;
    return {
      alphabet,
      states: this.edges.length,
      start,
      accepting,
      // `new Int32Array(array)` copies directly; `Int32Array.from` goes through the iterator protocol.
      edges: this.edges.map((e) => new Int32Array(e)),
      epsilon: this.epsilon.map((e) => new Int32Array(e)),
    };
  }
}

/**
 * Builds the ε-NFA of `ast` over `alphabet` (which must separate every set in
 * `ast`; `alphabetOf(ast)` does). Sub-expressions under `&` and `~` are
 * determinized and minimized on their own, under the same limits.
 */
export function nfaFromRegex(ast: Regex, alphabet: Alphabet = alphabetOf(ast), limits: Limits = DEFAULT_LIMITS): Nfa {
  const b = new NfaBuilder(limits);
  const classCache = new Map<CharSet, number[]>();
  const dfaCache = new Map<Regex, Dfa>();

  const classes = (set: CharSet): number[] => {
    let ids = classCache.get(set);
    if (ids === undefined) classCache.set(set, (ids = classesOf(alphabet, set)));
    return ids;
  };

  /** The minimal complete DFA of a sub-expression, for `&` and `~`. */
  const subDfa = (node: Regex): Dfa => {
    let dfa = dfaCache.get(node);
    if (dfa === undefined) {
      dfa = minimize(complete(determinize(nfaFromRegex(node, alphabet, limits), limits)));
      dfaCache.set(node, dfa);
    }
    return dfa;
  };

  const build = (node: Regex): Fragment => {
    switch (node.kind) {
      case 'empty': {
        const s = b.state();
        return { start: s, end: s };
      }
      case 'chars': {
        const s = b.state();
        const e = b.state();
        for (const c of classes(node.set)) b.edge(s, c, e);
        return { start: s, end: e };
      }
      case 'concat': {
        if (node.items.length === 0) return build({ kind: 'empty', span: node.span });
        const parts = node.items.map(build);
        for (let i = 0; i + 1 < parts.length; i++) b.eps(parts[i]!.end, parts[i + 1]!.start);
        return { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
      }
      case 'alt': {
        const s = b.state();
        const e = b.state();
        for (const item of node.items) {
          const f = build(item);
          b.eps(s, f.start);
          b.eps(f.end, e);
        }
        return { start: s, end: e };
      }
      case 'repeat':
        return repeat(node.item, node.min, node.max);
      case 'and': {
        const dfas = node.items.map(subDfa);
        return embed(dfas.reduce((x, y) => minimize(product(x, y, (p, q) => p && q, limits))));
      }
      case 'not': {
        const dfa = subDfa(node.item);
        const accepting = dfa.accepting.map((a) => 1 - a);
        return embed({ ...dfa, accepting });
      }
    }
  };

  /** item{min,max}: min copies, then nested optional copies (or a star). */
  const repeat = (item: Regex, min: number, max: number | null): Fragment => {
    const first = b.state();
    let end = first;
    for (let i = 0; i < min; i++) {
      const f = build(item);
      b.eps(end, f.start);
      end = f.end;
    }
    if (max === null) {
      const f = build(item);
      const loopEnd = b.state();
      b.eps(end, f.start);
      b.eps(end, loopEnd);
      b.eps(f.end, f.start);
      b.eps(f.end, loopEnd);
      return { start: first, end: loopEnd };
    }
    // x{0,k} as (x(x(…)?)?)?: each optional copy hangs off the previous one,
    // which keeps ε-closures short.
    const exit = b.state();
    b.eps(end, exit);
    for (let i = min; i < max; i++) {
      const f = build(item);
      b.eps(end, f.start);
      b.eps(f.end, exit);
      end = f.end;
    }
    return { start: first, end: exit };
  };

  /** A complete DFA spliced in as a fragment; its dead states are dropped. */
  const embed = (dfa: Dfa): Fragment => {
    const k = dfa.alphabet.classes.length;
    const live = liveStates(dfa);
    const id = new Int32Array(dfa.states).fill(-1);
    for (let q = 0; q < dfa.states; q++) if (live[q]) id[q] = b.state();
    const end = b.state();
    if (!live[dfa.start]) return { start: b.state(), end };
    for (let q = 0; q < dfa.states; q++) {
      if (!live[q]) continue;
      for (let c = 0; c < k; c++) {
        const t = dfa.delta[q * k + c]!;
        if (t >= 0 && live[t]) b.edge(id[q]!, c, id[t]!);
      }
      if (dfa.accepting[q]) b.eps(id[q]!, end);
    }
    return { start: id[dfa.start]!, end };
  };

  const f = build(ast);
  return b.finish(alphabet, f.start, [f.end]);
}

/** States from which an accepting state can be reached. */
export function liveStates(dfa: Dfa): Uint8Array {
  const k = dfa.alphabet.classes.length;
  const preds: number[][] = Array.from({ length: dfa.states }, () => []);
  for (let q = 0; q < dfa.states; q++) {
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t >= 0) preds[t]!.push(q);
    }
  }
  const live = new Uint8Array(dfa.states);
  const stack: number[] = [];
  for (let q = 0; q < dfa.states; q++) {
    if (dfa.accepting[q]) {
      live[q] = 1;
      stack.push(q);
    }
  }
  while (stack.length > 0) {
    for (const p of preds[stack.pop()!]!) {
      if (!live[p]) {
        live[p] = 1;
        stack.push(p);
      }
    }
  }
  return live;
}
