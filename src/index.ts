/**
 * wordflow as a library: `import { compileRegex, vocabulary, trace } from 'wordflow'`.
 *
 * The pipeline of docs/ARCHITECTURE.md, one stage per export group, each a pure
 * function over readonly data (no I/O): parse text into an AST or an
 * automaton file, build the NFA, determinize and minimize into a complete
 * DFA over alphabet classes, operate on languages, count and list members,
 * go back to an expression, read the DFA as a vocabulary of maps (five
 * embeddings) with its certificate and trajectories, and draw any of it.
 * Every failure a person can cause is a `WordflowError` with a kind, a
 * plain-words message and, where it has one, a span into the input.
 *
 * @example
 * import { compileRegex, accepts, vocabulary, certify, trace } from 'wordflow';
 * const dfa = compileRegex('(a|b)*abb');
 * accepts(dfa, 'babb');                        // true
 * const v = vocabulary(dfa, 'flow2d');
 * certify(v).holds;                            // true: agrees with the DFA on every length
 * trace(v, 'abb').steps.map((s) => s.state);   // [0, 1, 2, 3]
 */

// Errors and limits.
export { WordflowError, formatError, errorLine, lineColumn, type ErrorKind, type Span } from './errors.js';
export { DEFAULT_LIMITS, LIMIT_FLAGS, limits, type Limits } from './limits.js';

// Syntax: expressions and automaton files.
export { parseRegex } from './syntax/regex/parse.js';
export { printRegex } from './syntax/regex/print.js';
export type { Regex, RegexKind } from './syntax/regex/ast.js';
export { SYNTAXES, DEFAULT_SYNTAX, syntaxName, type Syntax } from './syntax/regex/syntax.js';
export { parseFa } from './syntax/fa/parse.js';
export type { FaFile, FaState, FaEdge, FaLabel } from './syntax/fa/ast.js';

// The alphabet: code-point sets and their partition into classes.
export { classOf, classesOf, type Alphabet } from './alphabet/alphabet.js';
export { classLabel, classLabels, printClassLabel as formatCharSet } from './syntax/regex/print.js';
export { fromRanges, single, range, has, size, MAX_CODE_POINT, type CharSet, type Range } from './alphabet/charset.js';

// The pipeline: text → AST → NFA → DFA → minimal DFA.
export { compileRegex, compileFa, compileAst, nfaOfRegex, dfaOfNfa, type CompileOptions } from './language.js';
export { determinize, type Progress } from './automata/determinize.js';
export { minimize } from './automata/minimize.js';
export {
  accepts,
  complete,
  isComplete,
  deadState,
  dfaFromTable,
  classesOfString,
  runClasses,
  step,
  classCount,
  type Dfa,
} from './automata/dfa.js';
export type { Nfa } from './automata/nfa.js';

// Language operations.
export {
  union,
  intersection,
  difference,
  symmetricDifference,
  complement,
  concat,
  star,
  reverse,
  isEmpty,
  isFinite,
  isSubset,
  equivalence,
  shortestMember,
  type Equivalence,
} from './automata/ops.js';

// Members: counting, enumeration, sampling; and back to an expression.
export { countMembers, enumerate } from './automata/count.js';
export { sampleMembers } from './automata/sample.js';
export { regexOfDfa } from './automata/toRegex.js';

// The transition (syntactic) monoid.
export { transitionMonoid, wordOf, mapOf, elementOf, formatWord, type Monoid } from './automata/monoid.js';

// Deciding membership fast: the compiled matcher, the lazy DFA, incremental checking.
export { compileMatcher, type Matcher, type MatcherOptions, type Scanner, type Engine } from './matcher/index.js';
export { lazyDfa, type LazyDfa, type LazyRun } from './automata/lazy.js';
export { createIncremental, type Incremental } from './incremental/index.js';

// Vocabularies: a DFA as words (maps), sentences (compositions) and meanings.
export {
  vocabulary,
  certify,
  trace,
  explain,
  renderExplanation,
  formatVocabulary,
  formatCertificate,
  formatTrace,
  acceptsBy,
  sentence,
  verifyAll,
  embeddingName,
  isEmbeddingName,
  EMBEDDING_NAMES,
  decode,
  minimalGain,
  reluNetwork,
  evaluateNetwork,
  evaluateKnots,
  applyUnfolded,
  runUnfolded,
  type Vocabulary,
  type VocabularyOptions,
  type EmbeddingName,
  type Point,
  type VocabularyJson,
  type WordJson,
  type MapJson,
  type ReluNetworkJson,
  type Certificate,
  type CertificateFailure,
  type CertificateCondition,
  type Trace,
  type TraceStep,
  type TraceOptions,
  type Explanation,
  type Decoded,
  type TransformVocabulary,
  type OnehotVocabulary,
  type Relu1dVocabulary,
  type SigmoidVocabulary,
  type Flow2dVocabulary,
  type GainReport,
} from './vocabulary/index.js';

