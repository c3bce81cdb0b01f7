/**
 * The gallery: every example loads, has a description, parses, and is listed
 * in the README; the Tomita grammars, PARITY and mult3 are checked on every
 * string up to length 8 against brute-force predicates written here (by NFA
 * simulation for `.fa`, by V8's RegExp for `.re`); every other example on a
 * few members and non-members. The loader itself is tested on a scratch folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accepts } from '../src/automata/dfa.js';
import { nfaFromFa } from '../src/automata/fromFa.js';
import { WordflowError } from '../src/errors.js';
import { type GalleryEntry, galleryDir, galleryEntry, loadGallery, packageRoot } from '../src/gallery.js';
import { compileRegex } from '../src/language.js';
import { parseFa } from '../src/syntax/fa/parse.js';
import { parseRegex } from '../src/syntax/regex/parse.js';
import { allStrings, nfaAccepts } from './syntax/fa/simulate.js';

const gallery = loadGallery();
const byName = new Map(gallery.map((e) => [e.name, e]));

function entry(name: string): GalleryEntry {
  const e = byName.get(name);
  if (e === undefined) throw new Error(`no gallery entry ${name}`);
  return e;
}

/** Patterns that use `&` or `~`, which V8 does not have. */
const BEYOND_V8 = new Set(['no_aa_complement', 'contains_ab_and_ba']);

/** Membership decided without wordflow's own pipeline where possible. */
function member(e: GalleryEntry): (s: string) => boolean {
  if (e.kind === 'fa') {
    const nfa = nfaFromFa(parseFa(e.source, e.path));
    return (s) => nfaAccepts(nfa, s);
  }
  if (BEYOND_V8.has(e.name)) {
    const dfa = compileRegex(e.source);
    return (s) => accepts(dfa, s);
  }
  const oracle = new RegExp('^(?:' + e.source + ')$', 'su');
  return (s) => oracle.test(s);
}

describe('the gallery folder', () => {
  it('has at least 20 examples, at least 6 of them automata, with unique names', () => {
    expect(gallery.length).toBeGreaterThanOrEqual(20);
    expect(gallery.filter((e) => e.kind === 'fa').length).toBeGreaterThanOrEqual(6);
    expect(new Set(gallery.map((e) => e.name)).size).toBe(gallery.length);
  });

  it('holds every required example under its name and kind', () => {
    const required: [string, 're' | 'fa'][] = [
      ['parity', 'fa'],
      ['mult3', 'fa'],
      ['identifier', 're'],
      ['decimal', 're'],
      ['abb', 're'],
      ['no_aa', 're'],
    ];
    for (let i = 1; i <= 7; i++) required.push([`tomita${i}`, entry(`tomita${i}`).kind]);
    for (const [name, kind] of required) expect(entry(name).kind).toBe(kind);
    expect(entry('abb').source).toBe('(a|b)*abb');
    expect(entry('identifier').source).toBe('[A-Za-z_][A-Za-z0-9_]*');
  });

  it.each(gallery.map((e) => [e.name, e] as const))('%s has a one-line description and parses', (_, e) => {
    expect(e.description.length).toBeGreaterThan(10);
    expect(e.description).not.toMatch(/[\n\r]/);
    expect(existsSync(e.path)).toBe(true);
    if (e.kind === 'fa') expect(parseFa(e.source, e.path).states.length).toBeGreaterThan(0);
    else expect(() => parseRegex(e.source)).not.toThrow();
  });

  it('lists every example with its description in README.md', () => {
    const readme = readFileSync(join(galleryDir(), 'README.md'), 'utf8');
    for (const e of gallery) {
      const file = e.path.split(/[\\/]/).pop()!;
      const row = readme.split('\n').find((l) => l.includes(`[\`${file}\`]`));
      expect(row, file).toBeDefined();
      expect(row!.replace(/\\\|/g, '|')).toContain(e.description);
    }
  });

  it('has at least two nondeterministic automata with ε-edges', () => {
    const eNfas = gallery
      .filter((e) => e.kind === 'fa')
      .filter((e) => {
        const fa = parseFa(e.source);
        const hasEpsilon = fa.edges.some((x) => x.label === 'epsilon');
        return hasEpsilon;
      });
    expect(eNfas.length).toBeGreaterThanOrEqual(2);
  });
});

const count = (s: string, ch: string): number => [...s].filter((c) => c === ch).length;

/** Maximal runs of equal symbols: "110100" → ["11", "0", "1", "00"]. */
function runs(s: string): string[] {
  return s.match(/(.)\1*/gs) ?? [];
}

