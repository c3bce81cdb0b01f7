/**
 * The paper's main theorem, runnable: maps of the plane as sentences over
 * one fixed vocabulary V* of sixteen words (flow2d's twelve primitive flows
 * plus the relu self-flows sx±, sy±). See `approximateMap`.
 */
export {
  type ScalingWordName,
  type WordName,
  type Word,
  type DyadicPoint,
  VOCABULARY,
  WORDS,
  WORD_CODE,
  isWordName,
  inverseWord,
  wordAt,
  wordCodeAt,
  wordFieldAt,
  wordExact,
} from './vocabulary.js';
export {
  type Run,
  type Sentence,
  type CompiledSentence,
  type PathVertex,
  sentenceLength,
  compileSentence,
  runCompiledSentence,
  evaluateSentence,
  evaluateSentenceExact,
  evaluateSentenceExactAt,
  sentencePath,
  invertSentence,
  SentenceWriter,
  formatSentence,
  parseSentence,
} from './sentence.js';
export { TimeBudget, OutOfTime } from './budget.js';
export { type Box, type Function1, type Step, type StepReport, SentenceTooLong, applyStep } from './steps.js';
export { type Matrix2, type BuiltPlan, affineSteps, applyPlan, buildPlan } from './plan.js';
export {
  type MapTarget,
  type SeparableField,
  type ApproximateOptions,
  type Approximation,
  type SplittingReport,
  approximateMap,
  gridDistance,
  splittingSteps,
  inverseOf,
} from './approximate.js';
export {
  type ExprPair,
  pairTarget,
  pairMap,
  pairImageBox,
  separableField,
  function1,
  flowReference,
  newtonInverse,
} from './targets.js';
