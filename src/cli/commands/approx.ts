/**
 * `wordflow approx FX FY [FX FY …]`: a sentence over the fixed vocabulary
 * V* (sixteen words) within ε of the map (x, y) ↦ (FX, FY) on a box, or of a
 * separable field's time-T map with `--flow VX VY`. Prints the sentence, its
 * length, the error measured on a grid against an independent reference
 * (the expressions themselves, Newton for inverses, the reference
 * integrator for flows) and the proved bound where there is one; `--curve`
 * tabulates length against ε with the fitted rate; `--json` prints the
 * contract of schemas/approx.schema.json.
 */
import type { Command } from 'commander';
import {
  approximateMap,
  sentenceGridDistance,
  type Approximation,
  type CompositionPart,
  type MapTarget,
} from '../../approx/approximate.js';
import { OutOfTime, TimeBudget } from '../../approx/budget.js';
import { type Box, SentenceTooLong, type StepReport } from '../../approx/steps.js';
import { fieldTarget, linearFieldTarget } from '../../approx/general.js';
import {
  type ExprPair,
  flowReference,
  isSeparable,
  newtonInverse,
  pairImageBox,
  pairMap,
  pairTarget,
  separableField,
} from '../../approx/targets.js';
import { VOCABULARY } from '../../approx/vocabulary.js';
import { limitError, WordflowError } from '../../errors.js';
import { APPROX_LIMIT_FLAGS, DEFAULT_APPROX_LIMITS } from '../../limits.js';
import { parseMapExpr, type MapExpr } from '../../mapexpr/index.js';
import { approxToSvg } from '../../present/approx.js';
import { evaluateSentence, formatSentence } from '../../approx/sentence.js';
import { action, emit, EXIT, intOption, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface ApproxOptions {
  flow?: boolean;
  time?: string;
  domain?: string;
  eps?: string;
  maxLength?: number;
  maxSeconds?: string;
  inverse?: boolean;
  grid?: number;
  curve?: boolean;
  json?: boolean;
  format?: string;
  output?: string;
}

/** Reads `[x0,x1]x[y0,y1]`. */
export function parseDomain(text: string): Box {
  const m = /^\s*\[([^,\]]+),([^\]]+)\]\s*[x×]\s*\[([^,\]]+),([^\]]+)\]\s*$/.exec(text);
  const v = m?.slice(1).map((s) => Number(s.trim()));
  if (v === undefined || v.length !== 4 || !v.every(Number.isFinite) || !(v[0]! < v[1]!) || !(v[2]! < v[3]!)) {
    throw new WordflowError(
      'usage',
      `--domain needs a box like '[-1,1]x[-1,1]' with x0 < x1 and y0 < y1, got '${text}'`,
    );
  }
  return { x0: v[0]!, x1: v[1]!, y0: v[2]!, y1: v[3]! };
}

function positiveNumber(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isFinite(v) || !(v > 0))
    throw new WordflowError('usage', `${flag} needs a positive number, got '${text}'`);
  return v;
}

function parseExpr(text: string, what: string): MapExpr {
  try {
    return parseMapExpr(text);
  } catch (e) {
    if (e instanceof WordflowError)
      throw new WordflowError(e.kind, `${what}: ${e.message}`, e.span, e.source ?? text, e.sourceName);
    throw e;
  }
}

/** What to build and how to judge it. */
interface Job {
  readonly target: MapTarget;
  /** The independent reference the sentence is measured against. */
  readonly reference: (x: number, y: number, sentenceValue: readonly [number, number]) => readonly [number, number];
  /** For flows: the reference used to choose the splitting. */
  readonly flowReference?: (x: number, y: number) => readonly [number, number];
  readonly json: Record<string, unknown>;
  readonly referenceName: string;
  /** The target is already the inverse when --inverse is given (a backward flow or isotopy). */
  readonly selfInverse?: boolean;
}

