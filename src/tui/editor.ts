/**
 * A one-line text editor as a value: the text as an array of code points (so
 * the cursor moves letter by letter, as wordflow reads strings) and a cursor
 * between them. Edits return a new editor; the view computes which part of
 * a long line is visible in a given width, keeping the cursor on screen.
 */
import type { KeyName } from './keys.js';
import { glyph } from './text.js';

/** A line being edited. */
export interface Editor {
  /** One code point per entry. */
  readonly chars: readonly string[];
  /** Insertion point, 0..chars.length. */
  readonly cursor: number;
}

/** An editor holding `text` with the cursor at the end (or at `cursor`, clamped). */
export function editorOf(text: string, cursor?: number): Editor {
  const chars = [...text];
  return { chars, cursor: Math.max(0, Math.min(chars.length, cursor ?? chars.length)) };
}

/** The editor's text. */
export function editorText(e: Editor): string {
  return e.chars.join('');
}

/** What an edit does, independent of which key asked for it. */
export type Edit =
  | { readonly kind: 'insert'; readonly text: string }
  | {
      readonly kind:
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'home'
        | 'end'
        | 'wordLeft'
        | 'wordRight'
        | 'deleteWordBack'
        | 'deleteWordForward'
        | 'killStart'
        | 'killEnd';
    };

/** Whether a code point separates words for word-wise moves. */
const isSpace = (ch: string | undefined): boolean => ch === undefined || /^[\s()|[\]{}*+?&~.,;:]$/u.test(ch);

function wordStartBefore(chars: readonly string[], i: number): number {
  let j = i;
  while (j > 0 && isSpace(chars[j - 1])) j--;
  while (j > 0 && !isSpace(chars[j - 1])) j--;
  return j;
}

function wordEndAfter(chars: readonly string[], i: number): number {
  let j = i;
  while (j < chars.length && isSpace(chars[j])) j++;
  while (j < chars.length && !isSpace(chars[j])) j++;
  return j;
}

function splice(e: Editor, from: number, to: number, insert: readonly string[], cursor: number): Editor {
  const chars = e.chars.slice(0, from).concat(insert, e.chars.slice(to));
  return { chars, cursor };
}

/** Applies one edit. Edits that cannot apply (backspace at the start…) return the editor unchanged. */
export function edit(e: Editor, op: Edit): Editor {
  const { chars, cursor } = e;
  switch (op.kind) {
    case 'insert': {
      const ins = [...op.text];
      if (ins.length === 0) return e;
      return splice(e, cursor, cursor, ins, cursor + ins.length);
    }
    case 'backspace':
      return cursor === 0 ? e : splice(e, cursor - 1, cursor, [], cursor - 1);
    case 'delete':
      return cursor === chars.length ? e : splice(e, cursor, cursor + 1, [], cursor);
    case 'left':
      return cursor === 0 ? e : { chars, cursor: cursor - 1 };
    case 'right':
      return cursor === chars.length ? e : { chars, cursor: cursor + 1 };
    case 'home':
      return cursor === 0 ? e : { chars, cursor: 0 };
    case 'end':
      return cursor === chars.length ? e : { chars, cursor: chars.length };
    case 'wordLeft':
      return { chars, cursor: wordStartBefore(chars, cursor) };
    case 'wordRight':
      return { chars, cursor: wordEndAfter(chars, cursor) };
    case 'deleteWordBack': {
      const to = wordStartBefore(chars, cursor);
      return to === cursor ? e : splice(e, to, cursor, [], to);
    }
    case 'deleteWordForward': {
      const to = wordEndAfter(chars, cursor);
      return to === cursor ? e : splice(e, cursor, to, [], cursor);
    }
    case 'killStart':
      return cursor === 0 ? e : splice(e, 0, cursor, [], 0);
    case 'killEnd':
      return cursor === chars.length ? e : splice(e, cursor, chars.length, [], cursor);
  }
}

/** A piece of the visible line. */
export interface ViewPart {
  readonly text: string;
  readonly kind: 'plain' | 'special' | 'cursor' | 'more';
}

