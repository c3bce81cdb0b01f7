/**
 * Style names → Ink text props. With colour, highlights are colours; under
 * NO_COLOR (https://no-color.org) they are only bold, underline, dim and
 * inverse, and every highlight also has a text marker (▶, ✓, ✗, ^), so
 * nothing depends on colour to be read.
 */
import type { Style } from './view/seg.js';

/** The subset of Ink's `<Text>` props the playground uses. */
export interface TextStyle {
  readonly color?: string;
  readonly backgroundColor?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly inverse?: boolean;
  readonly underline?: boolean;
}

const COLOUR: { readonly [S in Style]: TextStyle } = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  good: { color: 'green', bold: true },
  bad: { color: 'red', bold: true },
  warn: { color: 'yellow' },
  accent: { color: 'cyan' },
  special: { color: 'magenta' },
  cursor: { inverse: true },
  highlight: { backgroundColor: 'blue', color: 'white' },
  mark: { backgroundColor: 'yellow', color: 'black', bold: true },
  title: { bold: true, color: 'cyan' },
  activeTitle: { inverse: true, bold: true },
  key: { color: 'cyan', bold: true },
  plot1: { color: 'gray' },
  plot2: { color: 'green' },
  plot3: { color: 'yellow' },
  plot4: { color: 'magenta', bold: true },
};

const MONO: { readonly [S in Style]: TextStyle } = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  good: { bold: true },
  bad: { bold: true },
  warn: {},
  accent: { bold: true },
  special: { underline: true },
  cursor: { inverse: true },
  highlight: { inverse: true },
  mark: { bold: true, underline: true },
  title: { bold: true },
  activeTitle: { inverse: true, bold: true },
  key: { bold: true },
  plot1: { dimColor: true },
  plot2: { bold: true },
  plot3: {},
  plot4: { bold: true, inverse: true },
};

/** Ink props for a style name. */
export function styleProps(style: Style | undefined, color: boolean): TextStyle {
  if (style === undefined) return {};
  return (color ? COLOUR : MONO)[style];
}

/** Whether colour is wanted: NO_COLOR set to anything non-empty turns it off. */
export function colorWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['NO_COLOR'] === undefined || env['NO_COLOR'] === '';
}
