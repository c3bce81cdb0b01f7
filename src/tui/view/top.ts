/**
 * The fixed rows: the tab bar, the pattern editor with its caret or summary
 * lines, the test-string editor with its verdict, and the footer of keys.
 */
import { lineColumn, type WordflowError } from '../../errors.js';
import { LIMIT_FLAGS } from '../../limits.js';
import { type Editor, editorView, type EditorView } from '../editor.js';
import {
  PANE_SHORT_TITLES,
  PANE_TINY_TITLES,
  PANE_TITLES,
  PANES,
  type Focus,
  type PaneId,
  type UiState,
} from '../state.js';
import { fit, showString, textWidth } from '../text.js';
import type { Layout } from './layout.js';
import type { ScreenModel } from './model.js';
import type { MonoidInfo } from './vocabularyModel.js';
import { type Line, type Seg, seg, fitLine, wrap } from './seg.js';
import { overLimitText } from './lazyNote.js';

/** Width of the labels in front of the editors ("pattern ▸ "). */
export const LABEL_WIDTH = 10;

/** One way of titling the tab bar: the program's name and each pane's title. */
interface TabStyle {
  readonly name: string;
  readonly title: (pane: PaneId, active: boolean) => string;
}

/**
 * From widest to narrowest; the bar uses the first that fits, so every pane
 * keeps its tab (at least its number) and the syntax and embedding stay on the
 * right at any width the playground runs at. Titles come from the tables in
 * `state.ts`, so a new pane needs only its entries there.
 */
const TAB_STYLES: readonly TabStyle[] = [
  { name: ' wordflow ', title: (p) => PANE_TITLES[p] },
  { name: ' wordflow ', title: (p) => PANE_SHORT_TITLES[p] },
  { name: ' wordflow ', title: (p) => PANE_TINY_TITLES[p] },
  { name: ' wf ', title: (p) => PANE_TINY_TITLES[p] },
  { name: ' wf ', title: (p, active) => (active ? PANE_TINY_TITLES[p] : '') },
];

function tabSegs(m: ScreenModel, lay: Layout, style: TabStyle): Seg[] {
  const line: Seg[] = [seg(style.name, 'title'), seg(' ')];
  PANES.forEach((p, i) => {
    const active = p === m.ui.pane;
    const title = style.title(p, active);
    const text = title === '' ? `${i + 1}` : `${i + 1} ${title}`;
    const look = active ? 'activeTitle' : lay.visible.includes(p) ? 'bold' : 'dim';
    line.push(seg(active ? `[${text}]` : ` ${text} `, look));
  });
  return line;
}

/** The tab bar: panes by number, those on screen bold, the active one inverse; syntax and embedding on the right. */
export function tabBar(m: ScreenModel, lay: Layout): Line {
  const syntax = m.ui.syntax === 'wordflow' ? '' : `${m.ui.syntax} · `;
  const right = `${m.spinner === '' ? '' : m.spinner + ' '}${syntax}${m.ui.embedding}`;
  const room = lay.width - textWidth(right) - 1;
  const widthOf = (segs: Seg[]): number => segs.reduce((w, s) => w + textWidth(s.text), 0);
  const fitting = TAB_STYLES.map((style) => tabSegs(m, lay, style)).find((segs) => widthOf(segs) + 1 <= room);
  const line = fitting ?? tabSegs(m, lay, TAB_STYLES[TAB_STYLES.length - 1]!);
  const used = widthOf(line);
  if (used + textWidth(right) + 1 <= lay.width) {
    line.push(seg(' '.repeat(lay.width - used - textWidth(right) - 1)), seg(right, 'accent'), seg(' '));
  }
  return line;
}

function label(name: string, focused: boolean): Seg {
  return seg((focused ? `${name} ▸` : `${name}  `).padEnd(LABEL_WIDTH - 1) + ' ', focused ? 'accent' : 'dim');
}

/** An editor's visible window as segments. */
export function editorSegs(view: EditorView, focused: boolean): Seg[] {
  return view.parts.map((p) =>
    seg(
      p.text,
      p.kind === 'cursor'
        ? focused
          ? 'cursor'
          : 'plain'
        : p.kind === 'special'
          ? 'special'
          : p.kind === 'more'
            ? 'dim'
            : 'plain',
    ),
  );
}

/** The caret line under an editor for an error span (null when the span is off screen or absent). */
export function caretLine(error: WordflowError, view: EditorView, editor: Editor, indent: number): Line | null {
  if (error.span === undefined || error.source === undefined) return null;
  const source = editor.chars.join('');
  if (error.source !== source) return null;
  // Spans are UTF-16 offsets; the editor counts code points.
  const from = lineColumn(source, error.span.start).column - 1;
  const to = Math.max(from + 1, lineColumn(source, Math.max(error.span.start, error.span.end)).column - 1);
  const a = Math.max(from, view.start);
  const b = Math.min(to, view.end + 1);
  if (a >= b) return null;
  const col = view.columns[a - view.start];
  const endCol = view.columns[Math.min(b, view.end) - view.start] ?? col;
  if (col === undefined) return null;
  const width = Math.max(1, (endCol ?? col) - col + (b > view.end ? 1 : 0));
  return [seg(' '.repeat(indent + col)), seg('^'.repeat(width), 'bad')];
}

