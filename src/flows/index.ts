/** The base vocabulary V of primitive plane flows and phrases over it. */
export * from './primitives.js';
export {
  type PhraseStep,
  type Phrase,
  type CompiledPhrase,
  type FlowSample,
  compilePhrase,
  runCompiled,
  applyPhrase,
  invertPhrase,
  phraseLength,
  pushStep,
  formatPhrase,
  parsePhrase,
  phraseTrajectory,
  phraseUsage,
} from './phrase.js';