/** The brute-force predicates, over their alphabets. */
const PREDICATES: Record<string, { alphabet: string[]; test: (s: string) => boolean }> = {
  tomita1: { alphabet: ['0', '1'], test: (s) => count(s, '0') === 0 },
  tomita2: {
    alphabet: ['0', '1'],
    test: (s) => s.length % 2 === 0 && [...s].every((c, i) => c === (i % 2 === 0 ? '1' : '0')),
  },
  tomita3: {
    alphabet: ['0', '1'],
    test: (s) => {
      let armed = false;
      for (const run of runs(s)) {
        if (run[0] === '1' && run.length % 2 === 1) armed = true;
        else if (run[0] === '0' && run.length % 2 === 1 && armed) return false;
      }
      return true;
    },
  },
  tomita4: { alphabet: ['0', '1'], test: (s) => !s.includes('000') },
  tomita5: { alphabet: ['0', '1'], test: (s) => count(s, '0') % 2 === 0 && count(s, '1') % 2 === 0 },
  tomita6: { alphabet: ['0', '1'], test: (s) => (((count(s, '0') - count(s, '1')) % 3) + 3) % 3 === 0 },
  tomita7: {
    alphabet: ['0', '1'],
    test: (s) => {
      let changes = 0;
      const t = '0' + s;
      for (let i = 1; i < t.length; i++) if (t[i] !== t[i - 1]) changes++;
      return changes <= 3;
    },
  },
  parity: { alphabet: ['a', 'b'], test: (s) => count(s, 'a') % 2 === 0 },
  mult3: { alphabet: ['0', '1'], test: (s) => (s === '' ? 0 : parseInt(s, 2)) % 3 === 0 },
};

describe('exhaustive checks up to length 8', () => {
  it.each(Object.keys(PREDICATES))('%s', (name) => {
    const { alphabet, test } = PREDICATES[name]!;
    const e = entry(name);
    const inLanguage = member(e);
    const wrong = allStrings(alphabet, 8).filter((s) => inLanguage(s) !== test(s));
    expect(wrong).toEqual([]);
  });

  it("Tomita 3 agrees with Tomita's own examples", () => {
    const inLanguage = member(entry('tomita3'));
    const positive = [
      '',
      '1',
      '0',
      '01',
      '11',
      '00',
      '100',
      '110',
      '111',
      '000',
      '100100',
      '110000011100001',
      '111101100010011100',
    ];
    const negative = [
      '10',
      '101',
      '010',
      '1010',
      '1110',
      '1011',
      '10001',
      '111010',
      '1001000',
      '11111000',
      '0111001101',
      '11011100110',
    ];
    expect(positive.filter((s) => !inLanguage(s))).toEqual([]);
    expect(negative.filter(inLanguage)).toEqual([]);
  });

  it('a symbol outside the alphabet is rejected by the automata (the implicit dead state)', () => {
    for (const name of ['parity', 'mult3', 'tomita3', 'tomita5', 'tomita6']) {
      const inLanguage = member(entry(name));
      expect(['x', 'xx', '0x', 'bx', 'x00'].filter(inLanguage), name).toEqual([]);
    }
  });
});

