/** The benchmark's result as text tables, with the issue's targets next to what was measured. */
import type { BenchResult } from './suite.js';

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const f = (x: number | null, digits = 0): string =>
  x === null ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const x = (r: number | null, digits = 2): string => (r === null ? '—' : `${f(r, digits)}×`);
const ns = (v: number): string =>
  v >= 1e9
    ? `${f(v / 1e9, 2)} s`
    : v >= 1e6
      ? `${f(v / 1e6, 2)} ms`
      : v >= 1e3
        ? `${f(v / 1e3, 1)} µs`
        : `${f(v, 0)} ns`;
const verdict = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'met' : 'NOT met');

/** How the compile rows were timed, in words (the realistic rows and the blow-up family differ). */
export function compileTimingNote(t: BenchResult['compile']['realisticTiming']): string {
  const rounds =
    `${t.warmUpRounds} untimed rounds through all patterns, then ${t.timedRounds} timed ones; ` +
    `per pattern the median of its ${t.timedRounds} times`;
  const where =
    t.processes > 0
      ? `each compiler in ${t.processes} fresh process${t.processes === 1 ? '' : 'es'} of its own (which ` +
        `compiler starts alternating); in each, ${rounds}, then the median over the processes`
      : `each compiler in this process, one after the other: ${rounds}`;
  return (
    `realistic patterns: ${where}. Blow-up family (k = …): both compilers in this process, one after the ` +
    'other, after a warm-up on k = 10'
  );
}

