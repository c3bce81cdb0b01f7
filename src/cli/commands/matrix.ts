/**
 * `wordflow matrix MATRIX`: a sentence over one finite vocabulary of d×d
 * matrices whose product is within ε of MATRIX (Frobenius), with the error
 * proved; `--curve` shows how the length grows as ε shrinks, for both
 * vocabularies.
 */
import { type Command, Option } from 'commander';
import { WordflowError } from '../../errors.js';
import { DEFAULT_MATRIX_LIMITS, MATRIX_LIMIT_FLAGS, type MatrixLimits } from '../../limits.js';
import { approximateMatrix, type MatrixApproximation } from '../../matrix/compile.js';
import { matrixCurve, type CurveCell } from '../../matrix/curve.js';
import { matrixStrings, wordMatrix } from '../../matrix/evaluate.js';
import { Mid, Up, type UpValue } from '../../matrix/interval.js';
import { approximationJson } from '../../matrix/json.js';
import { parseMatrixText } from '../../matrix/parse.js';
import { decimalTarget, rotationTarget, type MatrixTarget } from '../../matrix/target.js';
import {
  MATRIX_VOCABULARIES,
  type MatrixVocabulary,
  type MatrixVocabularyName,
  type MatrixWord,
} from '../../matrix/vocabulary.js';
import { matrixCurveSvg } from '../../present/matrixCurve.js';
import { action, emit, EXIT, intOption, readText, withOutput } from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface MatrixOptions {
  eps: string;
  vocabulary: string;
  rotation?: string;
  file?: string;
  json?: boolean;
  curve?: boolean;
  format?: string;
  reflection?: boolean;
  maxLength?: string;
  maxDimension?: string;
  output?: string;
}

/** ε as people write it: 1e-6, 0.5, 2.5e-3. */
function epsText(eps: number): string {
  return eps >= 1e-3 && eps < 1e3 ? String(eps) : eps.toExponential().replace('e+', 'e');
}

function parseEps(text: string): number {
  const eps = Number(text);
  if (text.trim() === '' || !Number.isFinite(eps) || eps <= 0)
    throw new WordflowError('usage', `--eps needs a positive number, got '${text}'`);
  return eps;
}

function loadTarget(matrix: string | undefined, opts: MatrixOptions): MatrixTarget {
  const given = [matrix !== undefined, opts.rotation !== undefined, opts.file !== undefined].filter(Boolean).length;
  if (given !== 1)
    throw new WordflowError(
      'usage',
      'give exactly one target: MATRIX as JSON rows (e.g. [[0,-1],[1,0]]), --rotation θ, or --file F',
    );
  if (opts.rotation !== undefined) {
    const theta = opts.rotation.trim();
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,4})?$/.test(theta))
      throw new WordflowError(
        'usage',
        `--rotation needs an angle in radians as a decimal number, got '${opts.rotation}'`,
      );
    return rotationTarget(theta.replace(/^\+/, ''));
  }
  const text = opts.file !== undefined ? readText(opts.file) : matrix!;
  const rows = parseMatrixText(text, opts.file);
  return decimalTarget(rows, opts.file ?? text.trim());
}

/** A number for people: up to 3 significant digits, rounded up (bounds stay bounds). */
function upper3(x: UpValue): string {
  if (x.isZero()) return '0';
  return x
    .toSignificantDigits(3, Up.ROUND_UP)
    .toExponential()
    .replace(/e\+?/, 'e')
    .replace(/\.?0+e/, 'e');
}
function mid3(x: InstanceType<typeof Mid>): string {
  if (x.isZero()) return '0';
  return x
    .toSignificantDigits(3)
    .toExponential()
    .replace(/e\+?/, 'e')
    .replace(/\.?0+e/, 'e');
}

/** Up to 8 significant digits for reading; exact strings that fit are kept. */
function short(s: string): string {
  if (s.replace(/^-/, '').length <= 10) return s;
  const x = new Mid(s);
  return `${x.toSignificantDigits(8).toString()}…`;
}

function wordPicture(v: MatrixVocabulary, w: MatrixWord): string {
  if (v.dimension <= 3)
    return `[${matrixStrings(wordMatrix(v, w.name))
      .map((r) => `[${r.map(short).join(', ')}]`)
      .join(', ')}]`;
  const a = w.action;
  if (a.kind === 'shear') {
    const e = w.name.replace(/[-+].*$/, '');
    const c = w.time === '√2' ? '√2·' : '';
    return `I ${w.name.includes('-') ? '-' : '+'} ${c}${e}`;
  }
  return w.name === 'R'
    ? 'diag(-1, 1, …)'
    : `I with entry ${a.index + 1},${a.index + 1} = ${short(matrixStrings(wordMatrix(v, w.name))[a.index]![a.index]!)}`;
}

