/**
 * `dfaToDot`: the graph drawn for a DFA — which states, which arrows with
 * which labels, the start arrow, double circles, the hidden dead state, and
 * a highlighted run — read back from the DOT text by a small statement
 * reader (the writer puts one statement per line).
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { classOf } from '../../src/alphabet/alphabet.js';
import { complete, deadState } from '../../src/automata/dfa.js';
import { compileRegex } from '../../src/language.js';
import { cutLabel, dfaToDot, dotString, edgeLabel, MAX_EDGE_LABEL } from '../../src/present/dot.js';
import { PATH_COLOUR } from '../../src/present/palette.js';
import { sharedPatternArb } from '../support/arbitraries.js';

interface Statement {
  readonly from: string;
  readonly to?: string;
  readonly attrs: Record<string, string>;
}

/** Reads `id [k=v, …];` and `id -> id [k=v, …];` lines, unescaping quoted values. */
function statements(dot: string): Statement[] {
  const out: Statement[] = [];
  for (const raw of dot.split('\n')) {
    const line = raw.trim();
    const m = /^(\w+)(?: -> (\w+))?(?: \[(.*)\])?;$/.exec(line);
    if (m === null || ['graph', 'node', 'edge'].includes(m[1]!)) continue;
    const attrs: Record<string, string> = {};
    const body = m[3] ?? '';
    let i = 0;
    while (i < body.length) {
      const eq = body.indexOf('=', i);
      const key = body.slice(i, eq);
      let value = '';
      let j = eq + 1;
      if (body[j] === '"') {
        j++;
        for (; body[j] !== '"'; j++) {
          if (body[j] === '\\') {
            j++;
            value += body[j] === 'n' ? '\n' : body[j] === 'l' ? '\n' : body[j];
          } else value += body[j];
        }
        j++;
      } else {
        while (j < body.length && body[j] !== ',') value += body[j++];
      }
      attrs[key] = value;
      i = j + 2;
    }
    out.push({ from: m[1]!, to: m[2], attrs });
  }
  return out;
}

const nodes = (dot: string) => statements(dot).filter((s) => s.to === undefined && s.from.startsWith('q'));
const edges = (dot: string) => statements(dot).filter((s) => s.to !== undefined && s.from.startsWith('q'));

describe('dfaToDot on (a|b)*abb', () => {
  const dfa = compileRegex('(a|b)*abb');
  const dot = dfaToDot(dfa);

  it('draws the four live states, the accepting one as a double circle, and no dead state', () => {
    expect(nodes(dot).map((n) => n.from)).toEqual(['q0', 'q1', 'q2', 'q3']);
    expect(
      nodes(dot)
        .filter((n) => n.attrs.shape === 'doublecircle')
        .map((n) => n.from),
    ).toEqual(['q3']);
    expect(edges(dot).some((e) => e.to === 'q4')).toBe(false);
    expect(dot).toContain('dead state 4, not drawn');
  });

  it('has a start arrow from an invisible node into the start state', () => {
    const start = statements(dot).filter((s) => s.from === '__start');
    expect(start.find((s) => s.to === undefined)!.attrs).toMatchObject({ shape: 'none', label: '' });
    expect(start.find((s) => s.to !== undefined)!.to).toBe('q0');
  });

  it('labels each arrow by its letters, one arrow per pair of states', () => {
    const labelled = edges(dot).map((e) => `${e.from}-${e.attrs.label}->${e.to}`);
    expect(labelled.sort()).toEqual(
      ['q0-a->q1', 'q0-b->q0', 'q1-a->q1', 'q1-b->q2', 'q2-a->q1', 'q2-b->q3', 'q3-a->q1', 'q3-b->q0'].sort(),
    );
  });

  it('--show-dead draws the dead state dashed, with "other" arrows into it and an "any" loop', () => {
    const all = dfaToDot(dfa, { showDead: true });
    const dead = nodes(all).find((n) => n.from === 'q4')!;
    expect(dead.attrs.style).toBe('dashed');
    expect(dead.attrs.label).toBe('4†');
    expect(
      edges(all)
        .filter((e) => e.to === 'q4' && e.from !== 'q4')
        .map((e) => e.attrs.label),
    ).toEqual(['other', 'other', 'other', 'other']);
    expect(edges(all).find((e) => e.from === 'q4')!.attrs.label).toBe('any');
  });

  it('highlights exactly the arrows and states of the run of babb, numbering the steps', () => {
    const lit = dfaToDot(dfa, { highlight: 'babb' });
    const coloured = edges(lit).filter((e) => e.attrs.color === PATH_COLOUR);
    expect(coloured.map((e) => `${e.from}->${e.to}: ${e.attrs.label}`).sort()).toEqual(
      ['q0->q0: b\nstep 1', 'q0->q1: a\nstep 2', 'q1->q2: b\nstep 3', 'q2->q3: b\nstep 4'].sort(),
    );
    expect(
      edges(lit)
        .filter((e) => e.attrs.color !== PATH_COLOUR)
        .every((e) => !e.attrs.label!.includes('step')),
    ).toBe(true);
    expect(
      nodes(lit)
        .filter((n) => n.attrs.style === 'filled')
        .map((n) => n.from),
    ).toEqual(['q0', 'q1', 'q2', 'q3']);
    expect(lit).toContain('0 -b→ 0 -a→ 1 -b→ 2 -b→ 3: accepted');
  });

  it('lists every step on an arrow taken several times', () => {
    const lit = dfaToDot(dfa, { highlight: 'bbb' });
    expect(edges(lit).find((e) => e.from === 'q0' && e.to === 'q0')!.attrs.label).toBe('b\nstep 1, 2, 3');
  });

  it('shows the dead state when the highlighted run enters it', () => {
    const lit = dfaToDot(dfa, { highlight: 'abx' });
    expect(nodes(lit).map((n) => n.from)).toContain('q4');
    expect(edges(lit).find((e) => e.from === 'q2' && e.to === 'q4')!.attrs.color).toBe(PATH_COLOUR);
    expect(lit).toContain(': rejected');
  });
});

