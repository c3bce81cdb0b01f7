/**
 * The playground as one Ink component. It owns the UI state (a pure
 * reducer over key events), runs the library in debounced, budgeted jobs,
 * and draws the frame that `view/screen.ts` computes. Tests render it with
 * an explicit size; the `play` command renders it full-screen.
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { Box, Text, useApp } from 'ink';
import { type Limits, limits as withDefaults } from '../limits.js';
import {
  attempt,
  compare,
  compileSource,
  firstMembers,
  LIVE_LIMITS,
  type LanguageSource,
  type Outcome,
  type Compiled,
  summarize,
  type Summary,
} from './analysis.js';
import { trackRun, type Tracked } from './tracking.js';
import { editorText } from './editor.js';
import { useJob, useKeys, useSpinner, useTerminalSize } from './hooks.js';
import type { GalleryEntry } from '../gallery.js';
import { type EmbeddingName, initialState, reduce, type ReduceContext, type UiState } from './state.js';
import { colorWanted, styleProps } from './theme.js';
import { layout, MIN_FRAME_HEIGHT, MIN_WIDTH } from './view/layout.js';
import type { LanguageView, ScreenModel } from './view/model.js';
import { helpScrollLimit, maxScroll, screen, tooSmall, tooSmallLines } from './view/screen.js';
import type { Syntax } from '../syntax/regex/syntax.js';
import type { Line } from './view/seg.js';
import { certificateOf, monoidSize, vocabularyView } from './view/vocabularyModel.js';
import { approxInput } from './approxTab.js';
import { useApproxJob } from './approxRunner.js';

/** What the playground opens with; everything else is the user's to change. */
export interface PlaygroundProps {
  /** The pattern to open with. */
  readonly initialPattern?: string;
  /** The test string to open with. */
  readonly initialString?: string;
  /** The second pattern of the equivalence pane. */
  readonly initialOther?: string;
  readonly initialEmbedding?: EmbeddingName;
  /** How the patterns are read at first (`x` or ^T switches). */
  readonly initialSyntax?: Syntax;
  /** Size in cells; default: the terminal's, following resizes. */
  readonly width?: number;
  readonly height?: number;
  /** Limits over the live-typing defaults (`LIVE_LIMITS`). */
  readonly limits?: Partial<Limits>;
  /** Raises the live (state, class) pair budgets of vocabularies and certificates (each embedding's `live` budget in the registry). */
  readonly livePairs?: number;
  /** Colour on or off; default: on unless NO_COLOR is set. */
  readonly color?: boolean;
  /** The examples to offer (default: none). */
  readonly gallery?: readonly GalleryEntry[];
  /** Why the gallery could not be loaded, to show in its pane. */
  readonly galleryError?: string | null;
  /** Quiet time after a keystroke before recompiling, in ms. */
  readonly debounceMs?: number;
  /** Called once when the user quits, before the app exits. */
  readonly onQuit?: () => void;
}

/** How many members the members pane asks for. */
const MEMBER_COUNT = 200;

function sourceOf(ui: UiState): LanguageSource {
  return ui.fa !== null
    ? { kind: 'fa', text: ui.fa.text, path: ui.fa.path }
    : { kind: 're', text: editorText(ui.pattern), syntax: ui.syntax };
}

/** A compiled language and (for the main pattern) its summary, computed in the same unit of work. */
type Summarized = Compiled & { readonly summary: Summary | null };

/** A compile result together with the last good language before it. */
interface LanguageJob {
  readonly outcome: Outcome<Summarized>;
  readonly good: Summarized | null;
}

/** Compiles `source`, remembering the last good result across errors. */
function useLanguage(
  source: LanguageSource | null,
  lim: Limits,
  delay: number,
  withSummary: boolean,
): { job: LanguageJob | undefined; pending: boolean } {
  const last = useRef<LanguageJob | undefined>(undefined);
  const { value, pending } = useJob(
    [source?.kind, source?.text, source?.kind === 're' ? source.syntax : null, lim],
    (): LanguageJob | undefined => {
      if (source === null) return undefined;
      const compiled = compileSource(source, lim);
      const outcome: LanguageJob['outcome'] = compiled.ok
        ? attempt(() => ({ ...compiled.value, summary: withSummary ? summarize(compiled.value.dfa) : null }))
        : compiled;
      return { outcome, good: outcome.ok ? outcome.value : (last.current?.good ?? null) };
    },
    delay,
    true,
  );
  if (value !== undefined) last.current = value;
  return { job: value, pending };
}

function languageView(job: LanguageJob | undefined, pending: boolean): LanguageView {
  const good = job?.good ?? null;
  return {
    good,
    error: job !== undefined && !job.outcome.ok ? job.outcome.error : null,
    pending,
    stale: pending || (job !== undefined && !job.outcome.ok),
  };
}

