/**
 * What the playground remembers between key presses, and how each key
 * changes it: a pure reducer, so every binding is testable without a screen.
 *
 * Focus model: one of three editors (pattern, test string, second pattern
 * for the equivalence pane) or the panes. Tab / Shift-Tab cycle
 * pattern → string → second pattern → panes; Esc leaves an editor for the
 * panes; in the panes letters are commands (q quits, ? helps, e switches the
 * embedding, x the pattern syntax, 1–6 pick a pane, p/s/= go back to an
 * editor; ^T switches the syntax from anywhere). ←/→ in the string
 * editor or the panes step through the string's letters; ↑/↓ scroll or move
 * the selection of the active pane from anywhere.
 */
import { type Edit, type Editor, EDIT_KEYS, edit, editorOf } from './editor.js';
import type { KeyEvent, KeyName } from './keys.js';
import { EMBEDDING_NAMES, type EmbeddingName } from '../vocabulary/embeddings.js';
import type { GalleryEntry } from '../gallery.js';
import { SYNTAXES, type Syntax } from '../syntax/regex/syntax.js';
import { approxKey, type ApproxUi, initialApprox, toggleFlow } from './approxTab.js';

/** Where key presses go: one of the three editors, the Approx tab's editors, or the panes (letters are commands). */
export type Focus = 'pattern' | 'string' | 'other' | 'approx' | 'panes';

/** The panes, in the order of their number keys. */
export const PANES = ['dfa', 'vocab', 'trace', 'equiv', 'enum', 'gallery', 'approx'] as const;
/** A pane's name. */
export type PaneId = (typeof PANES)[number];

/** The shortest titles, for tab bars of 60 columns or so. */
export const PANE_TINY_TITLES: { readonly [P in PaneId]: string } = {
  dfa: 'DFA',
  vocab: 'Voc',
  trace: 'Tr',
  equiv: 'Eq',
  enum: 'Mem',
  gallery: 'Gal',
  approx: 'Apx',
};

/** Short titles, for narrow tab bars. */
export const PANE_SHORT_TITLES: { readonly [P in PaneId]: string } = {
  dfa: 'DFA',
  vocab: 'Vocab',
  trace: 'Trace',
  equiv: 'Equiv',
  enum: 'Members',
  gallery: 'Gallery',
  approx: 'Approx',
};

/** Titles as the tab bar shows them. */
export const PANE_TITLES: { readonly [P in PaneId]: string } = {
  dfa: 'DFA',
  vocab: 'Vocabulary',
  trace: 'Trace',
  equiv: 'Equivalence',
  enum: 'Members',
  gallery: 'Gallery',
  approx: 'Approx',
};

/** The embeddings, in the order `e` cycles through them (the library's order). */
export { EMBEDDING_NAMES, type EmbeddingName };

/** An automaton file in place of the pattern. */
export interface FaSource {
  readonly name: string;
  readonly text: string;
  readonly path: string;
}

/** The playground's state between key presses (the languages are derived from it in jobs). */
export interface UiState {
  readonly pattern: Editor;
  /** Set while an automaton file from the gallery stands in for the pattern. */
  readonly fa: FaSource | null;
  readonly text: Editor;
  readonly other: Editor;
  readonly focus: Focus;
  readonly pane: PaneId;
  readonly embedding: EmbeddingName;
  /** How the patterns are read (`x` in the panes, ^T anywhere). */
  readonly syntax: Syntax;
  readonly help: boolean;
  /** First shown line of the help overlay. */
  readonly helpScroll: number;
  /** The Approx tab: a map or field, ε, and which of its editors has the keys. */
  readonly approx: ApproxUi;
  /** Selected row of the gallery and of the members list. */
  readonly selected: { readonly gallery: number; readonly enum: number };
  /** First shown line of the scrolling panes. */
  readonly scroll: { readonly [P in PaneId]: number };
  /** A short message for the footer (what just happened), or null. */
  readonly notice: string | null;
  readonly quit: boolean;
}

