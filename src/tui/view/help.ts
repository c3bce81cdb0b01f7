/** The help overlay: every key, by where it works, and what the panes show. */
import { type Line, seg } from './seg.js';

const KEYS: readonly (readonly [string, string])[] = [
  ['', 'In an editor (pattern, string, 2nd pattern)'],
  ['type', 'edit; pastes and any Unicode text are fine'],
  ['← → Home End', 'move, also ^A ^E (in the string this is step mode)'],
  ['Bksp Del', 'delete a letter; ^W or Alt-Bksp a word'],
  ['^U ^K', 'delete to the start / end of the line'],
  ['Tab Shift-Tab', 'next / previous: pattern → string → 2nd pattern → keys'],
  ['Enter', 'next field'],
  ['Esc', 'leave the editor: letters become the keys below'],
  ['', 'Keys (after Esc)'],
  ['q', 'quit'],
  ['1-7  [ ]', 'panes: DFA Vocabulary Trace Equivalence Members Gallery Approx'],
  ['e E', 'embedding: transform onehot relu1d sigmoid flow2d'],
  ['← → h l', 'step through the string letter by letter; Home End: ends'],
  ['↑ ↓ j k', 'scroll the pane, or move its selection; PgUp PgDn by pages'],
  ['Enter', 'gallery: load · members: test the member · equivalence: edit B'],
  ['p s =', 'edit the pattern / the string / the 2nd pattern; g: gallery'],
  ['Enter  f', 'approx: edit FX FY ε (Tab/↓ next, Esc done) · f: map or field'],
  ['', 'Anywhere'],
  ['F1  ^C', 'this help / quit      ↑ ↓ PgUp PgDn  scroll      Alt-1…6  pane'],
];

const ABOUT = [
  'A string is a sentence of words; each word (class) is a map, and the string is',
  'accepted when the composed map carries the start point into the target region.',
];

/** The help text, `width × height` (the caller fits it). */
export function helpLines(width: number, height: number): Line[] {
  const keyWidth = Math.min(16, Math.max(...KEYS.map(([k]) => k.length)) + 2);
  const lines: Line[] = [[seg(' wordflow playground — keys ', 'activeTitle'), seg('  (? Esc or Enter closes)', 'dim')]];
  for (const [k, what] of KEYS) {
    if (k === '') lines.push([seg(what, 'bold')]);
    else lines.push([seg('  ' + k.padEnd(keyWidth), 'key'), seg(what)]);
  }
  if (height - lines.length >= ABOUT.length + 1 && width >= 60) {
    lines.push([]);
    for (const a of ABOUT) lines.push([seg(a, 'dim')]);
  }
  return lines;
}
