/**
 * The README's command-line tour is executed: every `$ wordflow …` line in a
 * `console` block runs against the built CLI and must print what the README
 * shows underneath it (standard output only; a block line with no output
 * below it asserts nothing is printed there).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordflow } from './support/cli.js';

/** Splits a shell command line with single and double quotes (no expansions). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of line) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (ch === ' ') {
      if (has || current !== '') words.push(current);
      current = '';
      has = false;
    } else current += ch;
  }
  if (has || current !== '') words.push(current);
  return words;
}

interface Example {
  readonly command: string;
  readonly output: string;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: { command: string; lines: string[] } | null = null;
    for (const line of block[1]!.split('\n')) {
      if (line.startsWith('$ ')) {
        if (current) out.push({ command: current.command, output: current.lines.join('\n') });
        current = { command: line.slice(2), lines: [] };
      } else if (current && line !== '') current.lines.push(line);
    }
    if (current) out.push({ command: current.command, output: current.lines.join('\n') });
  }
  return out;
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  const cases = examples(readme);
  it('has command examples', () => expect(cases.length).toBeGreaterThan(10));

  it.each(cases)('$command', ({ command, output }) => {
    const [program, ...args] = shellWords(command);
    expect(program).toBe('wordflow');
    const r = wordflow(args);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    expect(r.stdout.trimEnd()).toBe(output);
  });
});

describe('README library example', () => {
  it('is examples/library.ts verbatim (which test/api runs)', () => {
    const file = readFileSync(new URL('../examples/library.ts', import.meta.url), 'utf8');
    expect(readme).toContain('```ts\n' + file.trimEnd() + '\n```');
  });
});