function jobOf(args: readonly string[], opts: ApproxOptions, domain: Box): Job {
  if (opts.flow) {
    if (args.length !== 2)
      throw new WordflowError('usage', `--flow takes the field as two expressions VX VY, got ${args.length}`);
    const [tx, ty] = args as [string, string];
    const vx = parseExpr(tx, 'VX');
    const vy = parseExpr(ty, 'VY');
    const time = opts.time === undefined ? 1 : Number(opts.time);
    if (!Number.isFinite(time) || time === 0)
      throw new WordflowError('usage', `--time needs a non-zero number, got '${opts.time}'`);
    const forward = flowReference(vx, vy, time);
    const backward = flowReference(vx, vy, -time);
    const reference = opts.inverse ? backward : forward;
    const referenceName = `the reference integrator (DOP853, tolerance 1e-13)${opts.inverse ? ' run backwards' : ''}`;
    const json = { kind: 'flow', field: [tx, ty], time };
    // Linear fields first (their time-T map is affine, exp(T·A)); other fields are built forwards or backwards as
    // their own targets (time −T for the inverse).
    const t = opts.inverse ? -time : time;
    const linear = linearFieldTarget(vx, vy, t);
    if (linear === undefined && isSeparable(vx, vy)) {
      const field = separableField(vx, vy, tx, ty);
      return {
        target: { kind: 'flow', field, time },
        reference: (x, y) => reference(x, y),
        flowReference: forward,
        json,
        referenceName,
      };
    }
    const target = linear ?? fieldTarget(vx, vy, t, domain);
    return {
      target,
      reference: (x, y) => reference(x, y),
      flowReference: reference,
      selfInverse: true,
      json,
      referenceName,
    };
  }
  if (opts.time !== undefined) throw new WordflowError('usage', '--time applies to --flow only');
  if (args.length === 0 || args.length % 2 !== 0) {
    throw new WordflowError('usage', `give the map as pairs FX FY (an even number of expressions), got ${args.length}`);
  }
  const pairs: ExprPair[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const n = args.length > 2 ? ` of map ${i / 2 + 1}` : '';
    pairs.push({
      fx: parseExpr(args[i]!, `FX${n}`),
      fy: parseExpr(args[i + 1]!, `FY${n}`),
      textX: args[i]!,
      textY: args[i + 1]!,
    });
  }
  const parts: MapTarget[] = [];
  let box = domain;
  pairs.forEach((p, i) => {
    parts.push(pairTarget(p, box, i, pairs.length));
    if (i + 1 < pairs.length) box = pairImageBox(p, box);
  });
  if (parts.length === 1 && parts[0]!.kind === 'isotopy') {
    // A general diffeomorphism: its isotopy is measured against the closed form (or Newton's inverse of it).
    const map = pairMap(pairs[0]!);
    const inv = newtonInverse(pairs[0]!);
    const target: MapTarget = opts.inverse ? { ...parts[0]!, backward: true } : parts[0]!;
    return {
      target,
      reference: opts.inverse ? (x, y, guess) => inv([x, y], guess) : (x, y) => map(x, y),
      flowReference: opts.inverse ? (x, y) => inv([x, y], [x, y]) : (x, y) => map(x, y),
      selfInverse: true,
      json: { kind: 'map', maps: pairs.map((p) => [p.textX, p.textY]) },
      referenceName: opts.inverse
        ? "the target's inverse by Newton's method on the expressions"
        : 'the expressions evaluated directly',
    };
  }
  const maps = pairs.map(pairMap);
  const forward = (x: number, y: number): readonly [number, number] =>
    maps.reduce<readonly [number, number]>((z, f) => f(z[0], z[1]), [x, y]);
  const inverses = pairs.map(newtonInverse).reverse();
  const invMaps = [...maps].reverse();
  // f⁻¹ by Newton, pair by pair from the last: each start guess is the sentence's value pushed through the
  // later pairs.
  const backward = (x: number, y: number, guess: readonly [number, number]): readonly [number, number] => {
    const starts: (readonly [number, number])[] = [guess];
    for (let k = 0; k + 1 < inverses.length; k++) starts.unshift(maps[k]!(starts[0]![0], starts[0]![1]));
    let w: readonly [number, number] = [x, y];
    inverses.forEach((inv, k) => (w = inv(w, starts[starts.length - 1 - k] ?? guess)));
    void invMaps;
    return w;
  };
  return {
    target: parts.length === 1 ? parts[0]! : { kind: 'compose', parts },
    reference: opts.inverse ? backward : (x, y) => forward(x, y),
    json: { kind: 'map', maps: pairs.map((p) => [p.textX, p.textY]) },
    referenceName: opts.inverse
      ? "the target's inverse by Newton's method on the expressions"
      : 'the expressions evaluated directly',
  };
}