// The base vocabulary of flow2d: primitive plane flows and phrases over them.
export {
  PRIMITIVES,
  FLOW_NAMES,
  formatPhrase,
  parsePhrase,
  applyPhrase,
  invertPhrase,
  phraseLength,
  phraseTrajectory,
  type FlowName,
  type PrimitiveFlow,
  type Phrase,
  type PhraseStep,
  type FlowSample,
} from './flows/index.js';

// Approximation (the paper's main theorem): maps of the plane as sentences over the fixed 16-word vocabulary V*.
export {
  VOCABULARY,
  WORDS,
  isWordName,
  inverseWord,
  wordAt,
  wordFieldAt,
  type WordName,
  type ScalingWordName,
  type Word,
  type Run as SentenceRun,
  type Sentence,
  type PathVertex,
  sentenceLength as mapSentenceLength,
  evaluateSentence,
  evaluateSentenceExactAt,
  sentencePath,
  invertSentence as invertMapSentence,
  compileSentence,
  runCompiledSentence,
  type CompiledSentence,
  formatSentence,
  parseSentence,
  SentenceWriter,
  approximateMap,
  gridDistance,
  SentenceTooLong,
  TimeBudget,
  OutOfTime,
  type MapTarget,
  type SeparableField,
  type ApproximateOptions,
  type Approximation,
  type SplittingReport,
  type Function1,
  type Box as ApproxBox,
  type Matrix2,
  type Step as ApproxStep,
  type StepReport,
  pairTarget,
  separableField,
  flowReference,
  type ExprPair,
} from './approx/index.js';

// Presenting: JSON, text tables, runs, DOT and SVG pictures.
export { dfaToJson, type DfaJson } from './present/json.js';
export { dfaTable, type TableOptions } from './present/table.js';
export { runOf, formatRun, type DfaRun } from './present/run.js';
export { dfaToDot, edgeLabel, type DotOptions } from './present/dot.js';
export { dfaToSvg, renderDot, MAX_DRAWN_STATES, type SvgOptions } from './present/svg.js';
export { traceToSvg, MAX_PICTURE_STEPS, type TracePictureOptions } from './present/traceSvg.js';
export { approxToSvg, type ApproxPictureOptions, type PlaneMap, type PictureBox } from './present/approx.js';

// Map expressions: formulas in x and y for maps of the plane and vector fields (targets of approximation).
export {
  parseMapExpr,
  printMapExpr,
  evaluate,
  compileExpr,
  evaluateInterval,
  boundOnBox,
  isUndefinedInterval,
  UNDEFINED_INTERVAL,
  derivative,
  dependsOn,
  nextUp,
  nextDown,
  type MapExpr,
  type MapVariable,
  type MapFunction,
  type MapOperator,
  type Interval,
} from './mapexpr/index.js';

// The independent reference integrator for planar fields (for measuring errors, never for building sentences).
export {
  integrate,
  integrateMany,
  type PlanarField,
  type IntegrateOptions,
  type IntegrateResult,
  type IntegrateManyResult,
} from './flows/integrate.js';

// The matrix version of the paper's theorem: any d×d matrix with det > 0 as a sentence over one finite vocabulary.
export {
  approximateMatrix,
  MIN_EPS,
  type ApproximateMatrixOptions,
  type MatrixApproximation,
  type LengthParts,
} from './matrix/compile.js';
export { decimalTarget, rotationTarget, type MatrixTarget, type TargetDeterminant } from './matrix/target.js';
export { parseMatrixText } from './matrix/parse.js';
export {
  matrixVocabulary,
  MATRIX_VOCABULARIES,
  type MatrixVocabulary,
  type MatrixVocabularyName,
  type MatrixWord,
  type WordAction,
} from './matrix/vocabulary.js';
export {
  exactProduct,
  matrixValue,
  frobeniusError,
  invertSentence,
  sentenceLength,
  matrixStrings,
  type MatrixError,
  type Run as MatrixRun,
  type Sentence as MatrixSentence,
} from './matrix/evaluate.js';
export { matrixCurve, CURVE_EPSILONS, type CurvePoint, type CurveCell } from './matrix/curve.js';
export { approximationJson, type MatrixApproximationJson, type MatrixWordJson } from './matrix/json.js';
export { DEFAULT_MATRIX_LIMITS, MATRIX_LIMIT_FLAGS, type MatrixLimits } from './limits.js';
export { DEFAULT_APPROX_LIMITS, APPROX_LIMIT_FLAGS, type ApproxLimits } from './limits.js';
export { matrixCurveSvg } from './present/matrixCurve.js';
