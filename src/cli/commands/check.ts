/**
 * `wordflow check PATTERN [STRING…]`: membership. Strings come as arguments
 * or, with none, one per line (or NUL-separated with --null) on stdin.
 * `--jsonl` reads `{"pattern"|"fa", "input"}` lines and answers each in order.
 */
import type { Command } from 'commander';
import { accepts } from '../../automata/dfa.js';
import type { Dfa } from '../../automata/dfa.js';
import { asWordflowError, errorLine, WordflowError } from '../../errors.js';
import { action, EXIT, limitsOf, loadLanguage, splitPatternArgs, withFa, withLimits, writeLine } from '../common.js';
import { records } from '../input.js';
import type { Limits } from '../../limits.js';

interface CheckOptions {
  fa?: string;
  json?: boolean;
  jsonl?: boolean;
  null?: boolean;
  [key: string]: unknown;
}

/** Decides membership for one string; front ends never see the engine. */
export type Decider = (s: string) => boolean;

export function register(program: Command): void {
  const cmd = program
    .command('check')
    .description('membership: prints accept<TAB>string or reject<TAB>string per string')
    .argument('[pattern]', 'the regular expression (omit with --fa or --jsonl)')
    .argument('[strings...]', 'strings to check; none = one per line on stdin')
    .option('--json', 'one JSON value per string: {"input": s, "accept": bool}')
    .option('--jsonl', 'read {"pattern": p, "input": s} (or {"fa": path, …}) lines on stdin; write {"accept": bool} or {"error": msg} per line')
    .option('--null', 'stdin strings are NUL-separated instead of one per line');
  withFa(cmd);
  withLimits(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow check '(a|b)*abb' abb ab          # accept abb, reject ab; exit 1
  $ printf 'x1\\n9x\\n' | wordflow check '[a-z]\\w*'
  $ wordflow check --fa grammars/examples/parity.fa aa ab
  $ echo '{"pattern":"a+","input":"aaa"}' | wordflow check --jsonl`,
  );
  cmd.action(
    action(async (pattern: string | undefined, rest: string[], opts: CheckOptions) => {
      const limits = limitsOf(opts);
      if (opts.jsonl) return checkJsonl(pattern === undefined ? rest : [pattern, ...rest], limits);
      const args = splitPatternArgs(pattern, rest, opts.fa);
      const dfa = loadLanguage({ pattern: args.pattern, fa: opts.fa }, { limits });
      const decide: Decider = (s) => accepts(dfa, s);
      const inputs: AsyncIterable<string> | Iterable<string> =
        args.strings.length > 0 ? args.strings : records(process.stdin, opts.null ? '\0' : '\n');
      let all = true;
      for await (const s of inputs) {
        const ok = decide(s);
        all &&= ok;
        await writeLine(opts.json ? JSON.stringify({ input: s, accept: ok }) : `${ok ? 'accept' : 'reject'}\t${s}`);
      }
      return all ? EXIT.yes : EXIT.no;
    }),
  );
}

/** Compiled languages by source, so long streams over few patterns are fast. */
class LanguageCache {
  private readonly map = new Map<string, Dfa | WordflowError>();
  constructor(private readonly limits: Partial<Limits>, private readonly capacity = 1024) {}

  get(source: { pattern?: string; fa?: string }): Dfa {
    const key = source.fa !== undefined ? 'f' + source.fa : 'p' + source.pattern;
    let hit = this.map.get(key);
    if (hit === undefined) {
      try {
        hit = loadLanguage(source, { limits: this.limits });
      } catch (e) {
        hit = asWordflowError(e);
      }
      if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value!);
      this.map.set(key, hit);
    }
    if (hit instanceof WordflowError) throw hit;
    return hit;
  }
}

async function checkJsonl(extra: string[], limits: Partial<Limits>): Promise<number> {
  if (extra.length > 0) throw new WordflowError('usage', '--jsonl reads patterns and inputs from stdin; give no PATTERN or STRING arguments');
  const cache = new LanguageCache(limits);
  let code: number = EXIT.yes;
  for await (const line of records(process.stdin, '\n')) {
    if (line.trim() === '') continue;
    let out: object;
    try {
      const { source, input } = parseJsonlLine(line);
      const ok = accepts(cache.get(source), input);
      if (!ok && code === EXIT.yes) code = EXIT.no;
      out = { accept: ok };
    } catch (e) {
      code = EXIT.error;
      out = { error: errorLine(asWordflowError(e)) };
    }
    await writeLine(JSON.stringify(out));
  }
  return code;
}

function parseJsonlLine(line: string): { source: { pattern?: string; fa?: string }; input: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new WordflowError('usage', 'not a JSON line');
  }
  if (typeof value !== 'object' || value === null) throw new WordflowError('usage', 'expected a JSON object');
  const v = value as Record<string, unknown>;
  if (typeof v.input !== 'string') throw new WordflowError('usage', 'missing string field "input"');
  if (typeof v.pattern === 'string') return { source: { pattern: v.pattern }, input: v.input };
  if (typeof v.fa === 'string') return { source: { fa: v.fa }, input: v.input };
  throw new WordflowError('usage', 'missing string field "pattern" or "fa"');
}