/** The sup error of the sentence against the reference on an n×n grid of the domain. */
function measure(a: Approximation, job: Job, domain: Box, n: number): number {
  return sentenceGridDistance(a.sentence, job.reference, domain, n);
}

/**
 * Words per kind of work: knots swept, slope changes, Horner digits and frame changes, sx/sy scalings, and the
 * stretches' kinks (sx/sy bumps and the moves between them).
 */
function whereWordsGo(a: Approximation): Record<string, number> {
  const out = { knots: 0, slopes: 0, digits: 0, frames: a.finishWords, scaling: 0, stretch: 0 };
  const add = (r: StepReport): void => {
    const d = r.detail;
    switch (r.step.kind) {
      case 'coupling':
        out.knots += d['knots'] ?? 0;
        out.slopes += d['slopes'] ?? 0;
        out.digits += d['firstSlope'] ?? 0;
        out.frames += r.words - (d['knots'] ?? 0) - (d['slopes'] ?? 0) - (d['firstSlope'] ?? 0);
        break;
      case 'scale':
        out.scaling += r.words;
        break;
      case 'stretch':
        // sx/sy kinks and the moves between them.
        out.stretch += r.words;
        break;
      default:
        out.digits += d['digits'] ?? 0;
        out.frames += r.words - (d['digits'] ?? 0);
    }
  };
  a.steps.forEach(add);
  return out;
}

/** The refusal of a build that ran past `--max-seconds`: the limit, its flag and how far the build got. */
export function outOfTimeError(e: OutOfTime, eps: number): WordflowError {
  return new WordflowError(
    'limit',
    `build time: over the limit of ${e.seconds.toLocaleString('en-US')} s; raise it with ` +
      `${APPROX_LIMIT_FLAGS.maxSeconds}. At ε = ${eps} it stopped while ${e.progress}`,
    undefined,
    undefined,
    undefined,
    'maxSeconds',
  );
}

function build(job: Job, domain: Box, eps: number, opts: ApproxOptions, time: TimeBudget): Approximation {
  const maxLength = opts.maxLength ?? DEFAULT_APPROX_LIMITS.maxSentenceLength;
  try {
    const a = approximateMap(job.target, {
      domain,
      eps,
      maxLength,
      budget: time,
      ...(opts.inverse && !job.selfInverse ? { inverse: true } : {}),
      ...(job.flowReference === undefined ? {} : { reference: job.flowReference }),
    });
    // A linear field's affine map exp(T·A) is computed in floating point: the bound is to that map, not the flow.
    return opts.flow && job.target.kind === 'affine' ? { ...a, bound: null, constructionBound: a.bound } : a;
  } catch (e) {
    if (e instanceof SentenceTooLong) throw limitError(`sentence length (${e.what})`, 'maxSentenceLength', maxLength);
    if (e instanceof OutOfTime) throw outOfTimeError(e, eps);
    if (e instanceof RangeError) throw new WordflowError('usage', e.message);
    throw e;
  }
}

const sci = (v: number): string => (v === 0 ? '0' : v.toExponential(2));
const count = (n: number): string => n.toLocaleString('en-US');
const interval = (lo: number, hi: number): string => `[${Number(lo.toPrecision(4))}, ${Number(hi.toPrecision(4))}]`;

