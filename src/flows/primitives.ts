/**
 * The base vocabulary V of `flow2d`: twelve primitive flows of the plane,
 * fixed once and for all (they do not depend on any language). Each is the
 * flow of an autonomous Lipschitz vector field, so it exists for every time
 * t and has a closed form; the *word* is its time-1 map.
 *
 * | flow | field | time-t map |
 * |---|---|---|
 * | hx, dx | x' = ∓ln2·x | x·2^∓t |
 * | hy, dy | y' = ∓ln2·y | y·2^∓t |
 * | tx+, tx- | x' = ±1 | x ± t |
 * | ty+, ty- | y' = ±1 | y ± t |
 * | ry+, ry- | y' = ±relu(x) | y ± t·relu(x) (x is constant along the flow) |
 * | rx+, rx- | x' = ±relu(y) | x ± t·relu(y) (y is constant along the flow) |
 *
 * Every flow's inverse is another flow of V (time reversal), which is why
 * every phrase has an inverse phrase.
 */

/** The names of the twelve primitive flows. */
export type FlowName = 'hx' | 'dx' | 'hy' | 'dy' | 'tx+' | 'tx-' | 'ty+' | 'ty-' | 'ry+' | 'ry-' | 'rx+' | 'rx-';

/** All primitive flows, in the order of docs/ARCHITECTURE.md ("flow2d"). */
export const FLOW_NAMES: readonly FlowName[] = [
  'hx',
  'dx',
  'hy',
  'dy',
  'tx+',
  'tx-',
  'ty+',
  'ty-',
  'ry+',
  'ry-',
  'rx+',
  'rx-',
];

/** A primitive flow as a person reads it. */
export interface PrimitiveFlow {
  readonly name: FlowName;
  /** The name read out, e.g. `hx` = "halve x" (what the time-1 map does). */
  readonly gloss: string;
  /** The flow that undoes this one (same field, reversed time). */
  readonly inverse: FlowName;
  /** The vector field, e.g. `y' = relu(x)`. */
  readonly field: string;
  /** The time-1 map, e.g. `y ↦ y + relu(x)`. */
  readonly timeOne: string;
  /** The closed form at time t. */
  readonly closedForm: string;
}

/** The table of V. */
export const PRIMITIVES: { readonly [F in FlowName]: PrimitiveFlow } = {
  hx: {
    name: 'hx',
    gloss: 'halve x',
    inverse: 'dx',
    field: "x' = -ln2·x",
    timeOne: 'x ↦ x/2',
    closedForm: '(x·2^-t, y)',
  },
  dx: {
    name: 'dx',
    gloss: 'double x',
    inverse: 'hx',
    field: "x' = ln2·x",
    timeOne: 'x ↦ 2x',
    closedForm: '(x·2^t, y)',
  },
  hy: {
    name: 'hy',
    gloss: 'halve y',
    inverse: 'dy',
    field: "y' = -ln2·y",
    timeOne: 'y ↦ y/2',
    closedForm: '(x, y·2^-t)',
  },
  dy: {
    name: 'dy',
    gloss: 'double y',
    inverse: 'hy',
    field: "y' = ln2·y",
    timeOne: 'y ↦ 2y',
    closedForm: '(x, y·2^t)',
  },
  'tx+': {
    name: 'tx+',
    gloss: 'shift x right by 1',
    inverse: 'tx-',
    field: "x' = 1",
    timeOne: 'x ↦ x + 1',
    closedForm: '(x + t, y)',
  },
  'tx-': {
    name: 'tx-',
    gloss: 'shift x left by 1',
    inverse: 'tx+',
    field: "x' = -1",
    timeOne: 'x ↦ x - 1',
    closedForm: '(x - t, y)',
  },
  'ty+': {
    name: 'ty+',
    gloss: 'shift y up by 1',
    inverse: 'ty-',
    field: "y' = 1",
    timeOne: 'y ↦ y + 1',
    closedForm: '(x, y + t)',
  },
  'ty-': {
    name: 'ty-',
    gloss: 'shift y down by 1',
    inverse: 'ty+',
    field: "y' = -1",
    timeOne: 'y ↦ y - 1',
    closedForm: '(x, y - t)',
  },
  'ry+': {
    name: 'ry+',
    gloss: 'raise y by relu(x)',
    inverse: 'ry-',
    field: "y' = relu(x)",
    timeOne: 'y ↦ y + relu(x)',
    closedForm: '(x, y + t·relu(x))',
  },
  'ry-': {
    name: 'ry-',
    gloss: 'lower y by relu(x)',
    inverse: 'ry+',
    field: "y' = -relu(x)",
    timeOne: 'y ↦ y - relu(x)',
    closedForm: '(x, y - t·relu(x))',
  },
  'rx+': {
    name: 'rx+',
    gloss: 'push x right by relu(y)',
    inverse: 'rx-',
    field: "x' = relu(y)",
    timeOne: 'x ↦ x + relu(y)',
    closedForm: '(x + t·relu(y), y)',
  },
  'rx-': {
    name: 'rx-',
    gloss: 'push x left by relu(y)',
    inverse: 'rx+',
    field: "x' = -relu(y)",
    timeOne: 'x ↦ x - relu(y)',
    closedForm: '(x - t·relu(y), y)',
  },
};

