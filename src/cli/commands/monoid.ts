/**
 * `wordflow monoid PATTERN`: the transition monoid of the minimal DFA (its
 * syntactic monoid) — size, elements by shortest word, idempotents, the
 * identity and the zero, and whether it is aperiodic (then the language is
 * star-free, with its k) or which group and period stop it from being so.
 */
import type { Command } from 'commander';
import {
  formatWord,
  mapOf,
  type Monoid,
  type MonoidStructure,
  monoidStructure,
  transitionMonoid,
  wordOf,
} from '../../automata/monoid.js';
import {
  action,
  EXIT,
  intOption,
  limitsOf,
  loadLanguage,
  syntaxOf,
  withFa,
  withLimits,
  withSyntax,
  writeLine,
} from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface MonoidOptions {
  fa?: string;
  json?: boolean;
  limit: string;
  [key: string]: unknown;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** n as superscript digits (a², x¹⁰). */
function sup(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT[Number(d)]!).join('');
}

/** A word raised to a power, bracketed when it has more than one letter: a², (ab)³. */
function powerOf(word: string, e: number, single: boolean): string {
  if (e === 0) return 'ε';
  const base = single ? word : `(${word})`;
  return e === 1 ? word : `${base}${sup(e)}`;
}

/** The verdict lines: aperiodic with its k, or the witness's period and the group it lives in. */
export function verdictLines(m: Monoid, s: MonoidStructure): string[] {
  const word = (i: number): string => formatWord(m, wordOf(m, i));
  if (s.witness === null) {
    const k = s.aperiodicity!;
    return [
      `aperiodic, k = ${k}: x${sup(k)} = x${sup(k + 1)} for every element x (and ${k} is the least such k); ` +
        'the language is star-free (Schützenberger)',
    ];
  }
  const w = s.witness;
  const x = word(w.element);
  const single = wordOf(m, w.element).length === 1;
  const lines: string[] = [];
  lines.push(
    `not aperiodic: ${powerOf(x, w.index + w.period, single)} = ${powerOf(x, w.index, single)} ≠ ${powerOf(x, w.index + 1, single)}` +
      ` — the powers of ${x} repeat with period ${w.period}`,
  );
  const describe = (g: NonNullable<MonoidStructure['group']>): string => {
    const members = g.elements.length <= 12 ? `{${g.elements.map(word).join(', ')}}` : `${g.elements.length} elements`;
    return `${members} ≅ ${g.name.name}${g.name.gloss === '' ? '' : ` (${g.name.gloss})`}, with identity ${word(g.idempotent)}`;
  };
  if (s.group !== null) lines.push(`  the group they live in: ${describe(s.group)}`);
  if (s.largestGroup !== null) lines.push(`  the largest group inside the monoid: ${describe(s.largestGroup)}`);
  if (!s.groupsComputed) lines.push('  (the monoid is too large to name its groups)');
  lines.push('  a monoid with a non-trivial group is not aperiodic, so the language is not star-free (Schützenberger)');
  return lines;
}

/** Adds the `monoid` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('monoid')
    .description(descriptionOf('monoid'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option(
      '--json',
      'one JSON value: size, aperiodic, elements (word, classes, map, idempotent), table when ≤ 64 elements',
    )
    .option('--limit <n>', 'text: how many elements to list', '50');
  withFa(cmd);
  withLimits(cmd, { also: ['maxMonoid'] });
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow monoid '(ab)*'          # 6 elements, aperiodic with k = 2: star-free
  $ wordflow monoid '(aa)*'          # a² = ε ≠ a: the group {ε, a} ≅ ℤ2, period 2
  $ wordflow monoid --fa grammars/examples/mult3.fa   # the group S3
  $ wordflow monoid '(a|b)*a(a|b){8}' --max-monoid 1000000`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: MonoidOptions) => {
      const limits = limitsOf(opts);
      const limit = intOption(opts.limit, '--limit');
      const dfa = loadLanguage({ pattern, fa: opts.fa }, { limits, syntax: syntaxOf(opts) });
      const m = transitionMonoid(dfa, limits);
      const s = monoidStructure(m);
      const idempotent = new Set(m.idempotents);
      const element = (i: number) => {
        const word = wordOf(m, i);
        return {
          word: formatWord(m, word),
          classes: word,
          map: mapOf(m, i),
          idempotent: idempotent.has(i),
          identity: i === 0,
          zero: i === s.zero,
        };
      };
      const groupJson = (g: MonoidStructure['group']) =>
        g === null
          ? null
          : {
              name: g.name.name,
              gloss: g.name.gloss,
              order: g.name.order,
              abelian: g.name.abelian,
              identity: formatWord(m, wordOf(m, g.idempotent)),
              elements: g.elements.map((i) => formatWord(m, wordOf(m, i))),
            };
      if (opts.json) {
        const table =
          m.table === null
            ? null
            : Array.from({ length: m.size }, (_, a) => Array.from(m.table!.subarray(a * m.size, (a + 1) * m.size)));
        await writeLine(
          JSON.stringify({
            size: m.size,
            states: m.dfa.states,
            aperiodic: m.aperiodic,
            starFree: m.aperiodic,
            idempotents: m.idempotents.length,
            periodicWitness: m.periodicWitness === null ? null : formatWord(m, wordOf(m, m.periodicWitness)),
            aperiodicity: s.aperiodicity,
            witness:
              s.witness === null
                ? null
                : {
                    word: formatWord(m, wordOf(m, s.witness.element)),
                    index: s.witness.index,
                    period: s.witness.period,
                  },
            group: groupJson(s.group),
            largestGroup: groupJson(s.largestGroup),
            identity: 'ε',
            zero: s.zero === null ? null : formatWord(m, wordOf(m, s.zero)),
            elements: Array.from({ length: m.size }, (_, i) => element(i)),
            table,
          }),
        );
        return EXIT.yes;
      }
      await writeLine(
        `transition monoid of a ${m.dfa.states}-state DFA: ${m.size} element${m.size === 1 ? '' : 's'}, ${m.idempotents.length} idempotent`,
      );
      for (const line of verdictLines(m, s)) await writeLine(line);
      const shown = Math.min(m.size, limit);
      for (let i = 0; i < shown; i++) {
        const e = element(i);
        const marks = [e.identity ? 'identity' : '', e.zero ? 'zero' : '', e.idempotent ? 'idempotent' : ''].filter(
          (t) => t !== '',
        );
        await writeLine(
          `  ${e.word.padEnd(12)} ${e.map.map((t, q) => `${q}→${t}`).join(' ')}${marks.length > 0 ? `  (${marks.join(', ')})` : ''}`,
        );
      }
      if (shown < m.size) await writeLine(`  … ${m.size - shown} more (--limit ${m.size} to list all)`);
      return EXIT.yes;
    }),
  );
}