/** The maps a composition's piece holds, 1-based: "map 2" or "maps 1–3". */
const mapsOf = (p: CompositionPart): string =>
  p.parts[0] === p.parts[1] ? `map ${p.parts[0] + 1}` : `maps ${p.parts[0] + 1}–${p.parts[1] + 1}`;

/** A general map's splitting, in parentheses. */
function splittingText(p: CompositionPart): string {
  const s = p.splitting;
  return s === null ? '' : ` (${s.method}, ${s.steps} step${s.steps === 1 ? '' : 's'})`;
}

/** The error budget of a composition with a general map, one line per piece. */
function compositionLines(parts: readonly CompositionPart[]): string[] {
  return [
    'error budget: ε ≥ Σ eᵢ·(Lipschitz constants of the maps after it), each constant proved by interval ' +
      'arithmetic on its input box (the image of the maps before it, grown by the error reached there)',
    ...parts.map(
      (p) =>
        `  ${mapsOf(p)} (${p.kind === 'general' ? 'general, by its isotopy' : 'affine or coupling'}): ` +
        `e = ${sci(p.eps)}${p.weight === 1 ? '' : ` × ${p.weight.toPrecision(3)}`} on ` +
        `${interval(p.box.x0, p.box.x1)}×${interval(p.box.y0, p.box.y1)}, Lipschitz ≤ ${p.lipschitz.toPrecision(3)}, ` +
        `${count(p.words)} words, ` +
        (p.bound !== null ? `proved within ${sci(p.bound)}` : `measured${splittingText(p)}`),
    ),
  ];
}

/** The composition's pieces for --json. */
function compositionJson(parts: readonly CompositionPart[]): Record<string, unknown>[] {
  return parts.map((p) => ({
    maps: [p.parts[0] + 1, p.parts[1] + 1],
    kind: p.kind,
    box: [
      [p.box.x0, p.box.x1],
      [p.box.y0, p.box.y1],
    ],
    eps: p.eps,
    lipschitz: p.lipschitz,
    weight: p.weight,
    bound: p.bound,
    words: p.words,
    splitting: p.splitting,
  }));
}

/** Least-squares slope of log(length) against log(1/ε): length ≈ C·ε^−p. */
function fittedRate(rows: readonly { eps: number; length: number }[]): { p: number; c: number } | null {
  if (rows.length < 2) return null;
  const xs = rows.map((r) => Math.log(1 / r.eps));
  const ys = rows.map((r) => Math.log(r.length));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  const p = sxy / sxx;
  return { p, c: Math.exp(my - p * mx) };
}

/** `--format`: text, json (same as --json) or svg; `-o` goes with svg only. Sets `opts.json` for json. */
function pictureFormat(opts: ApproxOptions): 'text' | 'json' | 'svg' {
  const format = opts.format ?? (opts.json ? 'json' : 'text');
  if (format !== 'text' && format !== 'json' && format !== 'svg')
    throw new WordflowError('usage', `unknown format '${format}': use text, json or svg`);
  if (format === 'svg' && (opts.json || opts.curve))
    throw new WordflowError('usage', '--format svg draws one sentence: leave out --json and --curve');
  if (opts.output !== undefined && format !== 'svg')
    throw new WordflowError('usage', '-o/--output writes the picture of --format svg');
  if (format === 'json') opts.json = true;
  return format;
}

