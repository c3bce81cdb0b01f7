/** The registry record of `flow2d` (see ../registry.ts): its descriptions and how it is drawn. */
import { formatPhrase, phraseLength } from '../../flows/phrase.js';
import { type EmbeddingSpec, fmt, plural } from '../registry.js';
import { certifyFlow2d } from './certify.js';
import { FOLD_WIDTH } from './construct.js';
import { flow2dVocabulary, type Flow2dVocabulary } from './index.js';

/** The registry record of `flow2d`. */
export const flow2dEmbedding: EmbeddingSpec<Flow2dVocabulary> = {
  name: 'flow2d',
  summary: 'ℝ²; invertible, every word a phrase of time-1 flows from one fixed base vocabulary',
  build: (dfa) => flow2dVocabulary(dfa),
  certify: certifyFlow2d,
  describeMap: (v, c) => {
    const p = v.params.phrases[c]!;
    const text = formatPhrase(p.slice(0, 12)) + (p.length > 12 ? ' …' : '');
    return `spelled with ${plural(phraseLength(p), 'primitive flow')} in ${plural(p.length, 'run')}: ${text}`;
  },
  describeComposition: (v, classes) => {
    if (classes.length === 0) return '';
    // Compose the folded affine maps along the run from x0: x ↦ a·x + b, y ↦ d·y + e on R_{q0}.
    const { dfa, params } = v;
    const n = dfa.states;
    const k = dfa.alphabet.classes.length;
    let q = dfa.start;
    let a = 1;
    let b = 0;
    let d = 1;
    let e = 0;
    for (const c of classes) {
      const at = FOLD_WIDTH * (c * n + q);
      const f = params.folded;
      // x' = (x + s)·h, y' = y·g + t + u.
      b = (b + f[at]!) * f[at + 1]!;
      a = a * f[at + 1]!;
      d = d * f[at + 2]!;
      e = e * f[at + 2]! + f[at + 3]! + f[at + 4]!;
      q = dfa.delta[q * k + c]!;
    }
    return `; on R_${dfa.start} it is the affine map (x, y) ↦ (${fmt(a)}·x + ${fmt(b)}, ${fmt(d)}·y + ${fmt(e)})`;
  },
  formatWord: (map, label) =>
    map.kind === 'flow2d'
      ? [
          `word ${label}: spelled with ${plural(map.length, 'primitive flow')} in ${plural(map.steps, 'run')}`,
          `  ${map.phrase}`,
          '  folded, one affine map per region:',
          ...map.folded.map(
            (f) =>
              `    R_${f.state}: x ↦ (x ${f.x.shift < 0 ? '−' : '+'} ${fmt(Math.abs(f.x.shift))})·${fmt(f.x.scale)}, ` +
              `y ↦ y·${fmt(f.y.scale)} + ${fmt(f.y.shift + f.y.after)}`,
          ),
        ]
      : [],
  targetScore: () => null,
  picture: 'plane',
  plot: 'plane',
  live: { build: 60_000, certify: 800 },
};
