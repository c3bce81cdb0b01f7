/**
 * The DFA as a Graphviz DOT graph: one node per state (double circle when
 * accepting), an arrow from an invisible node into the start state, and one
 * edge per (from, to) pair labelled with the union of the classes that take
 * it (`[a-c]`, `[^ab]`, `other`). The dead state and the edges into it are
 * left out unless asked for, since every state of a complete DFA has them
 * and they hide the shape of the language. A highlighted string colours the
 * states and edges of its run and numbers its steps.
 */
import { classLabel, printClassLabel as format } from '../syntax/regex/print.js';
import { type CharSet, unionAll } from '../alphabet/charset.js';
import { complete, deadState, type Dfa } from '../automata/dfa.js';
import { FAINT, INK, PATH_COLOUR, PATH_FILL } from './palette.js';
import { type DfaRun, formatRun, runOf } from './run.js';
import { xmlSafe } from './xml.js';

/** What `dfaToDot` draws beyond the states and transitions. */
export interface DotOptions {
  /** Draw the dead state and the edges into it (default: hidden). */
  readonly showDead?: boolean;
  /** Colour the run of this string (states, edges, step numbers) and say whether it is accepted. */
  readonly highlight?: string;
  /** A title above the graph, e.g. the pattern. */
  readonly title?: string;
}

/** Edge labels longer than this are cut (the full label stays in the tooltip). */
export const MAX_EDGE_LABEL = 40;
/** Caption lines are wrapped at about this many characters (Graphviz does not wrap labels). */
const CAPTION_WIDTH = 72;
/** Step numbers listed on one highlighted edge before `…`. */
const MAX_STEPS_ON_EDGE = 6;
const FONT = 'Helvetica,Arial,sans-serif';

/**
 * A DOT double-quoted string: backslashes and quotes escaped, newlines as
 * `newline` (`\\n` centres the next line, `\\l` left-justifies the last).
 */
export function dotString(s: string, newline = '\\n'): string {
  return '"' + xmlSafe(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, newline) + '"';
}

/**
 * The label of an edge taken by `classes`: `other` for the class of
 * unmentioned code points alone, else the union of the classes in the
 * expression syntax (the shorter of the set and its complement), `any`
 * for every class.
 */
export function edgeLabel(dfa: Dfa, classes: readonly number[]): string {
  if (classes.length === dfa.alphabet.classes.length) return 'any';
  if (classes.length === 1) return classLabel(dfa.alphabet, classes[0]!);
  const sets: CharSet[] = classes.map((c) => dfa.alphabet.classes[c]!);
  return format(unionAll(sets));
}

/** A label as drawn on an arrow: cut to `MAX_EDGE_LABEL` characters with `…`. */
export function cutLabel(label: string): string {
  const chars = [...label];
  return chars.length <= MAX_EDGE_LABEL ? label : chars.slice(0, MAX_EDGE_LABEL - 1).join('') + '…';
}

/** Splits a long line at spaces into lines of at most about `width` characters. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && [...current].length + 1 + [...word].length > width) {
      out.push(current);
      current = '   ' + word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(current);
  return out;
}

function attrs(list: Record<string, string | number | undefined>): string {
  const parts = Object.entries(list)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${k}=${typeof v === 'number' ? String(v) : k === 'label' && list['labeljust'] === 'l' ? dotString(v! + '\n', '\\l') : dotString(v!)}`,
    );
  return parts.length === 0 ? '' : ` [${parts.join(', ')}]`;
}

/** The states drawn: all but a dead state nobody asked to see (the start and a highlighted run are always drawn). */
export function shownStates(dfa: Dfa, options: DotOptions = {}, run?: DfaRun): boolean[] {
  const full = complete(dfa);
  const dead = deadState(full);
  const shown = Array.from({ length: full.states }, () => true);
  if (dead !== null && options.showDead !== true && dead !== full.start && !(run?.states.includes(dead) ?? false))
    shown[dead] = false;
  return shown;
}