/**
 * The pattern rows: three, or more for a long error. With an error (of the
 * latest finished compile): the editor, the caret under the fault (when it is
 * for the text on screen) and the message, word-wrapped onto up to
 * `maxRows - 2` lines (cut only when even that is too few). Otherwise: the
 * editor, the summary and the classes.
 */
export function patternRows(m: ScreenModel, width: number, maxRows = 3): Line[] {
  const { ui, language } = m;
  const focused = ui.focus === 'pattern';
  const editorWidth = width - LABEL_WIDTH;
  const pad = seg(' '.repeat(LABEL_WIDTH));
  let first: Line;
  let view: EditorView | null = null;
  if (ui.fa !== null) {
    const name = ui.fa.path.split(/[\\/]/).pop() ?? ui.fa.name;
    first = [
      label('automaton', focused),
      seg(name, 'bold'),
      seg(focused ? '  (type to write a pattern instead)' : '', 'dim'),
    ];
  } else {
    view = editorView(ui.pattern, editorWidth, focused);
    first = [label('pattern', focused), ...editorSegs(view, focused)];
  }
  if (language.error !== null) {
    const caret = view === null ? null : caretLine(language.error, view, ui.pattern, LABEL_WIDTH);
    const note: Line = [
      pad,
      seg(
        language.pending
          ? `${m.spinner || '…'} checking…`
          : language.good === null
            ? 'no language yet'
            : 'the panes show the last good language',
        'dim',
      ),
    ];
    const room = Math.max(1, maxRows - 2);
    let parts = wrap(errorText(language.error), editorWidth);
    if (parts.length > room) parts = [...parts.slice(0, room - 1), fit(parts.slice(room - 1).join(' '), editorWidth)];
    const message = parts.map((part): Line => [pad, seg(part, language.pending ? 'dim' : 'bad')]);
    if (caret !== null) return [first, caret, ...message];
    return message.length === 1 ? [first, ...message, note] : [first, ...message];
  }
  return [first, ...summaryRows(m, width)];
}

function errorText(error: WordflowError): string {
  const where = /\bcolumn\b/.test(error.message)
    ? ''
    : error.span !== undefined && error.source !== undefined && !error.source.includes('\n')
      ? ` (at column ${lineColumn(error.source, error.span.start).column})`
      : error.span !== undefined && error.source !== undefined
        ? ` (at line ${lineColumn(error.source, error.span.start).line}, column ${lineColumn(error.source, error.span.start).column})`
        : '';
  const hint =
    error.kind === 'limit'
      ? ' (the playground keeps live budgets small; start wordflow play with that flag to raise it)'
      : '';
  return `✗ ${error.message}${where}${hint}`;
}

/** The summary and class rows. */
/** After the monoid's size: aperiodic with its k, or the group and period that stop it (as `wordflow monoid` says). */
function monoidNote(info: MonoidInfo): string {
  if (info.kind !== 'size') return '';
  if (info.aperiodic) return info.k === null ? ' (aperiodic)' : ` (aperiodic, k = ${info.k})`;
  if (info.group === null) return info.period === null ? '' : ` (period ${info.period})`;
  return ` (group ${info.group}, period ${info.period})`;
}