/** Op codes for the evaluator's switch (index into FLOW_NAMES). */
export const FLOW_CODE: { readonly [F in FlowName]: number } = Object.fromEntries(FLOW_NAMES.map((f, i) => [f, i])) as {
  readonly [F in FlowName]: number;
};

/** Whether a string names a primitive flow. */
export function isFlowName(s: string): s is FlowName {
  return (FLOW_NAMES as readonly string[]).includes(s);
}

const POW2 = new Float64Array(2 * 1075 + 1);
{
  // 2^e for every integer e whose power of two is a double, built by exact
  // doubling/halving so no library pow() rounding can creep in.
  let p = 1;
  for (let e = 0; e <= 1023; e++, p *= 2) POW2[1074 + e] = p;
  p = 1;
  for (let e = 0; e >= -1074; e--, p /= 2) POW2[1074 + e] = p;
}

/** 2^t, exact for integer t (0 or Infinity beyond the double range). */
export function pow2(t: number): number {
  if (Number.isInteger(t)) {
    if (t > 1023) return Infinity;
    if (t < -1074) return 0;
    return POW2[1074 + t]!;
  }
  return 2 ** t;
}

const LN2 = Math.LN2;

/**
 * The closed form of flow `code` (see FLOW_CODE) at time `t`, written into
 * `out[0..1]`. For integer t the scalings are exact powers of two, so a run
 * of r time-1 flows costs one floating-point operation and rounds at most
 * once — the same as the time-r flow it is.
 */
export function flowCodeAt(code: number, t: number, x: number, y: number, out: Float64Array | number[]): void {
  switch (code) {
    case 0:
      out[0] = x * pow2(-t);
      out[1] = y;
      return;
    case 1:
      out[0] = x * pow2(t);
      out[1] = y;
      return;
    case 2:
      out[0] = x;
      out[1] = y * pow2(-t);
      return;
    case 3:
      out[0] = x;
      out[1] = y * pow2(t);
      return;
    case 4:
      out[0] = x + t;
      out[1] = y;
      return;
    case 5:
      out[0] = x - t;
      out[1] = y;
      return;
    case 6:
      out[0] = x;
      out[1] = y + t;
      return;
    case 7:
      out[0] = x;
      out[1] = y - t;
      return;
    case 8:
      out[0] = x;
      out[1] = x > 0 ? y + t * x : y;
      return;
    case 9:
      out[0] = x;
      out[1] = x > 0 ? y - t * x : y;
      return;
    case 10:
      out[0] = y > 0 ? x + t * y : x;
      out[1] = y;
      return;
    case 11:
      out[0] = y > 0 ? x - t * y : x;
      out[1] = y;
      return;
    default:
      throw new RangeError(`no primitive flow with code ${code}`);
  }
}

/** The closed form of a primitive flow at time t (any real t). */
export function flowAt(flow: FlowName, t: number, x: number, y: number): [number, number] {
  const out: [number, number] = [0, 0];
  flowCodeAt(FLOW_CODE[flow], t, x, y, out);
  return out;
}

/** The vector field of a primitive flow at (x, y). */
export function fieldAt(flow: FlowName, x: number, y: number): [number, number] {
  switch (flow) {
    case 'hx':
      return [-LN2 * x, 0];
    case 'dx':
      return [LN2 * x, 0];
    case 'hy':
      return [0, -LN2 * y];
    case 'dy':
      return [0, LN2 * y];
    case 'tx+':
      return [1, 0];
    case 'tx-':
      return [-1, 0];
    case 'ty+':
      return [0, 1];
    case 'ty-':
      return [0, -1];
    case 'ry+':
      return [0, Math.max(x, 0)];
    case 'ry-':
      return [0, -Math.max(x, 0)];
    case 'rx+':
      return [Math.max(y, 0), 0];
    case 'rx-':
      return [-Math.max(y, 0), 0];
  }
}

/** The inverse of a primitive flow. */
export function inverseFlow(flow: FlowName): FlowName {
  return PRIMITIVES[flow].inverse;
}