function determinantLine(r: MatrixApproximation): string {
  const det = r.target.determinant;
  const kron = r.vocabulary.name === 'kronecker';
  const lb = r.parts.determinantLowerBound;
  if (r.determinantWords === null) {
    if (kron || det.log2 === 0) return `det ${det.text} needs no scaling word`;
    const n = Math.abs(det.log2!);
    return `det ${det.text} = 2^${det.log2}: ${n} exact ${det.log2! > 0 ? 'doubling' : 'halving'}${n === 1 ? '' : 's'}`;
  }
  const { a, b } = r.determinantWords;
  const form = kron ? `e^(${a} + ${b}·√2)` : `e^${a}·2^${b}`;
  const steps = kron ? '±1 or ±√2' : '±1 (K±) or ±ln 2 (D/H)';
  const bound =
    lb === null
      ? 'ε is too large here for a lower bound'
      : `any sentence within ε needs ≥ ${lb.toLocaleString('en-US')} of them ` +
        `(each word moves ln det by 0, ${steps}; three-distance theorem: Θ(1/ε))`;
  return `det ${det.text} ≈ ${form}: ${r.parts.determinant.toLocaleString('en-US')} scaling words, and ${bound}`;
}

/** Most runs of a sentence printed as text. */
const SHOWN_RUNS = 60;

function renderText(r: MatrixApproximation): string {
  const v = r.vocabulary;
  const d = v.dimension;
  const out: string[] = [];
  out.push(
    `target ${r.target.description}: ${d}×${d}, det ${r.target.determinant.text}; ` +
      `ε = ${epsText(r.eps)}; ${v.name} vocabulary of ${v.words.length} words`,
  );
  const used = v.words.filter((w) => r.sentence.some(([n]) => n === w.name));
  out.push(`words used (each the time-${v.name === 'kronecker' ? 't' : '1'} flow of a linear field):`);
  const width = Math.max(...used.map((w) => w.name.length));
  const pictures = used.map((w) => wordPicture(v, w));
  const pw = Math.max(...pictures.map((p) => p.length));
  used.forEach((w, i) =>
    out.push(
      `  ${w.name.padEnd(width)}  ${pictures[i]!.padEnd(pw)}  ${w.field}` +
        (v.name === 'kronecker' ? `, t = ${w.time}` : ''),
    ),
  );
  out.push(`sentence, ${r.length.toLocaleString('en-US')} words (first applied first; its matrix is W${r.length}⋯W1):`);
  const all = r.sentence.map(([n, c]) => (c === 1 ? n : `${n}^${c}`));
  // Long determinants alternate two runs hundreds of times: show both ends.
  const runs =
    all.length <= SHOWN_RUNS
      ? all
      : [
          ...all.slice(0, SHOWN_RUNS - 10),
          `… ${all.length - SHOWN_RUNS} more runs (--json lists all) …`,
          ...all.slice(-10),
        ];
  let line = ' ';
  for (const run of runs) {
    if (line.length + run.length + 1 > 100) {
      out.push(line);
      line = ' ';
    }
    line += ` ${run}`;
  }
  if (line.trim() !== '') out.push(line);
  const product = matrixStrings(r.product);
  const exact = r.productValue.every((row) => row.every((b) => b.rad.isZero()));
  out.push(`product (${exact ? 'exact' : '10 significant digits shown; --json gives 50'}):`);
  for (const row of product)
    out.push(`  [${row.map((s) => (exact ? s : new Mid(s).toSignificantDigits(10).toString())).join(', ')}]`);
  out.push(
    `error: ‖product − target‖_F ≤ ${upper3(r.error.bound)} (proved), ` +
      `measured ${mid3(r.error.measured)}; ε = ${epsText(r.eps)}`,
  );
  const p = r.parts;
  const shearPart =
    v.name === 'dyadic'
      ? `${p.shears.toLocaleString('en-US')} shear digits and ${p.halvings.toLocaleString('en-US')} halvings/doublings ` +
        `for the d²-1 = ${d * d - 1} shear parameters (Horner: about 2·log2(1/ε) each)`
      : `${p.shears.toLocaleString('en-US')} shear words for the d²-1 = ${d * d - 1} shear parameters ` +
        'as p + q√2 (|q| ≈ 1/η within η: Θ(1/ε))';
  out.push(
    `where the length goes: ${shearPart}; ${determinantLine(r)}${p.fixed > 0 ? `; ${p.fixed} fixed word (R)` : ''}`,
  );
  return out.join('\n');
}

function cellText(c: CurveCell, limit: number): [string, string] {
  if ('limit' in c) return [`> ${limit.toLocaleString('en-US')}`, '—'];
  return [c.length.toLocaleString('en-US'), upper3(new Up(c.bound))];
}

