/**
 * fast-check arbitraries for everybody's property tests: random pattern TEXT
 * over a small alphabet, and random strings over it.
 *
 * `sharedPatternArb` stays inside the syntax wordflow shares with JavaScript
 * (`u` + `s` flags), so V8's `new RegExp('^(?:' + p + ')$', 'su')` is an oracle
 * for every pattern it makes. `extendedPatternArb` adds wordflow's `&` and `~`.
 * Patterns are kept small (a few dozen atoms at most, bounds ≤ 3) so that the
 * DFAs built from them stay small.
 *
 * Alphabet entries are single code points. Those that are not letters or
 * digits are written as `\u{…}`, which both syntaxes read the same way.
 */
import fc from 'fast-check';

/** Letters and digits are written as themselves; everything else as `\u{…}`. */
function literal(ch: string): string {
  return /^[\p{L}\p{N}]$/u.test(ch) ? ch : `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

/** A class over the alphabet: `[ab]`, `[^a]`, `[a-c]`, maybe with a shorthand. */
function classArb(alphabet: readonly string[]): fc.Arbitrary<string> {
  const sorted = [...alphabet].sort((x, y) => x.codePointAt(0)! - y.codePointAt(0)!);
  const item = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...sorted).map(literal) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(sorted.length - 1), fc.nat(sorted.length - 1))
        .map(([i, j]) => `${literal(sorted[Math.min(i, j)]!)}-${literal(sorted[Math.max(i, j)]!)}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('\\d', '\\w', '\\s', '\\D') },
  );
  return fc
    .tuple(fc.boolean(), fc.array(item, { maxLength: 3 }))
    .map(([negated, items]) => `[${negated ? '^' : ''}${items.join('')}]`);
}

/** Atoms without sub-patterns. */
function leafArb(alphabet: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...alphabet).map(literal) },
    { weight: 2, arbitrary: classArb(alphabet) },
    { weight: 1, arbitrary: fc.constant('.') },
    { weight: 1, arbitrary: fc.constant('()') },
  );
}

/** `* + ? {m} {m,} {m,n}` with bounds ≤ 3, sometimes lazy, often absent. */
const quantifierArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.constantFrom('*', '+', '?') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('m', 'm,', 'm,n'))
      .map(([a, b, form]) => {
        const [m, n] = [Math.min(a, b), Math.max(a, b)];
        return form === 'm' ? `{${m}}` : form === 'm,' ? `{${m},}` : `{${m},${n}}`;
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom('*?', '+?', '??', '{1,2}?') },
);

/** The shared grammar; `extended` adds `&` between concatenations and `~` before items. */
function patternArb(alphabet: readonly string[], depth: number, extended: boolean): fc.Arbitrary<string> {
  const depthIdentifier = fc.createDepthIdentifier();
  const { alt } = fc.letrec<{ alt: string; conj: string; seq: string; item: string; atom: string }>((tie) => ({
    alt: fc.array(tie('conj'), { minLength: 1, maxLength: 3, depthIdentifier }).map((xs) => xs.join('|')),
    conj: extended
      ? fc.array(tie('seq'), { minLength: 1, maxLength: 2, depthIdentifier }).map((xs) => xs.join('&'))
      : tie('seq'),
    seq: fc.array(tie('item'), { maxLength: 3, depthIdentifier }).map((xs) => xs.join('')),
    item: fc
      .tuple(extended ? fc.constantFrom('', '', '', '~') : fc.constant(''), tie('atom'), quantifierArb)
      .map(([tilde, atom, q]) => tilde + atom + q),
    atom: fc.oneof(
      { maxDepth: depth, depthIdentifier, depthSize: 'small' },
      leafArb(alphabet),
      fc.tuple(fc.constantFrom('(', '(?:', '(?<g>'), tie('alt')).map(([open, body]) => `${open}${body})`),
    ),
  }));
  return alt.map(numberGroupNames);
}

/** JavaScript rejects a group name used twice, so each `(?<g>` gets its own number. */
function numberGroupNames(pattern: string): string {
  let n = 0;
  return pattern.replace(/\(\?<g>/g, () => `(?<g${++n}>`);
}

/**
 * Random pattern text in the syntax shared with JavaScript (`u` + `s`):
 * literals of `alphabet`, classes such as `[ab]`, `[^a]`, `[a-c]`, `\d`, `.`,
 * `()`, groups `(…)`, `(?:…)`, alternation with empty alternatives, and
 * `* + ? {m} {m,} {m,n}` (bounds ≤ 3, sometimes lazy). `depth` bounds group
 * nesting (default 3).
 */
export function sharedPatternArb(alphabet: readonly string[], depth = 3): fc.Arbitrary<string> {
  return patternArb(alphabet, depth, false);
}

/** Like `sharedPatternArb`, plus wordflow's intersection `&` and complement `~`. */
export function extendedPatternArb(alphabet: readonly string[], depth = 3): fc.Arbitrary<string> {
  return patternArb(alphabet, depth, true);
}

/** Strings of at most `maxLength` letters drawn from `alphabet`. */
export function stringOverArb(alphabet: readonly string[], maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { maxLength }).map((xs) => xs.join(''));
}
