/**
 * Colours for the pictures, chosen to stay distinguishable under the common
 * colour-vision deficiencies: the Okabe–Ito qualitative palette (Okabe &
 * Ito, "Color Universal Design", 2008) for categories, and viridis (van der
 * Walt & Smith, matplotlib, 2015) — perceptually uniform and monotone in
 * lightness, so it still reads in greyscale — for values.
 */

/** Okabe–Ito, without its yellow (too light on white) and black (kept for ink). */
export const CATEGORY_COLOURS: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** The colour of category `i`, cycling through the palette. */
export function categoryColour(i: number): string {
  const n = CATEGORY_COLOURS.length;
  return CATEGORY_COLOURS[((i % n) + n) % n]!;
}

/** The highlight colour of a path (Okabe–Ito vermillion), drawn thick so it does not rely on hue alone. */
export const PATH_COLOUR = '#D55E00';
/** A light fill for states a highlighted path visits. */
export const PATH_FILL = '#FBE3D3';
/** Shading of accepting regions (Okabe–Ito bluish green, light). */
export const ACCEPT_FILL = '#CDEBE1';
/** Outline of accepting regions. */
export const ACCEPT_STROKE = '#009E73';
/** Shading of rejecting regions. */
export const REJECT_FILL = '#EEEEEE';
/** Ink for axes and text. */
export const INK = '#222222';
/** Grid lines and secondary ink. */
export const FAINT = '#9A9A9A';

/** Viridis at 9 evenly spaced stops, from 0 (dark purple) to 1 (yellow). */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Viridis at t ∈ [0, 1] (clamped), as `#rrggbb`. */
export function viridis(t: number): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const f = x * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(f));
  const u = f - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  const hex = (k: number): string =>
    Math.round(a[k]! + (b[k]! - a[k]!) * u)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** Black or white, whichever reads better on a viridis cell of value t. */
export function inkOnViridis(t: number): string {
  return t > 0.55 ? '#000000' : '#ffffff';
}
