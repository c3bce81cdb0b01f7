/**
 * The playground at the sizes a class meets (60×20 laptops, 40×12 splits,
 * wide screens) and the syntax toggle, as a person sees them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, play, playInTerminal, type Driver } from './harness.js';
import { PANES } from '../../src/tui/state.js';

const open: Driver[] = [];
async function start(...args: Parameters<typeof play>): Promise<Driver> {
  const d = await play(...args);
  open.push(d);
  return d;
}
async function terminal(...args: Parameters<typeof playInTerminal>): Promise<Driver> {
  const d = await playInTerminal(...args);
  open.push(d);
  return d;
}
afterEach(() => {
  for (const d of open.splice(0)) d.unmount();
  cleanup();
});

const lines = (f: string): string[] => f.split('\n');

describe('small terminals', () => {
  it('below 40×12 says the terminal is too small, with the sizes, instead of a clipped frame', async () => {
    const d = await terminal(36, 10, { initialPattern: '(ab)*' });
    await d.until((f) => {
      expect(f.replace(/\n/g, ' ')).toMatch(/terminal too small \(needs 40×12, this one is 36×10\)/);
      expect(f).not.toContain('pattern');
      for (const line of lines(f)) expect([...line].length).toBeLessThanOrEqual(36);
    });
    d.resize!(40, 12);
    await d.until((f) => {
      expect(f).not.toContain('too small');
      expect(f).toContain('pattern');
      expect(lines(f).length).toBeLessThanOrEqual(11);
    });
    d.resize!(80, 11);
    await d.until((f) => expect(f).toContain('terminal too small (needs 40×12, this one is 80×11)'));
  });

  it('at 60 columns the tab bar keeps every pane and the embedding, and the syntax when it is ecma', async () => {
    const d = await terminal(60, 20, { initialPattern: '(ab)*', initialEmbedding: 'sigmoid' });
    await d.until((f) => {
      const bar = lines(f)[0]!;
      for (let i = 1; i <= PANES.length; i++) expect(bar).toContain(`${i}`);
      expect(bar).toContain('[1 DFA]');
      expect(bar).toContain('sigmoid');
      expect([...bar].length).toBeLessThanOrEqual(60);
    });
    await d.press(KEY.escape, 'x');
    await d.until((f) => {
      const bar = lines(f)[0]!;
      expect(bar).toContain('ecma · sigmoid');
      for (let i = 1; i <= PANES.length; i++) expect(bar).toContain(`${i}`);
    });
  });

  it('at 60×20 the help wraps and scrolls to its last line, and scrolls back', async () => {
    const d = await terminal(60, 20, { initialPattern: '(ab)*' });
    await d.press(KEY.escape, '?');
    await d.until((f) => {
      expect(f).toContain('wordflow playground — keys');
      expect(f).toMatch(/↓ \d+ more lines/);
    });
    // The last line of the help (the end of the "about" paragraph) is reachable.
    for (let i = 0; i < 6; i++) await d.press(KEY.pageDown);
    await d.until((f) => {
      expect(f).toContain('target region.');
      expect(f).not.toMatch(/↓ \d+ more/);
      for (const line of lines(f)) expect([...line].length).toBeLessThanOrEqual(60);
    });
    await d.press(KEY.home);
    await d.until((f) => expect(f).toContain('wordflow playground — keys'));
    await d.press(KEY.escape);
    await d.until((f) => expect(f).not.toContain('wordflow playground — keys'));
  });
});

describe('long errors', () => {
  it('are wrapped under the pattern, not cut with …, even at 160 columns', async () => {
    // The group-name message and its hint are longer than 150 columns.
    const pattern = '(?<' + 'n'.repeat(140) + '-x>a)';
    const d = await terminal(160, 48, { initialPattern: pattern });
    await d.until((f) => {
      const text = lines(f)
        .slice(1, 8)
        .map((l) => l.trim())
        .join(' ');
      expect(text).toContain('names are identifiers, as in (?<year>…)');
    });
  });

  it('a limit error keeps the flag that raises it at 60 columns', async () => {
    const d = await terminal(60, 20, { initialPattern: '(a{1000}){300}' });
    await d.until((f) => {
      const text = lines(f)
        .slice(1, 10)
        .map((l) => l.trim())
        .join(' ');
      expect(text).toContain('--max-nfa-states');
      expect(text).toContain('start wordflow play with that flag to raise it)');
    });
  });

  it('the lazy-DFA note keeps the flag of the state limit in view at 60 columns', async () => {
    const d = await terminal(60, 20, { initialPattern: '(a|b)*a(a|b){20}' });
    await d.until((f) => {
      const text = lines(f)
        .slice(1, 4)
        .map((l) => l.trim())
        .join(' ');
      expect(text).toContain('lazy DFA, membership only');
      expect(text).toContain('--max-states');
    });
  });
});

describe('syntax toggle', () => {
  it('x reads the pattern as ECMAScript: & is a character, and back', async () => {
    const d = await start({ initialPattern: '[<>]&', initialString: '<&' });
    // In the wordflow syntax `&` with nothing after it is an intersection with ε.
    await d.until((f) => expect(f).toContain('✗ rejected'));
    await d.press(KEY.escape, 'x');
    await d.until((f) => {
      expect(f).toContain('syntax: ecma');
      expect(f).toContain('✓ accepted');
    });
    await d.press('x');
    await d.until((f) => expect(f).toContain('✗ rejected'));
  });

  it('Ctrl-T switches the syntax while typing, and the help names both', async () => {
    const d = await start({ initialPattern: 'x&y', initialString: 'x&y', initialSyntax: 'wordflow' });
    await d.until((f) => expect(f).toContain('✗ rejected'));
    await d.press('\x14');
    await d.until((f) => expect(f).toContain('✓ accepted'));
    expect(d.frame()).toMatch(/pattern ▸/);
    await d.press(KEY.f1);
    await d.until((f) => expect(f).toMatch(/syntax of the patterns: wordflow/));
  });
});
