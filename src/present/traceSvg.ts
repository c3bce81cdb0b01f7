/**
 * A trajectory as an SVG picture, drawn the way each embedding is best
 * seen: flow2d as a path in the plane over the state regions, relu1d as a
 * cobweb over the graphs of its maps, and the vector embeddings (onehot,
 * sigmoid, and transform read one-hot) as a heat map of the state vector
 * over time. Written directly as SVG text (no layout engine needed).
 */
import type { Vocabulary } from '../vocabulary/embeddings.js';
import { embeddingSpec } from '../vocabulary/registry.js';
import type { Trace } from '../vocabulary/trace.js';
import { cobwebPicture } from './trace/cobweb.js';
import { flow2dPicture } from './trace/flow2d.js';
import { heatmapPicture } from './trace/heatmap.js';
import type { TracePictureOptions } from './trace/legend.js';
import { svgDocument, type XmlElement } from './xml.js';

export { MAX_PICTURE_STEPS, type TracePictureOptions } from './trace/legend.js';

/** The picture of a trajectory as an SVG element tree (`trace` must come from `v`). */
export function tracePicture(v: Vocabulary, t: Trace, options: TracePictureOptions = {}): XmlElement {
  // The registry says which picture draws the embedding; the plane and the cobweb need the flow2d and relu1d maps.
  switch (embeddingSpec(v.embedding).picture) {
    case 'plane':
      if (v.embedding === 'flow2d') return flow2dPicture(v, t, options);
      break;
    case 'cobweb':
      if (v.embedding === 'relu1d') return cobwebPicture(v, t, options);
      break;
    case 'heatmap':
      break;
  }
  return heatmapPicture(v, t, options);
}

/**
 * The picture of a trajectory as a standalone SVG document. Throws a
 * `WordflowError` (kind `limit`) for strings longer than
 * `MAX_PICTURE_STEPS` letters.
 *
 * @example
 * const v = vocabulary(compileRegex('(a|b)*abb'), 'flow2d');
 * const svg = traceToSvg(v, trace(v, 'abb'), { title: '(a|b)*abb' });
 */
export function traceToSvg(v: Vocabulary, t: Trace, options: TracePictureOptions = {}): string {
  return svgDocument(tracePicture(v, t, options));
}