/** One line of styled segments as Ink text. */
function LineView({ line, color }: { line: Line; color: boolean }): ReactElement {
  return (
    <Text wrap="truncate">
      {line.map((s, i) => (
        <Text key={i} {...styleProps(s.style, color)}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

/** The terminal playground. */
export function Playground(props: PlaygroundProps): ReactElement {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const givenWidth = props.width ?? terminal.columns;
  // One row short of the terminal: a frame as tall as the screen makes Ink clear it on every update.
  const givenHeight = props.height ?? terminal.rows - 1;
  const width = Math.max(MIN_WIDTH, givenWidth);
  const height = Math.max(MIN_FRAME_HEIGHT, givenHeight);
  const color = props.color ?? colorWanted();
  const debounce = props.debounceMs ?? 120;
  const lim = useMemo(() => withDefaults({ ...LIVE_LIMITS, ...props.limits }), [props.limits]);
  const gallery = props.gallery ?? [];

  const [ui, setUi] = useState<UiState>(() =>
    initialState({
      pattern: props.initialPattern,
      text: props.initialString,
      other: props.initialOther,
      embedding: props.initialEmbedding,
      syntax: props.initialSyntax,
    }),
  );

  // The language, then everything derived from it.
  const main = useLanguage(sourceOf(ui), lim, debounce, true);
  const language = languageView(main.job, main.pending);
  const dfa = language.good?.dfa ?? null;

  const tracked = useRef<Tracked | undefined>(undefined);
  const run = useMemo(() => {
    if (dfa === null) return null;
    tracked.current = trackRun(tracked.current, dfa, ui.text.chars);
    return tracked.current.run;
  }, [dfa, ui.text.chars]);

  const lay = layout(width, height, ui.pane);
  const shows = (p: UiState['pane']): boolean => lay.visible.includes(p) && !ui.help;

  const otherText = editorText(ui.other);
  const otherSource: LanguageSource | null =
    otherText === '' ? null : { kind: 're', text: otherText, syntax: ui.syntax };
  const other = useLanguage(otherSource, lim, debounce, false);
  const otherView = languageView(other.job, other.pending);
  const otherDfa = otherText === '' ? null : (otherView.good?.dfa ?? null);

  const equivalence = useJob(
    [dfa, otherDfa, lim],
    () => (dfa !== null && otherDfa !== null ? compare(dfa, otherDfa, lim) : undefined),
    0,
  );
  const wantMembers = shows('enum') || ui.pane === 'enum';
  const members = useJob(
    [wantMembers ? dfa : null, lim],
    () => (wantMembers && dfa !== null ? firstMembers(dfa, MEMBER_COUNT, lim) : undefined),
    0,
  );
  const wantVocabulary = shows('vocab') || shows('trace');
  const vocabulary = useJob(
    [wantVocabulary ? dfa : null, ui.embedding, props.livePairs],
    () => (wantVocabulary && dfa !== null ? vocabularyView(dfa, ui.embedding, props.livePairs) : undefined),
    0,
  );
  const built =
    vocabulary.value !== undefined && vocabulary.value.ok && !vocabulary.pending ? vocabulary.value.value : null;
  const certificate = useJob(
    [built, props.livePairs],
    () => (built !== null ? certificateOf(built, props.livePairs) : undefined),
    0,
  );
  const monoid = useJob([dfa, lim], () => (dfa !== null ? monoidSize(dfa, lim) : null), 0);

  // The Approx tab compiles only while it is on screen, in a worker thread (budgeted by its word limit):
  // keys typed during a long compile are drawn at once, and a change cancels the compile.
  const wantApprox = shows('approx');
  const approx = useApproxJob(wantApprox ? approxInput(ui.approx) : null, debounce);

  const busy =
    (wantApprox && approx.pending) ||
    main.pending ||
    other.pending ||
    equivalence.pending ||
    members.pending ||
    vocabulary.pending ||
    certificate.pending ||
    monoid.pending;
  const spinner = useSpinner(busy);

  const model: ScreenModel = {
    ui,
    width,
    height,
    spinner,
    limits: lim,
    language,
    summary: main.job?.good?.summary ?? null,
    run,
    other: otherView,
    equivalence,
    members,
    monoid,
    vocabulary,
    certificate,
    gallery,
    galleryError: props.galleryError ?? null,
    approx: { ...approx, elapsedMs: approx.since === null ? null : Date.now() - approx.since },
  };

  // The reducer sees the latest frame's facts (members listed, scroll bounds).
  const modelRef = useRef(model);
  modelRef.current = model;
  const context = (): ReduceContext => {
    const m = modelRef.current;
    const listed = m.members.value;
    return {
      gallery,
      members: listed !== undefined && listed.ok ? listed.value.members : [],
      maxScroll: (pane) => maxScroll(m, pane),
      pageLines: Math.max(1, m.height - 10),
      helpMaxScroll: () => helpScrollLimit(m),
    };
  };

  useKeys((events) => {
    const ctx = context();
    setUi((s) => events.reduce((acc, ev) => reduce(acc, ev, ctx), s));
  });

  const quitting = ui.quit;
  const onQuit = props.onQuit;
  useEffect(() => {
    if (!quitting) return;
    onQuit?.();
    exit();
  }, [quitting, onQuit, exit]);

  const { lines } = tooSmall(givenWidth, givenHeight)
    ? { lines: tooSmallLines(Math.max(1, givenWidth), Math.max(1, givenHeight)) }
    : screen(model);
  return (
    <Box flexDirection="column" width={tooSmall(givenWidth, givenHeight) ? Math.max(1, givenWidth) : width}>
      {lines.map((line, i) => (
        <LineView key={i} line={line} color={color} />
      ))}
    </Box>
  );
}