/** What the reducer needs to know about the world outside the state. */
export interface ReduceContext {
  readonly gallery: readonly GalleryEntry[];
  /** Members currently listed (Enter in the members pane tests the selected one). */
  readonly members: readonly string[];
  /** How far each pane can scroll, and how many lines a page is. */
  readonly maxScroll: (pane: PaneId) => number;
  readonly pageLines: number;
  /** How far the help overlay can scroll (0 when it fits; absent: unbounded). */
  readonly helpMaxScroll?: () => number;
}

/** The texts and embedding to start with. */
export interface InitialOptions {
  readonly pattern?: string;
  readonly text?: string;
  readonly other?: string;
  readonly embedding?: EmbeddingName;
  readonly syntax?: Syntax;
}

/** The state at start: focus on the pattern editor, the DFA pane shown. */
export function initialState(o: InitialOptions = {}): UiState {
  return {
    pattern: editorOf(o.pattern ?? ''),
    fa: null,
    text: editorOf(o.text ?? ''),
    other: editorOf(o.other ?? ''),
    focus: 'pattern',
    pane: 'dfa',
    embedding: o.embedding ?? 'flow2d',
    syntax: o.syntax ?? 'wordflow',
    help: false,
    helpScroll: 0,
    approx: initialApprox(),
    selected: { gallery: 0, enum: 0 },
    scroll: { dfa: 0, vocab: 0, trace: 0, equiv: 0, enum: 0, gallery: 0, approx: 0 },
    notice: null,
    quit: false,
  };
}

const RING: readonly Focus[] = ['pattern', 'string', 'other', 'panes'];

function focusOn(s: UiState, focus: Focus): UiState {
  // The second pattern lives in the equivalence pane, the approx editors in theirs: bring them into view.
  const pane = focus === 'other' ? 'equiv' : focus === 'approx' ? 'approx' : s.pane;
  return { ...s, focus, pane, notice: null };
}

function cycle(s: UiState, by: 1 | -1): UiState {
  // From the approx editors, the ring resumes at the panes.
  const i = RING.indexOf(s.focus === 'approx' ? 'panes' : s.focus);
  return focusOn(s, RING[(i + by + RING.length) % RING.length]!);
}

function selectPane(s: UiState, pane: PaneId): UiState {
  return { ...s, pane, notice: null };
}

function nextEmbedding(s: UiState, by: 1 | -1): UiState {
  const i = EMBEDDING_NAMES.indexOf(s.embedding);
  const embedding = EMBEDDING_NAMES[(i + by + EMBEDDING_NAMES.length) % EMBEDDING_NAMES.length]!;
  return { ...s, embedding, notice: `embedding: ${embedding}` };
}

function nextSyntax(s: UiState): UiState {
  const syntax = SYNTAXES[(SYNTAXES.indexOf(s.syntax) + 1) % SYNTAXES.length]!;
  const meaning =
    syntax === 'ecma' ? 'a JavaScript RegExp with flags su: & ~ [ are characters' : '& intersects, ~ complements';
  return { ...s, syntax, notice: `syntax: ${syntax} (${meaning})` };
}

/** Scrolls the help overlay, within its bounds. */
function scrollHelp(s: UiState, by: number, ctx: ReduceContext): UiState {
  const max = ctx.helpMaxScroll?.() ?? Number.MAX_SAFE_INTEGER;
  const next = Math.max(0, Math.min(max, s.helpScroll + by));
  return next === s.helpScroll ? s : { ...s, helpScroll: next };
}

/** The help overlay takes every key: the closing ones close it, the motion keys scroll it. */
function helpKey(s: UiState, ev: KeyEvent, ctx: ReduceContext): UiState {
  if (ev.kind === 'key' && ev.name === 'ctrl-c') return { ...s, quit: true };
  const closes = ev.kind === 'key' ? ['escape', 'enter', 'help'].includes(ev.name) : ['?', 'q'].includes(ev.text);
  if (closes) return { ...s, help: false };
  const page = Math.max(1, ctx.pageLines);
  const all = Number.MAX_SAFE_INTEGER;
  const by = HELP_SCROLL.get(ev.kind === 'key' ? ev.name : ev.text);
  if (by === undefined) return s;
  const lines = by === 'page' ? page : by === '-page' ? -page : by === 'all' ? all : by === '-all' ? -all : by;
  return scrollHelp(s, lines, ctx);
}