/** The visible window of an editor. */
export interface EditorView {
  readonly parts: readonly ViewPart[];
  /** Index of the first visible code point. */
  readonly start: number;
  /** Index one past the last visible code point. */
  readonly end: number;
  /** Display column of each index `start..end` (inclusive: `end` is the cell after the last letter). */
  readonly columns: readonly number[];
}

/**
 * The part of the line that fits in `width` cells, with the cursor drawn as a
 * cell of its own (the letter under it, or a space at the end) and `…` where
 * text is cut off. The window keeps some text after the cursor in view.
 */
export function editorView(e: Editor, width: number, showCursor = true): EditorView {
  const w = Math.max(4, width);
  const { chars, cursor } = e;
  const widthAt = (i: number): number => (i < chars.length ? glyph(chars[i]!.codePointAt(0)!).width : 1);
  // Total width, capped: only the neighbourhood of the cursor matters for long lines.
  let total = 0;
  for (let i = 0; i < chars.length && total <= w; i++) total += widthAt(i);
  let start = 0;
  let end = chars.length;
  if (total + 1 > w) {
    // Room after the cursor: up to a quarter of the width, as far as the text goes.
    // (Never more than leaves room for the cursor and the two `…`.)
    const afterRoom = Math.min(Math.floor(w / 4), w - 2 - widthAt(cursor));
    let after = 0;
    let j = Math.min(cursor + 1, chars.length);
    while (j < chars.length && after + widthAt(j) <= afterRoom) after += widthAt(j++);
    // Walk left from the cursor while it fits (one cell each for the two `…`).
    let used = widthAt(cursor) + after;
    start = cursor;
    while (start > 0 && used + widthAt(start - 1) <= w - 2) used += widthAt(--start);
    // Then fill the rest to the right.
    end = j;
    while (end < chars.length && used + widthAt(end) <= w - 2) used += widthAt(end++);
    if (start === 0 || end === chars.length) {
      // Only one side is cut: the other `…` cell is free for text.
      const room = w - 1 - used;
      if (start === 0) {
        let extra = room;
        while (end < chars.length && widthAt(end) <= extra) extra -= widthAt(end++);
      } else {
        let extra = room;
        while (start > 0 && widthAt(start - 1) <= extra) extra -= widthAt(--start);
      }
    }
  }
  const parts: ViewPart[] = [];
  const columns: number[] = [];
  let col = 0;
  if (start > 0) {
    parts.push({ text: '…', kind: 'more' });
    col = 1;
  }
  for (let i = start; i < end; i++) {
    columns.push(col);
    const g = glyph(chars[i]!.codePointAt(0)!);
    const kind = showCursor && i === cursor ? 'cursor' : g.special ? 'special' : 'plain';
    const last = parts[parts.length - 1];
    if (last !== undefined && last.kind === kind && kind !== 'cursor')
      parts[parts.length - 1] = { text: last.text + g.text, kind };
    else parts.push({ text: g.text, kind });
    col += g.width;
  }
  columns.push(col);
  if (showCursor && end === chars.length && cursor === chars.length) parts.push({ text: ' ', kind: 'cursor' });
  if (end < chars.length) parts.push({ text: '…', kind: 'more' });
  return { parts, start, end, columns };
}

/** The keys every line editor of the playground reads as edits (the pattern, the strings, the Approx fields). */
export const EDIT_KEYS: { readonly [K in KeyName]?: Edit['kind'] } = {
  left: 'left',
  right: 'right',
  home: 'home',
  end: 'end',
  wordLeft: 'wordLeft',
  wordRight: 'wordRight',
  backspace: 'backspace',
  delete: 'delete',
  deleteWordBack: 'deleteWordBack',
  deleteWordForward: 'deleteWordForward',
  'ctrl-a': 'home',
  'ctrl-e': 'end',
  'ctrl-k': 'killEnd',
  'ctrl-u': 'killStart',
  'ctrl-d': 'delete',
};
