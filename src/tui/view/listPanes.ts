/**
 * The panes that are lists or forms: equivalence (a second pattern against
 * the first), members (the first members in shortlex order) and the gallery
 * of example languages.
 */
import { editorView } from '../editor.js';
import { fit, showString, textWidth } from '../text.js';
import { lazyLanguage, type ScreenModel } from './model.js';
import { type Line, seg, wrap } from './seg.js';
import { caretLine, editorSegs } from './top.js';
import { lazyNote } from './lazyNote.js';
import { LIMIT_FLAGS } from '../../limits.js';

/** Rows `top..top+room` of a list around the selected row. */
function windowAround(selected: number, count: number, room: number): number {
  if (count <= room) return 0;
  return Math.max(0, Math.min(count - room, selected - Math.floor(room / 2)));
}

/** The equivalence pane: A (the pattern) against B (the second pattern), equal or the shortest witness. */
export function equivPane(m: ScreenModel, width: number, height: number): Line[] {
  const focused = m.ui.focus === 'other';
  const indent = 4;
  const view = editorView(m.ui.other, width - indent, focused);
  const a = m.ui.fa !== null ? `${m.ui.fa.name} (automaton)` : m.ui.pattern.chars.join('') || 'ε';
  const aNote = m.language.error !== null ? '  (does not compile: its last good language is used)' : '';
  const lines: Line[] = [
    [seg('A ', 'accent'), seg(`  ${fit(a, Math.max(8, width - 4 - textWidth(aNote)))}`, 'dim'), seg(aNote, 'warn')],
    [seg('B ', 'accent'), seg(focused ? '▸ ' : '  ', 'accent'), ...editorSegs(view, focused)],
  ];
  const other = m.other;
  if (other.error !== null) {
    const caret = caretLine(other.error, view, m.ui.other, indent);
    if (caret !== null) lines.push(caret);
    for (const l of wrap(`✗ ${other.error.message}`, width)) lines.push([seg(l, other.pending ? 'dim' : 'bad')]);
  }
  lines.push([]);
  const eq = m.equivalence;
  const lazyA = lazyLanguage(m.language) !== null;
  const lazyB = m.ui.other.chars.length > 0 && lazyLanguage(other) !== null;
  if (lazyA || lazyB) {
    const which = lazyA && lazyB ? 'A and B have' : lazyA ? 'A has' : 'B has';
    const text =
      `Not compared: ${which} more than ${m.limits.maxStates.toLocaleString('en-US')} DFA states ` +
      `(the ${LIMIT_FLAGS.maxStates} limit), and equivalence needs both minimal DFAs.`;
    for (const l of wrap(text, width)) lines.push([seg(l, 'warn')]);
  } else if (m.ui.other.chars.length === 0 && other.good === null) {
    lines.push([
      seg(
        focused
          ? 'type a second pattern B to compare with A'
          : 'press = (or Tab to this field) and type a second pattern',
        'dim',
      ),
    ]);
  } else if (eq.value === undefined || (eq.pending && other.error === null)) {
    lines.push([seg(`${m.spinner || '…'} comparing…`, 'warn')]);
  } else if (!eq.value.ok) {
    for (const l of wrap(`✗ ${eq.value.error.message}`, width)) lines.push([seg(l, 'bad')]);
  } else if (eq.value.value.equal) {
    lines.push([seg('✓ equal', 'good'), seg(': A and B describe the same language', 'plain')]);
  } else {
    const r = eq.value.value;
    lines.push([seg('✗ not equal', 'bad')]);
    lines.push([
      seg('  shortest witness ', 'dim'),
      seg(showString(r.witness ?? ''), 'accent'),
      seg(`  is in ${r.in} only`, 'plain'),
    ]);
    lines.push([seg(`  (accepted by ${r.in}, rejected by ${r.in === 'A' ? 'B' : 'A'}; shortest, then least)`, 'dim')]);
  }
  if (eq.pending && eq.value !== undefined && other.error === null) lines.push([seg(`${m.spinner} updating…`, 'dim')]);
  while (lines.length < height - 1) lines.push([]);
  lines.push([seg('Enter/= edit B · Esc done', 'dim')]);
  return lines.slice(0, height);
}

