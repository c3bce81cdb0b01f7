/**
 * The embedding registry is the one list the front ends loop over: an
 * embedding registered here — and nowhere else — is verified by `check
 * --verify` (line and `--whole` modes), shown by the playground's vocabulary
 * pane and read by `explain`. The throwaway embedding `liar` is `transform`
 * with its target test negated, so every front end that covers it must
 * notice that it disagrees with the DFA.
 */
import { describe, expect, it } from 'vitest';
import { complete, type CompleteDfa } from '../../src/automata/dfa.js';
import { verifyingLanguage } from '../../src/cli/commands/check.js';
import { compileRegex } from '../../src/language.js';
import { initialState } from '../../src/tui/state.js';
import type { ScreenModel } from '../../src/tui/view/model.js';
import { vocabPane } from '../../src/tui/view/vocabPane.js';
import { vocabularyView } from '../../src/tui/view/vocabularyModel.js';
import {
  EMBEDDING_NAMES,
  type EmbeddingName,
  embeddingSpecs,
  explain,
  registerEmbedding,
  renderExplanation,
  transformVocabulary,
  verifyAll,
  type EmbeddingSpec,
  type TransformVocabulary,
} from '../../src/vocabulary/index.js';
import { transformEmbedding } from '../../src/vocabulary/transform.js';

type LiarVocabulary = Omit<TransformVocabulary, 'embedding'> & { readonly embedding: 'liar' };

const liar: EmbeddingSpec<LiarVocabulary> = {
  ...(transformEmbedding as unknown as EmbeddingSpec<LiarVocabulary>),
  name: 'liar',
  summary: 'transform with T negated (a test fixture)',
  build: (dfa: CompleteDfa) => {
    const v = transformVocabulary(dfa);
    return {
      ...v,
      embedding: 'liar',
      inTarget: (x) => !v.inTarget(x),
      describe: () => ({ ...v.describe(), embedding: 'liar' }),
    };
  },
  describeMap: (_v, c) => `the liar's word ${c}`,
  certify: (v) => ({
    ...transformEmbedding.certify(v as unknown as TransformVocabulary),
    embedding: 'liar',
    holds: false,
  }),
};
registerEmbedding(liar);
const LIAR = 'liar' as EmbeddingName;

const dfa = compileRegex('(a|b)*abb');

describe('a registered embedding is covered by every front end with no other edit', () => {
  it('is listed with the built-in five', () => {
    expect(EMBEDDING_NAMES).toEqual(['transform', 'onehot', 'relu1d', 'sigmoid', 'flow2d', 'liar']);
    expect(embeddingSpecs().map((s) => s.name)).toEqual([...EMBEDDING_NAMES]);
    expect(() => registerEmbedding(liar)).toThrow(/already registered/);
  });

  it('check --verify: per string and for a whole input, the liar is named as disagreeing with the DFA', () => {
    expect(verifyAll(dfa, 'abb')).toEqual({ accept: true, disagreements: ['liar'] });
    expect(verifyAll(dfa, 'ab')).toEqual({ accept: false, disagreements: ['liar'] });
    const verify = verifyingLanguage(dfa);
    expect(() => verify.accepts('babb')).toThrow(/embedding liar disagrees with the DFA \(which says accept\)/);
    const scan = verify.whole();
    scan.push(new TextEncoder().encode('aab'));
    scan.push(new TextEncoder().encode('b'));
    expect(() => scan.accepts()).toThrow(/embedding liar disagrees with the DFA \(which says accept\) on the input/);
  });

  it('the vocabulary pane shows its header and every word', () => {
    const view = vocabularyView(dfa, LIAR);
    if (!view.ok) throw view.error;
    const model = {
      ui: initialState({ pattern: '(a|b)*abb', embedding: LIAR }),
      spinner: '',
      language: { good: { dfa, ms: 0 }, error: null, pending: false, stale: false },
      vocabulary: { value: view, pending: false },
      certificate: { value: undefined, pending: true },
    } as unknown as ScreenModel;
    const text = vocabPane(model, 80, 200).map((line) => line.map((s) => s.text).join(''));
    expect(text[0]).toMatch(/^liar · d = 1 · x0 = \(0\)/);
    // One label line and one map line per word (a, b, other).
    expect(text.filter((l) => /^\S.*f_\d$/.test(l))).toHaveLength(dfa.alphabet.classes.length);
    expect(text.some((l) => l.includes('δ(·) = 0→1 1→1 2→1 3→1'))).toBe(true);
  });

  it('explain reads it through its own record', () => {
    const e = explain(complete(dfa), LIAR);
    expect(e.embedding).toBe('liar');
    expect(e.words.map((w) => w.map)).toEqual(e.words.map((w) => `the liar's word ${w.class}`));
    // The liar's landing for an accepted sentence is outside T: explain reports what the maps do, not what the DFA says.
    expect(e.accepted?.inTarget).toBe(false);
    expect(renderExplanation(e)).toContain("the liar's word 0");
  });
});