describe('dfaToDot labels and escaping', () => {
  it('groups classes into one set label, and shows complements when shorter', () => {
    const dfa = compileRegex('[a-c]x|[d-f]y');
    const start = edges(dfaToDot(dfa)).filter((e) => e.from === 'q0');
    expect(start.map((e) => e.attrs.label).sort()).toEqual(['[a-c]', '[d-f]']);
    const any = compileRegex('[^z]z');
    expect(edges(dfaToDot(any)).find((e) => e.from === 'q0')!.attrs.label).toBe('[^z]');
  });

  it('escapes quotes and backslashes so labels read back exactly', () => {
    const dfa = compileRegex('"\\\\');
    const labels = edges(dfaToDot(dfa, { title: 'say "hi" \\ bye' })).map((e) => e.attrs.label);
    expect(labels).toEqual(['"', '\\\\']);
    expect(dotString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });

  test.prop([sharedPatternArb(['a', 'b', 'c'])], { numRuns: 60 })(
    'every arrow label names exactly the letters that take it',
    (pattern) => {
      const dfa = complete(compileRegex(pattern));
      const k = dfa.alphabet.classes.length;
      const dead = deadState(dfa);
      const drawn = edges(dfaToDot(dfa));
      for (let q = 0; q < dfa.states; q++) {
        if (q === dead && q !== dfa.start) continue;
        for (let c = 0; c < k; c++) {
          const t = dfa.delta[q * k + c]!;
          if (t === dead && t !== dfa.start) continue;
          const arrows = drawn.filter((e) => e.from === `q${q}` && e.to === `q${t}`);
          expect(arrows).toHaveLength(1);
          // The label is the class itself, or a set whose letters are exactly the grouped classes.
          const classes = Array.from({ length: k }, (_, d) => d).filter((d) => dfa.delta[q * k + d] === t);
          const label = edgeLabel(dfa, classes);
          expect(arrows[0]!.attrs.label).toBe(cutLabel(label));
          expect([...arrows[0]!.attrs.label!].length).toBeLessThanOrEqual(MAX_EDGE_LABEL);
          expect(arrows[0]!.attrs.tooltip).toBe(`${q} → ${t} on ${label}`);
          for (const probe of ['a', 'b', 'c', 'z', '\n', ' ']) {
            const inLabel = classes.includes(classOf(dfa.alphabet, probe.codePointAt(0)!));
            if (label === 'any' || label === 'other' || classes.length === 1) continue;
            expect(acceptsLetter(label, probe)).toBe(inLabel);
          }
        }
      }
    },
  );
});

function acceptsLetter(label: string, letter: string): boolean {
  const dfa = complete(compileRegex(label));
  const k = dfa.alphabet.classes.length;
  const q = dfa.delta[dfa.start * k + classOf(dfa.alphabet, letter.codePointAt(0)!)]!;
  return dfa.accepting[q] === 1;
}