function summaryRows(m: ScreenModel, width: number): Line[] {
  const pad = seg(' '.repeat(LABEL_WIDTH));
  const { summary, language } = m;
  const pendingNote = language.pending ? seg(`${m.spinner || '…'} `, 'warn') : null;
  const over = overLimitText(m);
  if (over !== null && language.good !== null) {
    // Two rows, wrapped so that the limit's flag stays in view on narrow screens.
    const ms = `${language.good.ms < 1 ? '<1' : Math.round(language.good.ms)} ms`;
    const text = `lazy DFA, membership only: the minimal DFA has ${over}; start wordflow play with that flag to raise it · ${ms}`;
    const room = width - LABEL_WIDTH - 2 - (pendingNote === null ? 0 : textWidth(pendingNote.text));
    const parts = wrap(text, room);
    const second = parts.slice(1).join(' ');
    return [
      [pad, ...(pendingNote === null ? [] : [pendingNote]), seg(parts[0] ?? '', 'warn')],
      [pad, seg(fit(second, room), 'dim')],
    ];
  }
  if (summary === null)
    return [[pad, pendingNote ?? seg('…', 'dim'), seg(language.pending ? 'compiling…' : '', 'dim')], [pad]];
  const s = summary;
  const monoid = m.monoid.value;
  const monoidText =
    monoid === undefined || monoid === null || m.monoid.pending
      ? ' · monoid …'
      : !monoid.ok
        ? ''
        : monoid.value.kind === 'over'
          ? ` · monoid > ${monoid.value.bound.toLocaleString('en-US')}${monoid.value.byFlag ? ` (${LIMIT_FLAGS.maxMonoid})` : ' (not cheap)'}`
          : ` · monoid ${monoid.value.size.toLocaleString('en-US')}${monoidNote(monoid.value)}`;
  const stats = `${s.states.toLocaleString('en-US')} state${s.states === 1 ? '' : 's'} (${s.accepting.toLocaleString('en-US')} accepting${s.dead !== null ? `, dead ${s.dead}` : ''}) · ${s.classes} class${s.classes === 1 ? '' : 'es'} · ${s.shortest === null ? 'empty' : s.finite ? 'finite' : 'infinite'}${monoidText}`;
  const line1: Seg[] = [pad];
  if (pendingNote !== null) line1.push(pendingNote);
  const room = width - LABEL_WIDTH - 2 - (pendingNote === null ? 0 : textWidth(pendingNote.text));
  const note = monoid !== undefined && monoid !== null && monoid.ok ? monoidNote(monoid.value) : '';
  const shown = textWidth(stats) <= room || note === '' ? stats : stats.replace(note, '');
  line1.push(seg(language.stale ? '' : '✓ ', 'good'), seg(shown, language.stale ? 'dim' : 'plain'));
  const shortest = s.shortest === null ? 'no members' : `shortest ${fit(showString(s.shortest), 16)}`;
  const ms = language.good !== null ? ` · ${language.good.ms < 1 ? '<1' : Math.round(language.good.ms)} ms` : '';
  const tail = ` · ${shortest}${ms}`;
  const classes = `classes: ${s.labels.join('  ')}`;
  return [
    line1,
    [pad, seg(fit(classes, Math.max(12, width - LABEL_WIDTH - textWidth(tail))), 'dim'), seg(tail, 'dim')],
  ];
}

/** The test-string row with the verdict on the right. */
export function stringRow(m: ScreenModel, width: number): Line {
  const { ui, run, language } = m;
  const focused = ui.focus === 'string';
  let verdict: Seg[];
  if (m.lazyVerdict !== null) {
    const r = m.lazyVerdict;
    verdict = !r.ok
      ? [seg('✗ not decided', 'bad')]
      : [seg(r.value ? '✓ accepted' : '✗ rejected', r.value ? 'good' : 'bad'), seg(' (lazy DFA)', 'dim')];
    if (language.stale) verdict.push(seg(language.error !== null ? ' (last good pattern)' : ' (updating)', 'dim'));
  } else if (run === null || language.good === null) {
    verdict = [seg(language.pending ? `${m.spinner || '…'} compiling` : '— no language', 'dim')];
  } else {
    const ok = run.accepted;
    verdict = [seg(ok ? '✓ accepted' : '✗ rejected', ok ? 'good' : 'bad')];
    if (language.stale) verdict.push(seg(language.error !== null ? ' (last good pattern)' : ' (updating)', 'dim'));
  }
  const n = ui.text.chars.length;
  const pos = seg(`${ui.text.cursor}/${n}  `, 'dim');
  const right = textWidth(pos.text) + verdict.reduce((w, s) => w + textWidth(s.text), 0) + 1;
  const view = editorView(ui.text, Math.max(8, width - LABEL_WIDTH - right - 1), focused || ui.focus === 'panes');
  const left: Seg[] = [label('string', focused), ...editorSegs(view, focused || ui.focus === 'panes')];
  const fill = Math.max(1, width - left.reduce((w, s) => w + textWidth(s.text), 0) - right);
  return [...left, seg(' '.repeat(fill)), pos, ...verdict, seg(' ')];
}

const FOOTERS: { readonly [F in Focus]: string } = {
  pattern: 'editing the pattern · Tab string · Esc keys · ^U clear · F1 help · ^C quit',
  string: 'editing the string · ←→ step · Tab 2nd pattern · Esc keys · ^U clear · F1 help',
  other: 'editing the 2nd pattern · Tab/Esc keys · ^U clear · F1 help · ^C quit',
  approx: 'editing approx · Tab/↓ next field · Esc keys · ^U clear · F1 help · ^C quit',
  panes: `←→ step · ↑↓ scroll · e embedding · x syntax · 1-${PANES.length} panes · p s = edit · ? help · q quit`,
};

/** The footer: keys for the current focus, or the latest notice. */
export function footer(ui: UiState, width: number): Line {
  const keys = FOOTERS[ui.focus];
  if (ui.notice !== null) {
    const notice = fit(ui.notice, Math.max(20, width - 2));
    return fitLine([seg(' '), seg(notice, 'accent')], width);
  }
  return fitLine([seg(' '), seg(keys, 'dim')], width);
}