/** The DFA as a DOT digraph (see the module comment). */
export function dfaToDot(dfa0: Dfa, options: DotOptions = {}): string {
  const dfa = complete(dfa0);
  const k = dfa.alphabet.classes.length;
  const dead = deadState(dfa);
  const run = options.highlight === undefined ? undefined : runOf(dfa, options.highlight);
  const shown = shownStates(dfa, options, run);
  const visited = new Set(run?.states ?? []);
  // Steps (1-based) at which the run takes each (from, to) edge.
  const stepsOn = new Map<string, number[]>();
  run?.classes.forEach((_, i) => {
    const key = `${run.states[i]}>${run.states[i + 1]}`;
    const list = stepsOn.get(key) ?? [];
    list.push(i + 1);
    stepsOn.set(key, list);
  });

  const caption: string[] = [];
  if (options.title !== undefined) caption.push(options.title);
  if (run !== undefined)
    caption.push(...wrap(`${JSON.stringify(run.input)}: ${formatRun(dfa, run, { letters: 'letter' })}`, CAPTION_WIDTH));
  if (dead !== null && !shown[dead])
    caption.push(`(letters without an arrow lead to the dead state ${dead}, not drawn)`);

  const lines = ['digraph dfa {'];
  lines.push(
    `  graph${attrs({ rankdir: 'LR', fontname: FONT, fontsize: 13, nodesep: 0.35, ranksep: 0.55, pad: 0.2, label: caption.length > 0 ? caption.join('\n') : undefined, labelloc: 't', labeljust: 'l' })};`,
  );
  lines.push(
    `  node${attrs({ shape: 'circle', fontname: FONT, fontsize: 14, width: 0.45, color: INK, fontcolor: INK })};`,
  );
  lines.push(`  edge${attrs({ fontname: FONT, fontsize: 12, arrowsize: 0.8, color: INK, fontcolor: INK })};`);
  lines.push(`  __start${attrs({ shape: 'none', label: '', width: 0, height: 0 })};`);
  lines.push(
    `  __start -> q${dfa.start}${attrs({ tooltip: 'start', ...(run !== undefined ? { color: PATH_COLOUR, penwidth: 2.5 } : {}) })};`,
  );

  for (let q = 0; q < dfa.states; q++) {
    if (!shown[q]) continue;
    const isDead = q === dead;
    const on = visited.has(q);
    const last = run !== undefined && run.states[run.states.length - 1] === q;
    lines.push(
      `  q${q}${attrs({
        label: isDead ? `${q}†` : String(q),
        shape: dfa.accepting[q] ? 'doublecircle' : undefined,
        tooltip: `state ${q}${dfa.accepting[q] ? ' (accepting)' : ''}${isDead ? ' (dead)' : ''}${q === dfa.start ? ' (start)' : ''}`,
        style: [isDead ? 'dashed' : '', on ? 'filled' : ''].filter((s) => s !== '').join(',') || undefined,
        color: on ? PATH_COLOUR : isDead ? FAINT : undefined,
        fontcolor: isDead && !on ? FAINT : undefined,
        fillcolor: on ? PATH_FILL : undefined,
        penwidth: on ? (last ? 3.5 : 2) : undefined,
      })};`,
    );
  }

  for (let q = 0; q < dfa.states; q++) {
    if (!shown[q]) continue;
    // Group this state's classes by target, targets in order of their first class.
    const byTarget = new Map<number, number[]>();
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (!shown[t]) continue;
      const list = byTarget.get(t) ?? [];
      list.push(c);
      byTarget.set(t, list);
    }
    for (const [t, classes] of byTarget) {
      const full = edgeLabel(dfa, classes);
      const steps = stepsOn.get(`${q}>${t}`);
      const stepText =
        steps === undefined
          ? undefined
          : `step ${steps.slice(0, MAX_STEPS_ON_EDGE).join(', ')}${steps.length > MAX_STEPS_ON_EDGE ? ', …' : ''}`;
      lines.push(
        `  q${q} -> q${t}${attrs({
          label: stepText === undefined ? cutLabel(full) : `${cutLabel(full)}\n${stepText}`,
          tooltip: `${q} → ${t} on ${full}`,
          color: steps !== undefined ? PATH_COLOUR : t === dead ? FAINT : undefined,
          fontcolor: steps !== undefined ? PATH_COLOUR : t === dead ? FAINT : undefined,
          penwidth: steps !== undefined ? 2.5 : undefined,
          style: t === dead && steps === undefined ? 'dashed' : undefined,
        })};`,
      );
    }
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
