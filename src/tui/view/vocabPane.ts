/**
 * The vocabulary pane: the shown DFA as a vocabulary of maps in the selected
 * embedding — one word per class with its map's real parameters (the image
 * array, the 0/1 matrix, the piecewise-linear knots, the gain and weights,
 * or the `flow2d` spelling and its length), plus the start point, regions,
 * target and certificate.
 */
import type { MapJson, VocabularyJson } from '../../vocabulary/types.js';
import { embeddingSpec } from '../../vocabulary/registry.js';
import { fit, textWidth } from '../text.js';
import type { ScreenModel } from './model.js';
import { type Line, seg, wrap } from './seg.js';
import type { VocabularyView } from './vocabularyModel.js';
import { lazyNote } from './lazyNote.js';

/** A number for people: integers as they are, others to 4 significant digits. */
export function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/** A point as `(x, y, …)`, eliding the middle of long vectors. */
export function pointText(p: ArrayLike<number>, max = 8): string {
  const xs = Array.from(p);
  const shown = xs.length <= max ? xs.map(num) : [...xs.slice(0, max - 2).map(num), '…', num(xs[xs.length - 1]!)];
  return `(${shown.join(', ')})`;
}

/** The 0/1 (or weighted) matrix of sparse entries as rows of text, or null when too wide. */
function matrixRows(
  entries: readonly (readonly [number, number, number])[],
  n: number,
  width: number,
  cell: (v: number) => string,
): string[] | null {
  const cw = Math.max(1, ...entries.map(([, , v]) => cell(v).length));
  if (n > 24 || 6 + n * (cw + 1) > width) return null;
  const m = Array.from({ length: n }, () => new Array<string>(n).fill('·'.padStart(cw)));
  for (const [r, c, v] of entries) m[r]![c] = cell(v).padStart(cw);
  const head = '     ' + Array.from({ length: n }, (_, q) => String(q).padStart(cw)).join(' ');
  return [head, ...m.map((row, r) => `  ${String(r).padStart(2)} ${row.join(' ')}`)];
}

/** Items joined by spaces, at most about `maxChars` long, then `… N more`. */
export function listText(items: readonly string[], maxChars: number): string {
  let out = '';
  let i = 0;
  for (; i < items.length; i++) {
    if (out.length + items[i]!.length + 1 > maxChars && i > 0) break;
    out += (i > 0 ? ' ' : '') + items[i]!;
  }
  return i < items.length ? `${out} … ${(items.length - i).toLocaleString('en-US')} more` : out;
}

/** What a transformation does, as `q→δ` pairs. */
function imageText(image: readonly number[], maxChars: number): string {
  return listText(
    image.map((t, q) => `${q}→${t}`),
    maxChars,
  );
}

/** The lines describing one word's map. */
export function mapLines(map: MapJson, json: VocabularyJson, width: number): Line[] {
  const w = Math.max(10, width - 4);
  // Long parameter lists stop after a few lines; the pane scrolls, but a 20,000-state map would not help anyone.
  const budget = w * 4;
  const sub = (s: string, style?: Parameters<typeof seg>[1]): Line[] =>
    wrap(s, w).map((l) => [seg('    '), seg(l, style)]);
  switch (map.kind) {
    case 'transform':
      return sub(`δ(·) = ${imageText(map.image, budget)}`);
    case 'onehot': {
      const rows = matrixRows(map.entries, json.states, width, () => '1');
      if (rows !== null) return [[seg('    x ↦ M x, M =', 'dim')], ...rows.map((r) => [seg(r)])];
      return sub(
        `x ↦ M x, M e_q = e_δ(q): ${listText(
          map.entries.map(([r, c]) => `${c}→${r}`),
          budget,
        )}`,
      );
    }
    case 'relu1d':
      return [
        ...sub(
          `knots (x, f(x)): ${listText(
            map.knots.map(([x, y]) => `(${num(x)}, ${num(y)})`),
            budget,
          )}`,
        ),
        [seg(`    one hidden ReLU layer of width ${map.network.width}; constant outside the knots`, 'dim')],
      ];
    case 'sigmoid': {
      const rows = matrixRows(map.entries, json.states, width, (v) => num(v));
      const head: Line = [seg(`    x ↦ σ(W x + b), W = H·M, b = ${num(map.bias[0] ?? 0)} (= −H/2)`, 'dim')];
      if (rows !== null) return [head, ...rows.map((r) => [seg(r)])];
      return [
        head,
        ...sub(
          `W (row, column, weight): ${listText(
            map.entries.map(([r, c, v]) => `(${r},${c},${num(v)})`),
            budget,
          )}`,
        ),
      ];
    }
    case 'flow2d': {
      const phrase = wrap(map.phrase, w);
      return [
        ...phrase.slice(0, 4).map((l) => [seg('    '), seg(l, 'accent')] as Line),
        ...(phrase.length > 4 ? [[seg('    …', 'dim')] as Line] : []),
        [
          seg(
            `    ${map.length} primitive flow${map.length === 1 ? '' : 's'} in ${map.steps} run${map.steps === 1 ? '' : 's'}`,
            'dim',
          ),
        ],
      ];
    }
    default:
      // An embedding this pane has no layout for: its registry record prints the word.
      return embeddingSpec(json.embedding)
        .formatWord(map, '', json)
        .slice(1)
        .flatMap((l) => sub(l.trim()));
  }
}

