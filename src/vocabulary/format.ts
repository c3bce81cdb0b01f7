/**
 * Text renderings of vocabularies, certificates and trajectories for the
 * command line. Pure string building; front ends print the result.
 */
import { textWidth } from '../present/width.js';
import type { Certificate, VocabularyJson } from './types.js';
import type { Trace } from './trace.js';
import { embeddingSpec, plural } from './registry.js';

function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const short = Number(x.toPrecision(12));
  return String(short);
}

function pt(p: readonly number[]): string {
  const xs = p.map(num);
  return xs.length > 10 ? `(${xs.slice(0, 10).join(', ')}, … ${xs.length} coordinates)` : `(${xs.join(', ')})`;
}

/** The whole vocabulary: header, then every word with its map's real parameters. */
export function formatVocabulary(json: VocabularyJson): string {
  const lines: string[] = [];
  const labels = json.words.map((w) => w.label);
  lines.push(
    `${json.embedding} vocabulary: ${plural(json.states, 'state')}, ${plural(json.words.length, 'word')} (${labels.join(', ')}), space ℝ^${json.dimension}`,
  );
  lines.push(`start x0 = ${pt(json.start)} in R_${json.startState}; accepting {${json.accepting.join(', ')}}`);
  lines.push(`regions: ${json.regions.description}`);
  lines.push(`target: ${json.target.description}`);
  const constants = Object.entries(json.constants);
  if (constants.length > 0) lines.push(`constants: ${constants.map(([k, v]) => `${k} = ${num(v)}`).join(', ')}`);
  for (const w of json.words) {
    lines.push('');
    lines.push(...embeddingSpec(json.embedding).formatWord(w.map, w.label, json));
  }
  return lines.join('\n');
}

/** One line (plus failures) for a certificate. */
export function formatCertificate(c: Certificate): string {
  const size = `${plural(c.states, 'state')} × ${plural(c.classes, 'class')}`;
  const head = c.holds
    ? `${c.embedding}: the certificate holds (${c.method}); margin ${num(c.margin)}; ${size}`
    : `${c.embedding}: the certificate fails (${c.method}): ${plural(c.failureCount, 'failure')}; ${size}`;
  if (c.holds) return head;
  const more = c.failureCount > c.failures.length ? [`  … ${c.failureCount - c.failures.length} more`] : [];
  return [head, ...c.failures.map((f) => `  ${f.condition}: ${f.message}`), ...more].join('\n');
}

/** A trajectory as a table: step, symbol, class, DFA state, region, point. */
export function formatTrace(t: Trace): string {
  const rows: string[][] = [['step', 'symbol', 'class', 'state', 'region', 'point']];
  for (const s of t.steps) {
    rows.push([
      String(s.index),
      s.symbol === null ? '' : JSON.stringify(s.symbol),
      s.label ?? '',
      String(s.state),
      s.region === null ? '—' : `R_${s.region}${s.inTarget ? ' ⊆ T' : ''}`,
      pt(s.point),
    ]);
  }
  // Columns by display width: an emoji or a CJK letter takes two cells.
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => textWidth(r[i]!))));
  const lines = rows.map((r) =>
    r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - textWidth(cell)))).join('  '),
  );
  lines.push(
    `${t.accept ? 'accept' : 'reject'} (${t.embedding}: the end point is ${t.accept ? 'in' : 'outside'} T; the DFA ${t.dfaAccept ? 'accepts' : 'rejects'})`,
  );
  return lines.join('\n');
}
