/**
 * Map expressions: formulas in x and y that name the coordinates of maps of
 * the plane and of vector fields (the targets of `wordflow approx`). Parsed
 * with chevrotain, evaluated by interpreting the tree (never `eval`), in
 * doubles, as compiled closures, or rigorously over boxes with outward-rounded
 * interval arithmetic; differentiated symbolically.
 */
export {
  dependsOn,
  sameExpr,
  exprHeight,
  FUNCTION_ARITY,
  FUNCTION_NAMES,
  type MapExpr,
  type MapNumber,
  type MapVar,
  type MapConst,
  type MapNeg,
  type MapBinary,
  type MapCall,
  type MapVariable,
  type MapConstant,
  type MapOperator,
  type MapFunction,
} from './ast.js';
export { parseMapExpr } from './parse.js';
export { printMapExpr } from './print.js';
export { evaluate, compileExpr } from './evaluate.js';
export { evaluateInterval, boundOnBox, isUndefinedInterval, UNDEFINED_INTERVAL, type Interval } from './interval.js';
export { derivative } from './derivative.js';
export { nextUp, nextDown } from './float.js';