/** Header lines: the embedding, start point, regions, target and certificate. */
function headLines(m: ScreenModel, v: VocabularyView, width: number): Line[] {
  const j = v.json;
  const cert = m.certificate.value;
  const certSeg =
    cert === undefined || m.certificate.pending
      ? seg(`${m.spinner || '…'} checking the certificate…`, 'warn')
      : cert.ok
        ? cert.value.holds
          ? seg(`✓ certified for every length (${cert.value.method}, margin ${num(cert.value.margin)})`, 'good')
          : seg(`✗ certificate fails: ${cert.value.failures[0]?.message ?? ''}`, 'bad')
        : seg(
            cert.error.kind === 'limit'
              ? `${cert.error.message} (not checked)`
              : `certificate not checked: ${cert.error.message}`,
            'warn',
          );
  const constants = Object.entries(j.constants).filter(([name]) => name !== 'radius');
  return [
    [
      seg(`${j.embedding}`, 'bold'),
      seg(` · d = ${j.dimension} · x0 = ${pointText(j.start)}`),
      seg(` · ${j.words.length} word${j.words.length === 1 ? '' : 's'} · built in ${Math.round(v.ms)} ms`, 'dim'),
    ],
    ...wrap(certSeg.text, width).map((l) => [seg(l, certSeg.style)] as Line),
    ...(constants.length > 0
      ? [
          [
            seg(
              constants.map(([name, value]) => `${name === 'gain' ? 'H' : name} = ${num(value)}`).join(' · '),
              'accent',
            ),
          ] as Line,
        ]
      : []),
    ...wrap(j.regions.description, width).map((l) => [seg(l, 'dim')] as Line),
    ...wrap(`${j.target.description}, F = {${listText(j.accepting.map(String), width)}}`, width).map(
      (l) => [seg(l, 'dim')] as Line,
    ),
  ];
}

/** The word lines of a vocabulary, per width (computed once: frames are drawn per key press). */
const wordLines = new WeakMap<VocabularyView, Map<number, Line[]>>();

function wordsOf(v: VocabularyView, width: number): Line[] {
  let byWidth = wordLines.get(v);
  if (byWidth === undefined) wordLines.set(v, (byWidth = new Map<number, Line[]>()));
  let lines = byWidth.get(width);
  if (lines === undefined) {
    lines = [];
    const labelWidth = Math.min(12, Math.max(...v.json.words.map((w) => textWidth(w.label))));
    for (const word of v.json.words) {
      lines.push([seg(fit(word.label, 12).padEnd(labelWidth), 'key'), seg(`  f_${word.class}`, 'dim')]);
      lines.push(...mapLines(word.map, v.json, width));
    }
    byWidth.set(width, lines);
  }
  return lines;
}

/** Every line of the pane, before scrolling. */
function allLines(m: ScreenModel, width: number): Line[] {
  const r = m.vocabulary.value;
  const lazy = lazyNote(m, `The ${m.ui.embedding} vocabulary is`, width);
  if (lazy !== null) return lazy;
  if (m.language.good === null) return [[seg('no language yet', 'dim')]];
  if (r === undefined) return [[seg(`${m.spinner || '…'} building the ${m.ui.embedding} vocabulary…`, 'warn')]];
  if (!r.ok) return wrap(`✗ ${r.error.message}`, width).map((l) => [seg(l, 'bad')]);
  const v = r.value;
  const lines = headLines(m, v, width);
  if (m.vocabulary.pending) lines.unshift([seg(`${m.spinner} updating…`, 'warn')]);
  return [...lines, ...wordsOf(v, width)];
}

/** The vocabulary pane, scrolled to the user's position. */
export function vocabPane(m: ScreenModel, width: number, height: number): Line[] {
  const lines = allLines(m, width);
  if (lines.length <= height) return lines;
  const top = Math.min(m.ui.scroll.vocab, lines.length - height + 1);
  const shown = lines.slice(top, top + height - 1);
  shown.push([
    seg(
      `${top > 0 ? `↑ ${top} above  ` : ''}↓ ${Math.max(0, lines.length - top - height + 1)} more · ↑↓ PgUp PgDn scroll`,
      'dim',
    ),
  ]);
  return shown;
}

/** How far the vocabulary pane can scroll at this size. */
export function vocabMaxScroll(m: ScreenModel, width: number, height: number): number {
  return Math.max(0, allLines(m, width).length - height + 1);
}
