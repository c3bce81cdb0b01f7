/**
 * chevrotain's own checks of the lexers and parsers (token definitions,
 * ambiguities, left recursion). At run time they are skipped to save start-up
 * time; here each grammar is built once with them, so a faulty definition
 * fails this test instead of going unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { buildFaLexer, WordLabel } from '../../src/syntax/fa/tokens.js';
import { FaLineParser } from '../../src/syntax/fa/parser.js';
import { buildRegexLexer } from '../../src/syntax/regex/lexer.js';
import { RegexParser } from '../../src/syntax/regex/parse.js';

describe('grammar self-checks', () => {
  it('the expression lexer passes its definition checks', () => {
    for (const syntax of ['wordflow', 'ecma'] as const)
      expect(buildRegexLexer(syntax, true).lexerDefinitionErrors).toEqual([]);
  });

  it('the expression lexer cannot dispatch on first characters, so its run-time safe mode lexes the same way', () => {
    // If this fails, a change made first-character dispatch possible: drop `safeMode` in buildRegexLexer to use it.
    for (const syntax of ['wordflow', 'ecma'] as const) {
      const analysed = buildRegexLexer(syntax, true) as unknown as { canModeBeOptimized: Record<string, boolean> };
      expect(analysed.canModeBeOptimized, syntax).toEqual({ outside: false, inClass: false });
    }
  });

  it('the automaton-file lexer passes its definition checks and is optimized', () => {
    // ensureOptimizations makes the constructor throw if a mode cannot use first-character dispatch.
    const lexer = buildFaLexer(true);
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it('both parsers pass their grammar checks', () => {
    // performSelfAnalysis throws on definition errors when validating.
    expect(() => new RegexParser(true)).not.toThrow();
    expect(() => new FaLineParser(true)).not.toThrow();
  });

  it('the validated and the run-time lexers read the same tokens', () => {
    const text = '(a|[^b-d\\]]){2,3}\\p{L}*&~(x.y)$';
    const image = (lexer: ReturnType<typeof buildRegexLexer>) =>
      lexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
    for (const syntax of ['wordflow', 'ecma'] as const) {
      expect(image(buildRegexLexer(syntax, false))).toEqual(image(buildRegexLexer(syntax, true)));
    }
  });

  it("a word label's start hint is every unit its pattern can start with", () => {
    buildFaLexer();
    const expected: number[] = [];
    for (let u = 0; u < 0x10000; u++) if (!/[\s\\[\],#-]/.test(String.fromCharCode(u))) expected.push(u);
    expect(WordLabel.START_CHARS_HINT).toEqual(expected);
  });
});
