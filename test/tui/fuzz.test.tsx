/**
 * Keystroke fuzz: random sequences of printable keys, control keys, pastes
 * and non-ASCII text never crash the playground, and once it settles the
 * screen always shows a verdict or an error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanup } from 'ink-testing-library';
import { KEY, play } from './harness.js';

afterEach(() => cleanup());

const printable = fc.constantFrom(
  'a',
  'b',
  'c',
  '(',
  ')',
  '*',
  '+',
  '?',
  '|',
  '[',
  ']',
  '-',
  '^',
  '{',
  '}',
  ',',
  '1',
  '2',
  '3',
  '5',
  '.',
  '\\',
  '~',
  '&',
  ' ',
  'e',
  'E',
  'p',
  's',
  '=',
  'g',
  'h',
  'l',
  'j',
  'k',
  '[',
  ']',
  '?',
  'v',
);
const control = fc.constantFrom(
  KEY.up,
  KEY.down,
  KEY.left,
  KEY.right,
  KEY.home,
  KEY.end,
  KEY.tab,
  KEY.backtab,
  KEY.backspace,
  KEY.delete,
  KEY.enter,
  KEY.escape,
  KEY.ctrlU,
  KEY.pageDown,
  '\x1b[5~',
  '\x0b',
  '\x17',
  '\x01',
  '\x05',
  '\x1bb',
  '\x1bf',
  KEY.f1,
  '\x1b[1;5C',
  '\x1b[99~',
  '\x1b[200~',
);
const unusual = fc.constantFrom(
  'é',
  'e\u0301',
  '😀',
  '👩‍👩‍👧',
  '中文',
  '\u200d',
  '🇫🇷',
  '\ufeff',
  'ﷺ',
  '𝔘',
  '\u0301\u0301',
  'Ⅻ',
  '\u{10ffff}',
);
const paste = fc.oneof(
  fc.string({ unit: 'binary', minLength: 2, maxLength: 24 }),
  fc.array(fc.oneof(printable, unusual), { minLength: 2, maxLength: 12 }).map((xs) => xs.join('')),
  fc.constantFrom(
    '(a|b)*abb',
    'a{1000}{1000}',
    '(((((((((((',
    '[\\u{1F600}-\\u{1F64F}]+',
    'x'.repeat(300),
    'a\r\tb\nc',
  ),
);
const keystroke = fc.oneof(
  { weight: 4, arbitrary: printable },
  { weight: 3, arbitrary: control },
  { weight: 1, arbitrary: paste },
  { weight: 1, arbitrary: unusual },
);

const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

describe('keystroke fuzz', () => {
  it('never throws and always leaves a verdict or an error on screen', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('(ab)*', '(a|b)*abb', '(', '[a-c]+x?', ''),
        fc.constantFrom('abab', '', '😀e\u0301'),
        fc.array(keystroke, { minLength: 1, maxLength: 30 }),
        async (pattern, string, keys) => {
          const errors: unknown[] = [];
          const onError = (e: unknown): void => void errors.push(e);
          process.on('uncaughtException', onError);
          try {
            const d = await play({ initialPattern: pattern, initialString: string });
            await d.press(...keys);
            await d.until((f) => {
              expect(f.split('\n')[0]).not.toMatch(SPINNER);
              // A verdict for the last good language, or an error for the pattern (or for both).
              expect(f).toMatch(/✓ accepted|✗ rejected|✗ .+/);
            }, 20_000);
            const f = d.frame();
            expect(f).not.toMatch(/ERROR|at .*\.tsx?:\d+/);
            expect(f.split('\n').length).toBeLessThanOrEqual(23);
            d.unmount();
          } finally {
            process.off('uncaughtException', onError);
          }
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: Number(process.env['WORDFLOW_FUZZ_RUNS'] ?? 40) },
    );
  }, 300_000);
});
