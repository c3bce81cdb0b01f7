/** The playground's pure parts: the line editor, key parsing and the reducer of key events. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { edit, editorOf, editorText, editorView } from '../../src/tui/editor.js';
import { parseKeys } from '../../src/tui/keys.js';
import { initialState, reduce, type ReduceContext, type UiState } from '../../src/tui/state.js';
import { glyph, showString, textWidth } from '../../src/tui/text.js';
import { layout } from '../../src/tui/view/layout.js';
import { fitLine, lineWidth, wrap } from '../../src/tui/view/seg.js';

const ctx: ReduceContext = {
  gallery: [
    {
      name: 'even-a',
      kind: 're',
      description: 'an even number of a',
      source: '(b*ab*a)*b*',
      path: 'grammars/examples/even-a.re',
    },
    { name: 'door', kind: 'fa', description: 'a door', source: 'start s\n', path: 'grammars/examples/door.fa' },
  ],
  members: ['', 'ab', 'abab'],
  maxScroll: () => 5,
  pageLines: 4,
};

function press(s: UiState, ...raw: string[]): UiState {
  return raw.reduce((acc, r) => parseKeys(r).reduce((a, ev) => reduce(a, ev, ctx), acc), s);
}

describe('line editor', () => {
  it('edits by code points, so an astral letter is one step', () => {
    let e = editorOf('a😀b');
    expect(e.chars).toEqual(['a', '😀', 'b']);
    e = edit(e, { kind: 'left' });
    e = edit(e, { kind: 'backspace' });
    expect(editorText(e)).toBe('ab');
    expect(e.cursor).toBe(1);
    e = edit(e, { kind: 'insert', text: 'é' });
    expect(editorText(e)).toBe('aéb');
  });

  it('deletes words and kills to either end', () => {
    const e = editorOf('abc (de|fg)*', 8);
    expect(editorText(edit(e, { kind: 'deleteWordBack' }))).toBe('abc (fg)*');
    expect(editorText(edit(e, { kind: 'killStart' }))).toBe('fg)*');
    expect(editorText(edit(e, { kind: 'killEnd' }))).toBe('abc (de|');
    expect(edit(editorOf('ab', 0), { kind: 'backspace' }).chars).toEqual(['a', 'b']);
  });

  it('keeps the cursor on screen in a narrow view and marks cut text with …', () => {
    const e = editorOf('x'.repeat(100), 50);
    const v = editorView(e, 20);
    const widthOf = v.parts.reduce((w, p) => w + textWidth(p.text), 0);
    expect(widthOf).toBeLessThanOrEqual(20);
    expect(v.parts[0]!.text).toBe('…');
    expect(v.parts[v.parts.length - 1]!.text).toBe('…');
    expect(v.start <= 50 && 50 < v.end).toBe(true);
    expect(v.parts.filter((p) => p.kind === 'cursor')).toHaveLength(1);
  });

  it('shows combining marks and invisible code points as glyphs of their own', () => {
    expect(glyph(0x301).text).toBe('◌\u0301');
    expect(glyph(0x200d).special).toBe(true);
    expect(glyph('😀'.codePointAt(0)!).width).toBe(2);
    expect(showString('')).toBe('ε');
    expect(showString('a\nb\u0000')).toBe('a\\nb\\u{0}');
  });

  it('any view fits its width and contains the cursor', () => {
    const letter = fc.oneof(
      fc.constantFrom('a', 'b', '😀', '\u0301', '中', ' '),
      fc.string({ unit: 'grapheme', maxLength: 1, minLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.array(letter, { maxLength: 80 }),
        fc.nat(),
        fc.integer({ min: 4, max: 60 }),
        (letters, c, width) => {
          const text = letters.join('');
          const e = editorOf(text, c % ([...text].length + 1));
          const v = editorView(e, width);
          expect(v.parts.reduce((w, p) => w + textWidth(p.text), 0)).toBeLessThanOrEqual(width);
          expect(v.start <= e.cursor && e.cursor <= v.end).toBe(true);
          expect(v.parts.filter((p) => p.kind === 'cursor')).toHaveLength(1);
          expect(v.columns).toHaveLength(v.end - v.start + 1);
        },
      ),
    );
  });
});

describe('key parsing', () => {
  it('tells Backspace (DEL) from the Delete key', () => {
    expect(parseKeys('\x7f')).toEqual([{ kind: 'key', name: 'backspace' }]);
    expect(parseKeys('\x1b[3~')).toEqual([{ kind: 'key', name: 'delete' }]);
  });

  it('splits a run of typed text at control characters', () => {
    expect(parseKeys('ab\x7fc\rd')).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'key', name: 'backspace' },
      { kind: 'text', text: 'c' },
      { kind: 'key', name: 'enter' },
      { kind: 'text', text: 'd' },
    ]);
  });

  it('reads arrows, Shift-Tab, word moves and escape', () => {
    expect(parseKeys('\x1b[D')).toEqual([{ kind: 'key', name: 'left' }]);
    expect(parseKeys('\x1bOC')).toEqual([{ kind: 'key', name: 'right' }]);
    expect(parseKeys('\x1b[Z')).toEqual([{ kind: 'key', name: 'backtab' }]);
    expect(parseKeys('\x1b[1;5C')).toEqual([{ kind: 'key', name: 'wordRight' }]);
    expect(parseKeys('\x1b')).toEqual([{ kind: 'key', name: 'escape' }]);
    expect(parseKeys('\x1b[99;99X')).toEqual([]);
    // Esc and a key in one read (fast typing, tmux send-keys) are both keys.
    expect(parseKeys('\x1bq')).toEqual([
      { kind: 'key', name: 'escape' },
      { kind: 'text', text: 'q' },
    ]);
  });

  it('keeps astral and combining text intact and drops lone surrogates', () => {
    expect(parseKeys('😀e\u0301')).toEqual([{ kind: 'text', text: '😀e\u0301' }]);
    expect(parseKeys('a\ud800b')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'text', text: 'b' },
    ]);
  });
});

describe('key bindings (reducer)', () => {
  const start = initialState({ pattern: '(a|b)*abb', text: 'babb' });

  it('types into the pattern, then Tab moves to the string', () => {
    let s = press(start, '\x15', '(ab)*');
    expect(editorText(s.pattern)).toBe('(ab)*');
    s = press(s, '\t', '\x15', 'abab');
    expect(s.focus).toBe('string');
    expect(editorText(s.text)).toBe('abab');
  });

  it('cycles focus with Tab and Shift-Tab; the second pattern brings up the equivalence pane', () => {
    let s = press(start, '\t', '\t');
    expect(s.focus).toBe('other');
    expect(s.pane).toBe('equiv');
    s = press(s, '\t');
    expect(s.focus).toBe('panes');
    s = press(s, '\x1b[Z', '\x1b[Z');
    expect(s.focus).toBe('string');
  });

  it('q quits only from the panes; in an editor it is a letter', () => {
    expect(press(start, 'q').quit).toBe(false);
    expect(editorText(press(start, 'q').pattern)).toBe('(a|b)*abbq');
    expect(press(start, '\x1b', 'q').quit).toBe(true);
    expect(press(start, '\x1b', 'quick').quit).toBe(false);
    expect(press(start, '\x03').quit).toBe(true);
  });

  it('in the panes, letters are commands: embeddings, panes, help', () => {
    let s = press(start, '\x1b');
    expect(s.embedding).toBe('flow2d');
    s = press(s, 'e');
    expect(s.embedding).toBe('transform');
    s = press(s, 'E', 'E');
    expect(s.embedding).toBe('sigmoid');
    s = press(s, '5');
    expect(s.pane).toBe('enum');
    s = press(s, '?');
    expect(s.help).toBe(true);
    s = press(s, 'q');
    expect(s.help).toBe(false);
    expect(s.quit).toBe(false);
  });

  it('arrow keys step through the string from the panes and the string editor', () => {
    let s = press(start, '\x1b', '\x1b[H');
    expect(s.text.cursor).toBe(0);
    s = press(s, '\x1b[C', '\x1b[C');
    expect(s.text.cursor).toBe(2);
    s = press(s, 'h');
    expect(s.text.cursor).toBe(1);
    s = press(s, 's', '\x1b[D');
    expect(s.focus).toBe('string');
    expect(s.text.cursor).toBe(0);
  });

  it('Enter in the gallery loads the selected example; a .fa entry stands in for the pattern', () => {
    let s = press(start, '\x1b', 'g', '\r');
    expect(editorText(s.pattern)).toBe('(b*ab*a)*b*');
    expect(s.notice).toContain('even-a');
    s = press(s, '\x1b[B', '\r');
    expect(s.fa?.name).toBe('door');
    // Typing in the pattern editor replaces the automaton with a new pattern.
    s = press(s, 'p', 'x');
    expect(s.fa).toBeNull();
    expect(editorText(s.pattern)).toBe('x');
  });

  it('Enter in the members pane tests the selected member', () => {
    const s = press(start, '\x1b', '5', '\x1b[B', '\x1b[B', '\r');
    expect(editorText(s.text)).toBe('abab');
  });

  it('scrolling stays within the bounds the panes report', () => {
    const s = press(start, '\x1b', '1', '\x1b[6~', '\x1b[6~', '\x1b[6~');
    expect(s.scroll.dfa).toBe(5);
    expect(press(s, '\x1b[5~', '\x1b[5~', '\x1b[5~').scroll.dfa).toBe(0);
  });

  it('a fast "p" followed by text in one read types the text into the pattern', () => {
    const s = press(start, '\x1b', 'p\x15(ab)*');
    expect(s.focus).toBe('pattern');
    expect(editorText(s.pattern)).toBe('(ab)*');
  });
});

describe('layout and lines', () => {
  it('shows one pane at 80×24 and all six at 160×48', () => {
    expect(layout(80, 23, 'dfa').visible).toEqual(['dfa']);
    expect(layout(160, 47, 'gallery').visible).toHaveLength(6);
    const mid = layout(120, 30, 'equiv');
    expect(mid.visible).toContain('equiv');
    for (const lay of [layout(80, 23, 'dfa'), layout(160, 47, 'dfa'), layout(123, 41, 'enum')]) {
      for (const row of lay.rows) expect(row.reduce((w, s) => w + s.width, 0) + row.length - 1).toBe(lay.width);
    }
  });

  it('fits lines to a width exactly, cutting with …', () => {
    const l = fitLine([{ text: 'abcdef' }, { text: 'ghij' }], 8);
    expect(lineWidth(l)).toBe(8);
    expect(l.map((s) => s.text).join('')).toBe('abcdefg…');
    expect(lineWidth(fitLine([{ text: '中文中文' }], 5))).toBe(5);
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('regressions', () => {
  it('test_bug_wide_cursor: a wide glyph under the cursor with text after it still fits a width of 4', () => {
    const v = editorView(editorOf(' a😀a a', 2), 4);
    expect(v.parts.reduce((w, p) => w + textWidth(p.text), 0)).toBeLessThanOrEqual(4);
    expect(v.parts.filter((p) => p.kind === 'cursor')).toHaveLength(1);
  });
});