/** The members pane: the first members in shortlex order, with a selection to test. */
export function membersPane(m: ScreenModel, width: number, height: number): Line[] {
  const r = m.members.value;
  const lazy = lazyNote(m, 'The list of members is', width);
  if (lazy !== null) return lazy;
  if (m.language.good === null) return [[seg('no language yet', 'dim')]];
  if (r === undefined) return [[seg(`${m.spinner || '…'} enumerating…`, 'warn')]];
  if (!r.ok) return wrap(`✗ ${r.error.message}`, width).map((l) => [seg(l, 'bad')]);
  const { members, all, horizon } = r.value;
  const head: Line = [seg(`first members in shortlex order${m.members.pending ? ` ${m.spinner}` : ''}`, 'bold')];
  const room = Math.max(1, height - 2);
  const sel = Math.min(m.ui.selected.enum, Math.max(0, members.length - 1));
  const top = windowAround(sel, members.length, room);
  const lines: Line[] = [head];
  const numWidth = String(members.length).length;
  for (let i = top; i < Math.min(members.length, top + room); i++) {
    const mark = i === sel && m.ui.pane === 'enum' ? '▸' : ' ';
    const len = [...members[i]!].length;
    lines.push([
      seg(`${mark}${String(i + 1).padStart(numWidth)} `, i === sel ? 'accent' : 'dim'),
      seg(fit(showString(members[i]!), width - numWidth - 12), i === sel ? 'highlight' : undefined),
      seg(`  (${len})`, 'dim'),
    ]);
  }
  if (members.length === 0)
    lines.push([seg(all ? 'the language is empty' : `no members up to length ${horizon}`, 'dim')]);
  const tail = all
    ? `all ${members.length} member${members.length === 1 ? '' : 's'}`
    : members.length === 0
      ? `(longer strings not searched: budget)`
      : `first ${members.length} shown${horizon < m.limits.maxEnumLength ? `, searched to length ${horizon}` : ''}`;
  while (lines.length < height - 1) lines.push([]);
  lines.push([seg(`${tail} · ↑↓ select · Enter test it`, 'dim')]);
  return lines.slice(0, height);
}

/** The gallery pane: the examples with their descriptions and a preview of the selected one. */
export function galleryPane(m: ScreenModel, width: number, height: number): Line[] {
  if (m.galleryError !== null) return wrap(`✗ gallery: ${m.galleryError}`, width).map((l) => [seg(l, 'bad')]);
  const items = m.gallery;
  if (items.length === 0) return [[seg('the gallery is empty', 'dim')]];
  const sel = Math.min(m.ui.selected.gallery, items.length - 1);
  const preview = Math.min(6, Math.max(0, height - 6));
  const room = Math.max(1, height - 2 - (preview > 0 ? preview + 1 : 0));
  const top = windowAround(sel, items.length, room);
  const nameWidth = Math.min(18, Math.max(...items.map((e) => e.name.length)));
  const lines: Line[] = [[seg(`${items.length} examples (grammars/examples) · ↑↓ select · Enter load`, 'bold')]];
  for (let i = top; i < Math.min(items.length, top + room); i++) {
    const e = items[i]!;
    const active = i === sel;
    lines.push([
      seg(active && m.ui.pane === 'gallery' ? '▸ ' : '  ', 'accent'),
      seg(fit(e.name, nameWidth).padEnd(nameWidth), active ? 'highlight' : 'bold'),
      seg(` .${e.kind} `, 'dim'),
      seg(fit(e.description, Math.max(4, width - nameWidth - 8)), active ? undefined : 'dim'),
    ]);
  }
  if (preview > 0) {
    while (lines.length < height - preview - 1) lines.push([]);
    const src = items[sel]!.source.split('\n').filter((l) => l.trim() !== '');
    lines.push([seg(`─ ${items[sel]!.path.split(/[\\/]/).pop()} `, 'dim')]);
    for (const l of src.slice(0, preview)) lines.push([seg(fit(l, width), 'accent')]);
  }
  return lines.slice(0, height);
}