/** The benchmark result as text: a table per section, each target with met / NOT met. */
export function renderBench(r: BenchResult): string {
  const out: string[] = [];
  out.push(
    `wordflow bench — ${r.machine.quick ? 'quick run' : 'full run'}; Node ${r.machine.node}, ${r.machine.cores} cores, ${r.machine.cpu}; ` +
      `load average ${f(r.machine.load[0], 1)} at the start, ${f(r.machine.load[1], 1)} at the end${r.machine.load.some((l) => l > 0.75 * r.machine.cores) ? ' (other processes were competing for the cores: ratios are noisier, parallel speed-ups lower)' : ''}`,
  );
  out.push(
    '',
    `Full-match throughput on long inputs (MB/s of UTF-8), ${f(r.throughput.rows[0]?.bytes ?? 0)} bytes each; ` +
      'wordflow once its WebAssembly module is built (it reads the first 8 M units of long strings with the JS loop)',
  );
  out.push(
    table(
      ['pattern', 'wordflow', 'wf JS loop', 'V8 RegExp', 're2js', 'vs V8', 'vs re2js'],
      r.throughput.rows.map((t) => [
        t.name,
        f(t.wordflow),
        f(t.wordflowJs),
        t.v8 === null ? (t.v8Error ?? '—') : f(t.v8),
        f(t.re2js),
        x(t.vsV8),
        x(t.vsRe2js, 0),
      ]),
    ),
  );
  const tp = r.throughput;
  out.push(
    `median vs V8 ${x(tp.medianVsV8)} (target ≥ 2×: ${verdict(tp.medianVsV8 === null ? null : tp.medianVsV8 >= 2)}); ` +
      `lowest ${x(tp.minVsV8)} (target ≥ 1×: ${verdict(tp.minVsV8 === null ? null : tp.minVsV8 >= 1)}); ` +
      `median vs re2js ${x(tp.medianVsRe2js, 0)} (target ≥ 10×: ${verdict(tp.medianVsRe2js === null ? null : tp.medianVsRe2js >= 10)})`,
  );
  out.push('', 'Any input length: 16 MiB inputs');
  out.push(
    table(
      ['pattern', 'wordflow MB/s', 'V8 RegExp'],
      r.huge.rows.map((t) => [t.name, f(t.wordflow), t.v8 === null ? (t.v8Error ?? '—') : `${f(t.v8)} MB/s`]),
    ),
  );

  out.push(
    '',
    `Short inputs (5–40 characters, received as from a file): ns per call over the case's inputs in turn, interleaved samples${r.short.processes > 0 ? `, median of ${r.short.processes} processes per case` : ''}`,
  );
  out.push(
    table(
      ['pattern', 'wordflow', 'V8 RegExp', 're2js', 'wf / V8'],
      r.short.rows.map((s) => [s.name, f(s.wordflow), f(s.v8), f(s.re2js), x(s.wordflow / s.v8)]),
    ),
  );
  const shortOk = r.short.rows.every((s) => s.wordflow <= s.v8);
  out.push(
    `target: no more ns per call than V8 — ${verdict(shortOk)} (${r.short.rows.filter((s) => s.wordflow <= s.v8).length}/${r.short.rows.length} patterns)`,
  );

  out.push('', 'Catastrophic backtracking (input aⁿ, no match)');
  out.push(
    table(
      ['pattern', 'n', 'wordflow', 'V8 RegExp', 'speed-up'],
      r.catastrophic.rows.map((c) => [
        c.pattern,
        String(c.n),
        ns(c.wordflowNs),
        `${c.v8Capped ? '> ' : ''}${ns(c.v8Ns)}`,
        `${c.v8Capped ? '> ' : ''}${c.speedup.toExponential(1)}×`,
      ]),
    ),
  );
  out.push(
    `target ≥ 10⁶× at n = 28: ${verdict(r.catastrophic.rows.every((c) => c.n >= 28) ? r.catastrophic.rows.every((c) => c.speedup >= 1e6) : null)}${r.catastrophic.rows.some((c) => c.n < 28) ? ' (quick run uses a smaller n)' : ''}`,
  );

  out.push('', 'Compile: pattern → minimal DFA (ms)', compileTimingNote(r.compile.realisticTiming));
  out.push(
    table(
      ['pattern', 'states', 'wordflow', 'refa', 'refa / wf'],
      [...r.compile.realistic, ...r.compile.blowUp].map((c) => [
        c.name,
        f(c.states),
        f(c.wordflowMs, 2),
        f(c.refaMs, 2),
        x(c.speedup),
      ]),
    ),
  );
  out.push(
    `realistic: median ${x(r.compile.medianSpeedup)} (target ≥ 1×: ${verdict(r.compile.medianSpeedup === null ? null : r.compile.medianSpeedup >= 1)}); ` +
      `blow-up family: lowest ${x(r.compile.minBlowUpSpeedup)} (target ≥ 3×: ${verdict(r.compile.minBlowUpSpeedup === null ? null : r.compile.minBlowUpSpeedup >= 3)})`,
  );

  out.push('', 'Parallel composition (one large input in memory)');
  out.push(
    table(
      [
        'pattern',
        'MiB',
        'threads',
        '1 thread MB/s',
        'parallel MB/s',
        'speed-up (medians)',
        'best vs best',
        'load average',
      ],
      r.parallel.rows.map((p) => [
        p.name,
        f(p.bytes / (1 << 20)),
        String(p.threads),
        f(p.singleMBps),
        f(p.parallelMBps),
        x(p.speedup),
        x(p.bestSpeedup),
        `${f(p.load, 1)}${p.load > 0.75 * r.machine.cores ? ' (busy)' : ''}`,
      ]),
    ),
  );
  out.push(
    `target ≥ 1.6× on 2 cores for 64 MB: ${verdict(r.parallel.rows.every((p) => p.bytes >= 64e6) ? r.parallel.rows.every((p) => p.speedup >= 1.6) : null)}${r.machine.cores < 2 ? ' (one core only)' : ''}`,
  );
  if (r.startup !== null) {
    const st = r.startup;
    out.push(
      '',
      `Start-up: wall time of a whole run, fresh processes, median of ${st.pairs} alternating pairs (load average ${f(st.load, 1)})`,
    );
    out.push(
      table(
        ['command', 'ms'],
        [
          ['wordflow check a a', f(st.wordflowMs)],
          ['node -e 0', f(st.nodeMs)],
        ],
      ),
    );
    out.push(`median ratio ${x(st.ratio)} (target ≤ 1.5×: ${verdict(st.ratio <= 1.5)})`);
  }

  out.push(
    '',
    `Incremental edits of a ${f(r.incremental.bytes / 1e6, 1)} MB string: median ${f(r.incremental.medianMs, 3)} ms, max ${f(r.incremental.maxMs, 2)} ms over ${r.incremental.edits} edits (target median < 1 ms: ${verdict(r.incremental.medianMs < 1)})`,
  );
  out.push(
    `Streaming ${f(r.memory.bytes / 1e6)} MB: RSS growth ${f(r.memory.rssGrowthMB, 1)} MB at ${f(r.memory.MBps)} MB/s (target < 100 MB for 1 GB: ${verdict(r.memory.bytes >= 1e9 ? r.memory.rssGrowthMB < 100 : null)})`,
  );

  if (r.embeddings !== null) {
    out.push('', `Embeddings: ns per letter on ${r.embeddings.pattern}, ${f(r.embeddings.letters)} letters`);
    out.push(
      table(
        ['decider', 'ns / letter', 'vs DFA walk'],
        r.embeddings.rows.map((e) => [e.name, f(e.nsPerLetter, 1), x(e.vsDfaWalk)]),
      ),
    );
    const flow = r.embeddings.rows.find((e) => e.name === 'flow2d');
    if (flow !== undefined) out.push(`flow2d within 5× of the DFA walk: ${verdict(flow.vsDfaWalk <= 5)}`);
  }
  out.push(
    '',
    'Matrix approximation (wordflow matrix): seeded random targets with det > 0, dyadic vocabulary, one compile each',
  );
  out.push(
    table(
      ['d', 'ε', 'compile', 'words', 'determinant', '≥ (lower bound)', 'shears + halvings', 'error ≤'],
      r.matrix.map((m) => [
        String(m.dimension),
        m.eps.toExponential(0),
        `${f(m.ms, 0)} ms`,
        f(m.length),
        f(m.determinant),
        f(m.determinantLowerBound),
        f(m.shearWords),
        m.bound.toExponential(2),
      ]),
    ),
  );
  out.push(
    'shear words grow like log(1/ε) (Horner digits); determinant words like 1/ε, and no sentence needs fewer than the lower bound',
  );
  if (r.approx.rows.length > 0) {
    out.push('', `approx: build time of one sentence over V* on [-1,1]² (the measurement on a grid not included)`);
    out.push(
      table(
        ['target', 'ε', 'words', 'ms'],
        r.approx.rows.map((a) => [
          a.name,
          String(a.eps),
          a.refused === undefined ? f(a.words) : `refused (${a.refused})`,
          f(a.ms),
        ]),
      ),
    );
  }
  if (r.notes.length > 0) out.push('', ...r.notes.map((n) => `note: ${n}`));
  return out.join('\n');
}