/** Keys that scroll the help: by lines, by pages, or to an end. */
type HelpStep = number | 'page' | '-page' | 'all' | '-all';
const HELP_SCROLL: ReadonlyMap<string, HelpStep> = new Map<string, HelpStep>([
  ['up', -1],
  ['k', -1],
  ['down', 1],
  ['j', 1],
  ['pageUp', '-page'],
  ['pageDown', 'page'],
  [' ', 'page'],
  ['home', '-all'],
  ['end', 'all'],
]);

/** Moves the active pane's selection or scroll position. */
function scrollBy(s: UiState, by: number, ctx: ReduceContext): UiState {
  const pane = s.pane;
  if (pane === 'gallery' || pane === 'enum') {
    const count = pane === 'gallery' ? ctx.gallery.length : ctx.members.length;
    const next = Math.max(0, Math.min(count - 1, s.selected[pane] + by));
    return { ...s, selected: { ...s.selected, [pane]: Math.max(0, next) } };
  }
  const next = Math.max(0, Math.min(ctx.maxScroll(pane), s.scroll[pane] + by));
  return next === s.scroll[pane] ? s : { ...s, scroll: { ...s.scroll, [pane]: next } };
}

/** Loads a gallery entry: a pattern into the editor, or an automaton file in its place. */
export function loadEntry(s: UiState, entry: GalleryEntry): UiState {
  const base = {
    ...s,
    text: { ...s.text, cursor: s.text.chars.length },
    notice: `loaded ${entry.name}: ${entry.description}`,
  };
  if (entry.kind === 'fa') return { ...base, fa: { name: entry.name, text: entry.source, path: entry.path } };
  return { ...base, fa: null, pattern: editorOf(entry.source.trim()) };
}

const EDITOR_OF = { pattern: 'pattern', string: 'text', other: 'other' } as const;

function editFocused(s: UiState, op: Edit): UiState {
  if (s.focus === 'panes' || s.focus === 'approx') return s;
  const field = EDITOR_OF[s.focus];
  if (field === 'pattern' && s.fa !== null) {
    // The loaded automaton is not text to edit: typing starts a new pattern.
    if (op.kind !== 'insert' && op.kind !== 'backspace' && op.kind !== 'killStart') return s;
    const fresh = editorOf('');
    return { ...s, fa: null, pattern: op.kind === 'insert' ? edit(fresh, op) : fresh, notice: null };
  }
  const next = edit(s[field], op);
  return next === s[field] ? s : { ...s, [field]: next, notice: null };
}

/** Keys that work the same whatever has focus. Returns null when the key is not one of them. */
function globalKey(s: UiState, name: KeyName, ctx: ReduceContext): UiState | null {
  switch (name) {
    case 'ctrl-c':
      return { ...s, quit: true };
    case 'help':
      return { ...s, help: !s.help, helpScroll: 0 };
    case 'ctrl-t':
      return nextSyntax(s);
    case 'tab':
      return cycle(s, 1);
    case 'backtab':
      return cycle(s, -1);
    case 'up':
      return scrollBy(s, -1, ctx);
    case 'down':
      return scrollBy(s, 1, ctx);
    case 'pageUp':
      return scrollBy(s, -Math.max(1, ctx.pageLines), ctx);
    case 'pageDown':
      return scrollBy(s, Math.max(1, ctx.pageLines), ctx);
    case 'ctrl-l':
      return s;
    case 'alt-1':
    case 'alt-2':
    case 'alt-3':
    case 'alt-4':
    case 'alt-5':
    case 'alt-6':
      return selectPane(s, PANES[Number(name.slice(4)) - 1]!);
    default:
      return null;
  }
}

function moveStep(s: UiState, op: Edit): UiState {
  const text = edit(s.text, op);
  return text === s.text ? s : { ...s, text };
}