/** Members and non-members of the other examples. */
const SAMPLES: Record<string, { yes: string[]; no: string[] }> = {
  a_or_ab: { yes: ['a', 'ab'], no: ['', 'b', 'aa', 'abb', 'ba'] },
  abb: { yes: ['abb', 'aabb', 'babb', 'ababb'], no: ['', 'ab', 'abba', 'bbb'] },
  binary: { yes: ['0', '1', '10', '1101'], no: ['', '00', '01', '2'] },
  c_string: { yes: ['""', '"a"', '"\\n"', '"say \\"hi\\""'], no: ['"', '"a', '"a"b"', '"\n"', '"\\"'] },
  contains_ab_and_ba: { yes: ['aba', 'bab', 'abba', 'xabyba'], no: ['', 'ab', 'aabb', 'ba'] },
  date: { yes: ['2024-02-29', '1999-12-31', '0001-01-01'], no: ['2024-13-01', '2024-00-10', '2024-1-1', '2024-01-32'] },
  decimal: { yes: ['0', '-12', '+3.14', '6.02e23', '1E-9'], no: ['', '.5', '5.', '1e', '--1', '1.2.3'] },
  decimal_enfa: { yes: ['1.', '.5', '-3.14', '+0.0', '12.'], no: ['', '.', '5', '+.', '1.2.3', '-'] },
  email: { yes: ['a@b.co', 'first.last+tag@mail.example.org'], no: ['a@b', '@b.co', 'a@b.c', 'a b@c.de'] },
  hex_color: { yes: ['#fff', '#A0b1C2'], no: ['fff', '#ffff', '#12345g', '#'] },
  identifier: { yes: ['x', '_', 'foo_1', 'Bar'], no: ['', '1x', 'a-b', 'é'] },
  ipv4: { yes: ['0.0.0.0', '192.168.1.1', '255.255.255.255'], no: ['256.0.0.1', '01.2.3.4', '1.2.3', '1.2.3.4.5'] },
  no_aa: { yes: ['', 'a', 'b', 'ab', 'ba', 'abab', 'bab'], no: ['aa', 'baab', 'aab', 'c'] },
  no_aa_complement: { yes: ['', 'a', 'b', 'ab', 'ba', 'abab', 'bab'], no: ['aa', 'baab', 'aab', 'c'] },
  parens2: { yes: ['', '()', '(())', '()(()())'], no: ['(', ')(', '((()))', '(()'] },
  third_last: { yes: ['100', '111', '0101', '1101'], no: ['', '1', '11', '011', '1001', '1011'] },
  time: { yes: ['00:00', '09:05', '23:59'], no: ['24:00', '9:05', '12:60', '12:5'] },
  unary_2or3: { yes: ['', 'aa', 'aaa', 'aaaa', 'aaaaaa', 'aaaaaaaa', 'aaaaaaaaa'], no: ['a', 'aaaaa', 'aaaaaaa', 'b'] },
};

describe('members of the other examples', () => {
  it('every example is covered by the exhaustive checks or by samples', () => {
    const uncovered = gallery.map((e) => e.name).filter((n) => PREDICATES[n] === undefined && SAMPLES[n] === undefined);
    expect(uncovered).toEqual([]);
  });

  it.each(Object.keys(SAMPLES))('%s', (name) => {
    const inLanguage = member(entry(name));
    const { yes, no } = SAMPLES[name]!;
    expect(yes.filter((s) => !inLanguage(s))).toEqual([]);
    expect(no.filter(inLanguage)).toEqual([]);
  });

  it('no_aa and its complement-and-intersection form agree on every string over {a,b} up to length 8', () => {
    const plain = member(entry('no_aa'));
    const viaComplement = member(entry('no_aa_complement'));
    expect(allStrings(['a', 'b'], 8).filter((s) => plain(s) !== viaComplement(s))).toEqual([]);
  });
});

describe('the loader', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wordflow-gallery-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds the package root from its own module', () => {
    expect(existsSync(join(packageRoot(), 'package.json'))).toBe(true);
    expect(galleryDir()).toBe(join(packageRoot(), 'grammars', 'examples'));
  });

  it('reads .re comments, the description and the pattern without the final newline', () => {
    const e = galleryEntry('/x/ab.re', '#  first line\n# second\na|b\n');
    expect(e).toEqual({ name: 'ab', kind: 're', description: 'first line', source: 'a|b', path: '/x/ab.re' });
    expect(galleryEntry('/x/crlf.re', '# d\r\nab\r\n').source).toBe('ab');
    expect(galleryEntry('/x/two.re', '# d\na\nb\n').source).toBe('a\nb');
    expect(galleryEntry('/x/none.re', 'ab').description).toBe('');
  });

  it('keeps a whole .fa file as its source and takes its first comment as the description', () => {
    const text = 'start q # not this\n# the language\naccept q\n';
    expect(galleryEntry('/x/q.fa', text)).toEqual({
      name: 'q',
      kind: 'fa',
      description: 'the language',
      source: text,
      path: '/x/q.fa',
    });
  });

  it('loads only .re and .fa files, sorted by name', () => {
    writeFileSync(join(scratch, 'b.re'), '# bee\nb\n');
    writeFileSync(join(scratch, 'a.fa'), '# ay\nstart q\n');
    writeFileSync(join(scratch, 'notes.txt'), 'ignored');
    const entries = loadGallery(scratch);
    expect(entries.map((e) => [e.name, e.kind, e.description])).toEqual([
      ['a', 'fa', 'ay'],
      ['b', 're', 'bee'],
    ]);
    expect(entries[1]!.path).toBe(join(scratch, 'b.re'));
  });

  it('reports a missing folder as a usage error', () => {
    const missing = join(scratch, 'missing');
    let error: unknown;
    try {
      loadGallery(missing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WordflowError);
    expect((error as WordflowError).kind).toBe('usage');
    expect((error as WordflowError).message).toContain(missing);
  });
});
