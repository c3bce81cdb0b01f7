/**
 * The JSON Schemas in `schemas/` against real output of the built CLI: every
 * machine-readable format, several languages, every embedding. What a schema
 * cannot say (table shapes, index ranges, the class partition) is checked
 * here too; and each schema must reject hand-broken variants, so a schema
 * that accepted anything would fail.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const root = fileURLToPath(new URL('../..', import.meta.url));

function schema(name: string): (value: unknown) => string[] {
  const validate = ajv.compile(JSON.parse(readFileSync(`${root}schemas/${name}.schema.json`, 'utf8')));
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

const EMBEDDINGS = ['transform', 'onehot', 'relu1d', 'sigmoid', 'flow2d'] as const;
const PATTERNS = ['(a|b)*abb', '[0-9]+(\\.[0-9]+)?', 'colou?r', '(aa)*', '[α-ω]+\\d', 'a', '[]', ''];

/** Runs the CLI and parses its stdout as JSON lines. */
function jsonLines(args: string[], input?: string, okCodes = [0, 1]): unknown[] {
  const r = wordflow(args, input);
  expect(okCodes, `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
}

describe('schemas/dfa.schema.json', () => {
  const validate = schema('dfa');
  const cases: string[][] = [
    ...PATTERNS.map((p) => [p]),
    ['(a|b)*a(a|b){3}', '--no-minimize'],
    ['--fa', 'grammars/examples/parity.fa'],
    ['--fa', 'grammars/examples/decimal_enfa.fa'],
  ];
  for (const args of cases) {
    it(`validates dfa ${args.join(' ') || "''"} --format json, and its tables are consistent`, () => {
      const [out] = jsonLines(['dfa', ...args, '--format', 'json'], undefined, [0]);
      expect(validate(out)).toEqual([]);
      const d = out as { states: number; start: number; accept: number[]; dead: number | null; classes: { ranges: [number, number][] }[]; delta: number[][] };
      expect(d.delta).toHaveLength(d.states);
      for (const row of d.delta) {
        expect(row).toHaveLength(d.classes.length);
        for (const t of row) expect(t).toBeLessThan(d.states);
      }
      expect(d.start).toBeLessThan(d.states);
      for (const q of d.accept) expect(q).toBeLessThan(d.states);
      if (d.dead !== null) {
        expect(d.accept).not.toContain(d.dead);
        expect(d.delta[d.dead]!.every((t) => t === d.dead)).toBe(true);
      }
      // The classes partition every code point: sorted intervals, no gap, no overlap.
      const all = d.classes.flatMap((c) => c.ranges).sort((x, y) => x[0] - y[0]);
      expect(all[0]![0]).toBe(0);
      for (let i = 1; i < all.length; i++) expect(all[i]![0]).toBe(all[i - 1]![1] + 1);
      expect(all[all.length - 1]![1]).toBe(0x10ffff);
    });
  }

  it('rejects broken DFA JSON', () => {
    const [good] = jsonLines(['dfa', '(a|b)*abb', '--format', 'json']) as Record<string, unknown>[];
    expect(validate(good)).toEqual([]);
    const { dead: _dead, ...noDead } = good!;
    expect(validate(noDead)).not.toEqual([]);
    expect(validate({ ...good, states: 0 })).not.toEqual([]);
    expect(validate({ ...good, dead: 'none' })).not.toEqual([]);
    expect(validate({ ...good, classes: [{ label: 'a', ranges: [[97]] }] })).not.toEqual([]);
    expect(validate({ ...good, classes: [{ label: 'a', ranges: [[97, 0x110000]] }] })).not.toEqual([]);
    expect(validate({ ...good, delta: [[0, -1]] })).not.toEqual([]);
    expect(validate({ ...good, extra: 1 })).not.toEqual([]);
  });
});

describe('schemas/compile.schema.json', () => {
  const validate = schema('compile');
  for (const embedding of EMBEDDINGS) {
    for (const pattern of ['(a|b)*abb', '[0-9]+(\\.[0-9]+)?', '(aa)*', '[]']) {
      it(`validates compile '${pattern}' --embedding ${embedding} --json`, () => {
        const [out] = jsonLines(['compile', pattern, '--embedding', embedding, '--json'], undefined, [0]);
        expect(validate(out)).toEqual([]);
        const v = out as { embedding: string; dimension: number; states: number; startState: number; accepting: number[]; start: number[]; words: { class: number }[] };
        expect(v.embedding).toBe(embedding);
        expect(v.start).toHaveLength(v.dimension);
        expect(v.words.map((w) => w.class)).toEqual(v.words.map((_, i) => i));
        expect(v.startState).toBeLessThan(v.states);
        for (const q of v.accepting) expect(q).toBeLessThan(v.states);
      });
    }
  }

  it('validates the sigmoid vocabulary at a chosen gain and an automaton file', () => {
    const [a] = jsonLines(['compile', 'ab*', '--embedding', 'sigmoid', '--gain', '8', '--json']);
    expect(validate(a)).toEqual([]);
    const [b] = jsonLines(['compile', '--fa', 'grammars/examples/mult3.fa', '--json']);
    expect(validate(b)).toEqual([]);
  });

  it('rejects vocabularies whose embedding, maps or fields do not match', () => {
    const [flow] = jsonLines(['compile', 'ab*', '--json']) as Record<string, unknown>[];
    const [hot] = jsonLines(['compile', 'ab*', '--embedding', 'onehot', '--json']) as Record<string, unknown>[];
    expect(validate(flow)).toEqual([]);
    expect(validate({ ...flow, embedding: 'linear' })).not.toEqual([]);
    // A flow2d header with onehot words: the map kinds must follow the embedding.
    expect(validate({ ...flow, words: hot!.words })).not.toEqual([]);
    expect(validate({ ...hot, dimension: 'three' })).not.toEqual([]);
    const words = flow!.words as { map: { phrase: string } }[];
    const badPhrase = words.map((w) => ({ ...w, map: { ...w.map, phrase: 'hy^3 jump' } }));
    expect(validate({ ...flow, words: badPhrase })).not.toEqual([]);
    const { constants: _c, ...noConstants } = hot!;
    expect(validate(noConstants)).not.toEqual([]);
  });
});

describe('schemas/trace.schema.json', () => {
  const validate = schema('trace');
  for (const embedding of EMBEDDINGS) {
    it(`validates trace --json --embedding ${embedding} for accepted, rejected, empty and non-ASCII strings`, () => {
      const lines = jsonLines(['trace', '(a|b)*abb|é+', 'abb', 'ab', '', 'éé', 'x\ty', '--embedding', embedding, '--json']);
      expect(lines).toHaveLength(5);
      for (const t of lines) {
        expect(validate(t)).toEqual([]);
        const steps = (t as { steps: { index: number; symbol: string | null; flow?: unknown[] }[] }).steps;
        expect(steps.map((s) => s.index)).toEqual(steps.map((_, i) => i));
        expect(steps.slice(1).every((s) => typeof s.symbol === 'string')).toBe(true);
        if (embedding === 'flow2d') expect(steps.slice(1).every((s) => Array.isArray(s.flow) && s.flow.length > 0)).toBe(true);
      }
    });
  }

  it('rejects traces with unknown flows or missing steps', () => {
    const [t] = jsonLines(['trace', 'ab', 'ab', '--json']) as { steps: { flow?: { flow: string }[] }[] }[];
    expect(validate(t)).toEqual([]);
    const steps = t!.steps.map((s) => (s.flow === undefined ? s : { ...s, flow: s.flow.map((f) => ({ ...f, flow: 'warp' })) }));
    expect(validate({ ...t, steps })).not.toEqual([]);
    expect(validate({ ...t, steps: [] })).not.toEqual([]);
  });
});

describe('schemas/certify.schema.json', () => {
  const validate = schema('certify');
  for (const embedding of EMBEDDINGS) {
    it(`validates certify --json --embedding ${embedding}`, () => {
      for (const pattern of ['(a|b)*abb', '[0-9]+']) {
        const [c] = jsonLines(['certify', pattern, '--embedding', embedding, '--json'], undefined, [0]);
        expect(validate(c)).toEqual([]);
        expect((c as { holds: boolean }).holds).toBe(true);
      }
    });
  }

  it('validates a failing certificate, and rejects inconsistent ones', () => {
    const [bad] = jsonLines(['certify', '(ab)*', '--embedding', 'sigmoid', '--gain', '3', '--json'], undefined, [1]) as Record<string, unknown>[];
    expect(validate(bad)).toEqual([]);
    expect(bad!.holds).toBe(false);
    expect(bad!.margin).toBeNull();
    expect(validate({ ...bad, holds: true })).not.toEqual([]);
    // A failing certificate has no margin and does not cover floats.
    expect(validate({ ...bad, margin: 0.5 })).not.toEqual([]);
    expect(validate({ ...bad, floatSound: true })).not.toEqual([]);
    const [good] = jsonLines(['certify', 'ab', '--embedding', 'relu1d', '--json']) as Record<string, unknown>[];
    expect(validate({ ...good, gain: 5 })).not.toEqual([]);
    expect(validate({ ...good, embedding: 'sigmoid' })).not.toEqual([]);
    expect(validate({ ...good, method: 'guess' })).not.toEqual([]);
  });
});

describe('schemas for check and equiv', () => {
  it('check --json: one valid line per string, and --whole with its byte count', () => {
    const validate = schema('check');
    const lines = jsonLines(['check', '[a-z]+', 'abc', 'ABC', '', 'ünï', '--json']);
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(validate(l)).toEqual([]);
    const [whole] = jsonLines(['check', '[a-z\\n]*', '--whole', '--json'], 'abc\ndef\n');
    expect(validate(whole)).toEqual([]);
    expect(validate({ input: 'a', accept: 'yes' })).not.toEqual([]);
    expect(validate({ input: 'a' })).not.toEqual([]);
  });

  it('check --jsonl: verdicts and per-line errors are valid lines', () => {
    const validate = schema('check-jsonl');
    const input = ['{"pattern":"a+","input":"aaa"}', '{"pattern":"(","input":"x"}', 'not json', '{"fa":"grammars/examples/parity.fa","input":"ab"}', '{"input":"a"}'].join('\n');
    const lines = jsonLines(['check', '--jsonl'], input, [2]);
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(validate(l)).toEqual([]);
    expect(validate({ accept: true, error: 'both' })).not.toEqual([]);
    expect(validate({})).not.toEqual([]);
  });

  it('check --jsonl: input lines with "syntax" follow $defs/inputLine, and the field is honoured', () => {
    const file = JSON.parse(readFileSync(`${root}schemas/check-jsonl.schema.json`, 'utf8')) as { $defs: { inputLine: object } };
    const validateInput = ajv.compile(file.$defs.inputLine);
    const sent = [
      { pattern: '[<>]&', input: '<&', syntax: 'ecma' },
      { pattern: '[<>]&', input: '<&', syntax: 'wordflow' },
      { pattern: 'a~b', input: 'a~b' },
      { fa: 'grammars/examples/parity.fa', input: 'ab', syntax: 'ecma' },
    ];
    for (const line of sent) expect(validateInput(line), JSON.stringify(line)).toBe(true);
    for (const bad of [{ pattern: 'a', input: 'a', syntax: 'perl' }, { input: 'a' }, { pattern: 'a', fa: 'f', input: 'a' }]) {
      expect(validateInput(bad), JSON.stringify(bad)).toBe(false);
    }
    const answers = jsonLines(['check', '--jsonl'], sent.map((l) => JSON.stringify(l)).join('\n'), [1]);
    expect(answers).toEqual([
      { accept: true, line: 1 },
      { accept: false, line: 2 },
      { accept: true, line: 3 },
      { accept: false, line: 4 },
    ]);
    const [unknown] = jsonLines(['check', '--jsonl'], JSON.stringify({ pattern: 'a', input: 'a', syntax: 'perl' }), [2]);
    expect(unknown).toEqual({ error: "unknown syntax 'perl'; choose one of wordflow, ecma", line: 1 });
  });

  it('equiv --json: equal and not equal', () => {
    const validate = schema('equiv');
    const [same] = jsonLines(['equiv', '(a|b)*', '(a*b*)*', '--json'], undefined, [0]);
    const [differ] = jsonLines(['equiv', 'a*', 'a+', '--json'], undefined, [1]);
    expect(validate(same)).toEqual([]);
    expect(validate(differ)).toEqual([]);
    expect(validate({ equal: true, witness: 'a', in: 'A' })).not.toEqual([]);
    expect(validate({ equal: false, witness: null, in: null })).not.toEqual([]);
  });
});

describe('schemas/approx.schema.json', () => {
  const validate = schema('approx');
  const cases: string[][] = [
    ['x + 0.3*sin(2*pi*y)', 'y', '--eps', '1e-2'],
    ['0.8*x - 0.6*y', '0.6*x + 0.8*y', '--eps', '1e-3'],
    ['3*x', 'y', '--eps', '1e-1', '--domain', '[0,2]x[-1,1]'],
    ['0.8*x - 0.6*y', '0.6*x + 0.8*y', 'x', 'y + 0.2*x^3', '--eps', '1e-2', '--inverse'],
    ['--flow', 'y', '-sin(x)', '--eps', '1e-1', '--grid', '17'],
    ['x + 0.1*y^2', 'y + 0.1*x', '--eps', '1e-2', '--grid', '17'],
    ['x + 0.1*y^2', 'y + 0.1*x', 'x + 0.2*y', 'y', '--eps', '1e-2', '--grid', '17'],
  ];
  for (const args of cases) {
    it(`validates approx ${args.join(' ')} --json, and its counts add up`, () => {
      const [out] = jsonLines(['approx', ...args, '--json'], undefined, [0]);
      expect(validate(out)).toEqual([]);
      const a = out as { sentence: [string, number][]; length: number; error: { grid_points: number; grid: number; bound: number | null }; domain: number[][] };
      expect(a.length).toBe(a.sentence.reduce((n, [, c]) => n + c, 0));
      expect(Number.isInteger(Math.sqrt(a.error.grid_points))).toBe(true);
      expect(a.domain[0]![0]).toBeLessThan(a.domain[0]![1]!);
      expect(a.error.grid).toBeLessThanOrEqual(Number(args[args.indexOf('--eps') + 1]));
      // Flows and general diffeomorphisms (a fitted isotopy) are measured, not proved.
      expect(a.error.bound === null).toBe(args[0] === '--flow' || args[0] === 'x + 0.1*y^2');
      // A composition with a general map says how its ε was shared: Σ eps·weight ≤ ε.
      const parts = (out as { composition?: { eps: number; weight: number }[] }).composition;
      expect(parts !== undefined).toBe(args[0] === 'x + 0.1*y^2' && args[2] === 'x + 0.2*y');
      if (parts !== undefined)
        expect(parts.reduce((acc, p) => acc + p.eps * p.weight, 0)).toBeLessThanOrEqual(1e-2 * (1 + 1e-12));
    });
  }

  it('rejects broken approx JSON', () => {
    const [good] = jsonLines(['approx', 'x + y', 'y', '--eps', '1e-2', '--json']) as Record<string, unknown>[];
    expect(validate(good)).toEqual([]);
    expect(validate({ ...good, sentence: [['warp', 1]] })).not.toEqual([]);
    expect(validate({ ...good, sentence: [['hx', 0]] })).not.toEqual([]);
    expect(validate({ ...good, vocabulary: ['hx'] })).not.toEqual([]);
    expect(validate({ ...good, error: { grid: 0.1, grid_points: 100 } })).not.toEqual([]);
    expect(validate({ ...good, target: { kind: 'flow', maps: [['x', 'y']], eps: 0.1, inverse: false } })).not.toEqual([]);
    const { length: _l, ...noLength } = good!;
    expect(validate(noLength)).not.toEqual([]);
  });
});