/** A printable key pressed while the panes have focus. */
function command(s: UiState, ch: string, alone: boolean, ctx: ReduceContext): UiState {
  switch (ch) {
    case 'q':
      // Only a key press of its own quits: a paste that happens to contain q does not.
      return alone ? { ...s, quit: true } : s;
    case '?':
      return { ...s, help: true, helpScroll: 0 };
    case 'x':
      return nextSyntax(s);
    case 'e':
    case 'v':
      return nextEmbedding(s, 1);
    case 'E':
    case 'V':
      return nextEmbedding(s, -1);
    case 'p':
    case 'i':
    case '/':
      return focusOn(s, 'pattern');
    case 's':
      return focusOn(s, 'string');
    case '=':
      return focusOn(s, 'other');
    case 'g':
      return selectPane(s, 'gallery');
    case 'h':
      return moveStep(s, { kind: 'left' });
    case 'l':
      return moveStep(s, { kind: 'right' });
    case 'j':
      return scrollBy(s, 1, ctx);
    case 'k':
      return scrollBy(s, -1, ctx);
    case 'f':
      return s.pane === 'approx' ? { ...s, approx: toggleFlow(s.approx), notice: null } : s;
    case ']':
      return selectPane(s, PANES[(PANES.indexOf(s.pane) + 1) % PANES.length]!);
    case '[':
      return selectPane(s, PANES[(PANES.indexOf(s.pane) + PANES.length - 1) % PANES.length]!);
    default:
      if (ch >= '1' && ch <= String(PANES.length)) return selectPane(s, PANES[Number(ch) - 1]!);
      return s;
  }
}

function enter(s: UiState, ctx: ReduceContext): UiState {
  switch (s.focus) {
    case 'pattern':
      return focusOn(s, 'string');
    case 'string':
    case 'other':
    case 'approx':
      return focusOn(s, 'panes');
    case 'panes':
      if (s.pane === 'gallery') {
        const entry = ctx.gallery[Math.min(s.selected.gallery, ctx.gallery.length - 1)];
        return entry === undefined ? s : loadEntry(s, entry);
      }
      if (s.pane === 'enum') {
        const member = ctx.members[Math.min(s.selected.enum, ctx.members.length - 1)];
        return member === undefined ? s : { ...s, text: editorOf(member), notice: 'testing the selected member' };
      }
      if (s.pane === 'equiv') return focusOn(s, 'other');
      if (s.pane === 'approx') return focusOn(s, 'approx');
      return s;
  }
}

/** The state after one key event. */
export function reduce(s: UiState, ev: KeyEvent, ctx: ReduceContext): UiState {
  if (s.quit) return s;
  if (s.help) return helpKey(s, ev, ctx);
  if (s.focus === 'approx' && !(ev.kind === 'key' && ['ctrl-c', 'help'].includes(ev.name))) {
    // The approx editors take their keys first; what they leave (Alt-n, scrolling) falls through.
    const r = approxKey(s.approx, ev);
    if (r !== null)
      return r.leave ? { ...focusOn(s, 'panes'), approx: r.approx } : { ...s, approx: r.approx, notice: null };
  }
  if (ev.kind === 'key') {
    const g = globalKey(s, ev.name, ctx);
    if (g !== null) return g;
    if (ev.name === 'escape') return s.focus === 'panes' ? { ...s, notice: null } : focusOn(s, 'panes');
    if (ev.name === 'enter') return enter(s, ctx);
    const op = EDIT_KEYS[ev.name];
    if (op === undefined) return s;
    if (s.focus === 'panes') {
      // In the panes, the motion keys step through the test string.
      return ['left', 'right', 'home', 'end', 'wordLeft', 'wordRight'].includes(op) ||
        ev.name === 'ctrl-a' ||
        ev.name === 'ctrl-e'
        ? moveStep(s, { kind: op } as Edit)
        : s;
    }
    return editFocused(s, { kind: op } as Edit);
  }
  if (s.focus !== 'panes') return editFocused(s, { kind: 'insert', text: ev.text });
  const chars = [...ev.text];
  let t = s;
  for (let i = 0; i < chars.length; i++) {
    if (t.focus !== 'panes' || t.help || t.quit) {
      // A command moved into an editor (`p(ab)*` typed fast): the rest is text for it.
      return t.focus !== 'panes' && !t.help && !t.quit
        ? editFocused(t, { kind: 'insert', text: chars.slice(i).join('') })
        : t;
    }
    t = command(t, chars[i]!, chars.length === 1, ctx);
  }
  return t;
}