/** Adds the `approx` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('approx')
    .description(descriptionOf('approx'))
    .argument(
      '[exprs...]',
      'FX FY [FX FY …]: maps applied in order (with --flow: VX VY); expressions starting with - go after --',
    )
    .option('--flow', 'the expressions are a vector field VX VY; approximate its time-T map')
    .option('--time <T>', 'the time of the flow (default 1)')
    .option('--domain <box>', "the box Ω, '[x0,x1]x[y0,y1]'", '[-1,1]x[-1,1]')
    .option('--eps <e>', 'the tolerance ε: sup distance on Ω (default 1e-3)')
    .option(
      `${APPROX_LIMIT_FLAGS.maxSentenceLength} <n>`,
      `refuse sentences longer than n words (default ${count(DEFAULT_APPROX_LIMITS.maxSentenceLength)})`,
      (v) => intOption(v, APPROX_LIMIT_FLAGS.maxSentenceLength),
    )
    .option(
      `${APPROX_LIMIT_FLAGS.maxSeconds} <s>`,
      `stop building after s seconds, saying how far it got (default ${DEFAULT_APPROX_LIMITS.maxSeconds}; ` +
        'fitted general maps and fields can take minutes)',
    )
    .option('--inverse', 'the sentence of f⁻¹ (checked against Newton on the expressions, or the backward flow)')
    .option('--grid <n>', 'measure the error on an n×n grid of Ω (default 129)', (v) => intOption(v, '--grid'))
    .option('--curve', 'error and length for ε = 1e-1 … 1e-4, with the fitted rate length ≈ C·ε^−p')
    .option('--json', 'print the result as one JSON value')
    .option('--format <format>', "text, json or svg (a picture: Ω's grid deformed, one point's path, error heat map)")
    .option('-o, --output <file>', 'with --format svg: write the picture to FILE (- = stdout)')
    // Expressions may start with a minus sign ('-sin(x)'): unknown options are taken as expressions.
    .allowUnknownOption();
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow approx 'x + 0.3*sin(2*pi*y)' y --eps 1e-4
  $ wordflow approx '0.8*x - 0.6*y' '0.6*x + 0.8*y'          # a rotation
  $ wordflow approx '3*x' y --eps 1e-2                         # needs sx words
  $ wordflow approx --flow y '-sin(x)' --time 1 --eps 1e-3    # the pendulum
  $ wordflow approx --flow --eps 1e-3 -- x -y                  # a saddle: exp(T·A), an affine map
  $ wordflow approx 'x + 0.1*y^2' 'y + 0.1*x' --eps 1e-2       # a general diffeomorphism (its isotopy)
  $ wordflow approx '0.8*x - 0.6*y' '0.6*x + 0.8*y' x 'y + 0.2*x^3'   # a rotation, then a coupling
  $ wordflow approx '1.3*x' y --eps 1e-2 --format svg -o scale.svg   # the picture
  $ wordflow approx -- -x y                                    # refused: reverses orientation (exit 2)

The first word of the sentence is applied first. The words are the time-1 maps
of V*: hx dx hy dy (halve/double a coordinate), tx± ty± (translate by ±1),
ry± rx± (y ± relu(x), x ± relu(y)), sx± sy± (x ↦ e^±1·x where x > 0, same for y).`,
  );
  cmd.action(
    action(async (exprs: string[], opts: ApproxOptions) => {
      const domain = parseDomain(opts.domain ?? '[-1,1]x[-1,1]');
      const eps = positiveNumber(opts.eps, '--eps', 1e-3);
      const seconds = positiveNumber(opts.maxSeconds, APPROX_LIMIT_FLAGS.maxSeconds, DEFAULT_APPROX_LIMITS.maxSeconds);
      // One budget for the whole command: every row of a curve draws on it.
      const time = new TimeBudget(seconds);
      const grid = opts.grid ?? 129;
      if (grid < 2) throw new WordflowError('usage', `--grid needs at least 2 points a side, got ${grid}`);
      const format = pictureFormat(opts);
      const job = jobOf(exprs, opts, domain);
      const domainJson = [
        [domain.x0, domain.x1],
        [domain.y0, domain.y1],
      ];
      if (opts.curve) {
        const rows = [1e-1, 1e-2, 1e-3, 1e-4].map((e) => {
          const a = build(job, domain, e, opts, time);
          return { eps: e, length: a.length, error: measure(a, job, domain, grid), bound: a.bound };
        });
        const rate = fittedRate(rows);
        if (opts.json) {
          await writeLine(
            JSON.stringify({
              curve: rows,
              rate: rate?.p ?? null,
              domain: domainJson,
              grid: grid * grid,
              target: job.json,
            }),
          );
          return EXIT.yes;
        }
        const lines = [
          `error against length on ${domainJson.map((r) => `[${r.join(', ')}]`).join('×')} (errors measured ` +
            `on a ${grid}×${grid} grid against ${job.referenceName})`,
          '       ε     words   measured     proved',
          ...rows.map(
            (r) =>
              `${r.eps.toExponential(0).padStart(8)}  ${count(r.length).padStart(8)}   ${sci(r.error).padStart(8)} ` +
              `  ${(r.bound === null ? '—' : sci(r.bound)).padStart(8)}`,
          ),
        ];
        if (rate !== null) lines.push(`fitted rate: length ≈ ${rate.c.toPrecision(3)}·ε^−${rate.p.toFixed(2)}`);
        await writeLine(lines.join('\n'));
        return EXIT.yes;
      }
      const a = build(job, domain, eps, opts, time);
      const measured = measure(a, job, domain, grid);
      const where = whereWordsGo(a);
      if (format === 'svg') {
        const target = (x: number, y: number): readonly [number, number] =>
          job.reference(x, y, evaluateSentence(a.sentence, x, y));
        const title = `${opts.inverse ? 'the inverse of ' : ''}${opts.flow ? 'the time-T map of ' : ''}(${exprs.join(', ')})`;
        await emit(approxToSvg(a.sentence, target, domain, { eps, title }), opts.output);
        return measured <= eps ? EXIT.yes : EXIT.no;
      }
      if (opts.json) {
        await writeLine(
          JSON.stringify({
            vocabulary: VOCABULARY,
            sentence: a.sentence,
            length: a.length,
            domain: domainJson,
            error: { grid: measured, grid_points: grid * grid, bound: a.bound },
            target: { ...job.json, eps, inverse: opts.inverse === true },
            words: where,
            splitting: a.splitting,
            ...(a.composition === undefined ? {} : { composition: compositionJson(a.composition) }),
          }),
        );
        return EXIT.yes;
      }
      const box = domainJson.map((r) => `[${r.join(', ')}]`).join('×');
      const lines = [
        `sentence: ${a.length === 0 ? '(empty: the identity map)' : formatSentence(a.sentence, 24)}`,
        `length: ${count(a.length)} words over V* (16 words; first word applied first)`,
        `error: ${sci(measured)} measured on a ${grid}×${grid} grid of ${box} against ${job.referenceName}`,
        a.bound !== null
          ? `proved bound: ${sci(a.bound)} (exact arithmetic; interval bounds on the derivatives)`
          : a.composition !== undefined
            ? 'proved bound: none (a general map is built through its isotopy, whose error is measured, not proved)'
            : a.constructionBound !== null && a.splitting === null
              ? 'proved bound: none for the flow; the words are within ' +
                `${sci(a.constructionBound)} of the affine map exp(T·A) as computed in floating point, proved`
              : a.constructionBound !== null
                ? 'proved bound: none (the splitting error is measured, not proved); the words are within ' +
                  `${sci(a.constructionBound)} of the ${a.splitting?.method} splitting, proved`
                : 'proved bound: none (the fit, the splitting and the composition of the words are measured, not ' +
                  'proved; each step of words is within its own proved budget)',
        `where the words go: ${Object.entries(where)
          .filter(([, v]) => v > 0)
          .map(([k, v]) => `${k} ${count(v)}`)
          .join(', ')}`,
      ];
      if (a.composition !== undefined) lines.push(...compositionLines(a.composition));
      if (a.splitting !== null) {
        lines.push(
          `splitting: ${a.splitting.method}, ${a.splitting.steps} step${a.splitting.steps === 1 ? '' : 's'}, its own error ${sci(a.splitting.measured)} ` +
            `on a ${a.splitting.grid}×${a.splitting.grid} grid`,
        );
      }
      if (measured > eps) lines.push(`warning: the measured error exceeds ε = ${eps}`);
      await writeLine(lines.join('\n'));
      return measured <= eps ? EXIT.yes : EXIT.no;
    }),
  );
}
