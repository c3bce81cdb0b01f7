/**
 * What the playground says when a language is past the state budget: it has
 * a lazy DFA, which decides membership of the test string, but no minimal
 * DFA for the panes that show one (its table, vocabularies, traces, members,
 * equivalence). The note names the limit and the flag that raises it.
 */
import { LIMIT_FLAGS } from '../../limits.js';
import { lazyLanguage, type ScreenModel } from './model.js';
import { type Line, seg, wrap } from './seg.js';

/** Why there is no full DFA, naming the limit: e.g. "more than 20,000 DFA states (the --max-states limit)". */
export function overLimitText(m: ScreenModel): string | null {
  // `language` falls back to a lazy DFA past the state budget and at no other limit.
  if (lazyLanguage(m.language) === null) return null;
  return `more than ${m.limits.maxStates.toLocaleString('en-US')} DFA states (the ${LIMIT_FLAGS.maxStates} limit)`;
}

/**
 * The lines a pane that needs the minimal DFA shows in its place when the
 * language has only a lazy DFA (`what` names the pane's content); null when
 * there is a DFA.
 */
export function lazyNote(m: ScreenModel, what: string, width: number): Line[] | null {
  const over = overLimitText(m);
  if (over === null) return null;
  return [
    ...wrap(`${what} not available: the minimal DFA has ${over}.`, width).map((l): Line => [seg(l, 'warn')]),
    [],
    ...wrap(
      'Membership is still decided, by a lazy DFA built along the string (the verdict on the string row). ' +
        `Start wordflow play with a larger ${LIMIT_FLAGS.maxStates} to build the DFA.`,
      width,
    ).map((l): Line => [seg(l, 'dim')]),
  ];
}