/** Adds the `matrix` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('matrix')
    .description(descriptionOf('matrix'))
    .argument('[matrix]', "the target as JSON rows, e.g. '[[0,-1],[1,0]]' (entries are exact decimals)")
    .option('--eps <e>', 'the tolerance in the Frobenius norm', '1e-6')
    .addOption(
      new Option(
        '--vocabulary <name>',
        "dyadic (shears, halvings, K±) or kronecker (the paper's exp(±τA), τ ∈ {1, √2})",
      )
        .choices([...MATRIX_VOCABULARIES])
        .default('dyadic'),
    )
    .option('--rotation <theta>', 'the target is the 2×2 rotation by θ radians')
    .option('--file <file>', 'read the target (JSON rows) from a file')
    .option(
      '--json',
      'one JSON value: vocabulary, sentence, length, product, target, error (schemas/matrix.schema.json)',
    )
    .option('--curve', 'length and proved error for ε = 1e-1 … 1e-8, both vocabularies')
    .addOption(
      new Option('--format <format>', 'with --curve: a text table or an SVG log-log plot')
        .choices(['table', 'svg'])
        .default('table'),
    )
    .option('--reflection', 'add R = diag(-1, 1, …) so targets with det < 0 are reachable')
    .option(
      `${MATRIX_LIMIT_FLAGS.maxSentenceLength} <n>`,
      `longest sentence built, in words (default ${DEFAULT_MATRIX_LIMITS.maxSentenceLength})`,
    )
    .option(
      `${MATRIX_LIMIT_FLAGS.maxDimension} <n>`,
      `largest dimension d (default ${DEFAULT_MATRIX_LIMITS.maxDimension}, at most 16)`,
    );
  withOutput(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow matrix '[[0,-1],[1,0]]'                 # a quarter turn: 3 shears, exact
  $ wordflow matrix --rotation 1 --eps 1e-4          # Horner digits between halvings
  $ wordflow matrix '[[1.99,0],[0,1]]' --eps 1e-3    # the determinant costs Θ(1/ε)
  $ wordflow matrix --rotation 1 --curve             # dyadic log(1/ε) against kronecker 1/ε
  $ wordflow matrix --rotation 1 --curve --format svg -o curve.svg
  $ wordflow matrix '[[0,1],[1,0]]' --reflection     # det < 0 needs R

The sentence's first word is applied first: its matrix is Wn⋯W1.`,
  );
  cmd.action(
    action(async (matrix: string | undefined, opts: MatrixOptions) => {
      const limits: { -readonly [K in keyof MatrixLimits]?: number } = {};
      if (opts.maxLength !== undefined)
        limits.maxSentenceLength = intOption(opts.maxLength, MATRIX_LIMIT_FLAGS.maxSentenceLength);
      if (opts.maxDimension !== undefined) {
        limits.maxDimension = intOption(opts.maxDimension, MATRIX_LIMIT_FLAGS.maxDimension);
        if (limits.maxDimension > 16)
          throw new WordflowError(
            'usage',
            `${MATRIX_LIMIT_FLAGS.maxDimension} is at most 16 (word names stay unambiguous up to there)`,
          );
      }
      const eps = parseEps(opts.eps);
      const target = loadTarget(matrix, opts);
      const vocabulary = opts.vocabulary as MatrixVocabularyName;
      if (opts.format === 'svg' && opts.curve !== true)
        throw new WordflowError('usage', '--format svg draws the --curve; add --curve');
      if (opts.curve) {
        const points = matrixCurve(target, { reflection: opts.reflection === true, limits });
        const max = limits.maxSentenceLength ?? DEFAULT_MATRIX_LIMITS.maxSentenceLength;
        if (opts.format === 'svg') {
          await emit(matrixCurveSvg(points, `Sentence length against ε: ${target.description}`), opts.output);
        } else if (opts.json) {
          await emit(JSON.stringify({ target: target.description, curve: points }), opts.output);
        } else {
          const rows = points.map((p) => [epsText(p.eps), ...cellText(p.dyadic, max), ...cellText(p.kronecker, max)]);
          const head = ['ε', 'dyadic words', 'error ≤', 'kronecker words', 'error ≤'];
          const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
          const fmt = (cells: string[]) =>
            cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
          const text = [
            `sentence length and proved error (Frobenius) against ε for ${target.description}`,
            fmt(head),
            ...rows.map(fmt),
            'dyadic grows like log(1/ε): each shear parameter is read digit by digit between halvings;',
            'kronecker grows like 1/ε: a parameter p + q√2 within η needs |q| ≈ 1/η (three-distance theorem).',
          ].join('\n');
          await emit(text, opts.output);
        }
        return EXIT.yes;
      }
      const r = approximateMatrix(target, { eps, vocabulary, reflection: opts.reflection === true, limits });
      await emit(opts.json ? JSON.stringify(approximationJson(r)) : renderText(r), opts.output);
      return EXIT.yes;
    }),
  );
}
