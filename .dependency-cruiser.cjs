/**
 * The dependency rules of docs/ARCHITECTURE.md ("Stages and their rules"):
 * no cycles; each stage imports only the stages below it; nothing below the
 * front ends (src/cli, src/tui) imports them; src never imports test; no file
 * or process I/O below the front ends except where named.
 */
const STAGES_ABOVE = {
  // The foundations: code-point sets and the flows import nothing of wordflow but errors and limits.
  alphabet: 'src/(syntax|automata|vocabulary|matcher|parallel|incremental|present|bench|cli|tui|flows|language|index|gallery)',
  flows: 'src/(syntax|alphabet|automata|vocabulary|matcher|parallel|incremental|present|bench|cli|tui|language|index|gallery)',
  syntax: 'src/(automata|vocabulary|matcher|parallel|incremental|present|bench|cli|tui|language|index|gallery)',
  automata: 'src/(vocabulary|matcher|parallel|incremental|present|bench|cli|tui|language|index|gallery)',
  vocabulary: 'src/(matcher|parallel|incremental|present|bench|cli|tui|index|gallery)',
  matcher: 'src/(vocabulary|parallel|incremental|present|bench|cli|tui|index|gallery)',
  present: 'src/(bench|cli|tui|index)',
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: split the shared part out below both.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-test',
      severity: 'error',
      comment: 'The library never depends on its tests.',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'front-ends-on-top',
      severity: 'error',
      comment: 'Only the front ends (and nothing below them) may import src/cli and src/tui.',
      from: { path: '^src/', pathNot: '^src/(cli|tui)/' },
      to: { path: '^src/(cli|tui)/' },
    },
    ...Object.entries(STAGES_ABOVE).map(([stage, above]) => ({
      name: `${stage}-imports-only-below`,
      severity: 'error',
      comment: `src/${stage} may not import a later stage (see docs/ARCHITECTURE.md).`,
      from: { path: `^src/${stage}/` },
      to: { path: `^${above}([./]|$)` },
    })),
    {
      name: 'no-io-below-front-ends',
      severity: 'error',
      comment:
        'Files, processes and threads belong to the front ends, the benchmark, the parallel scan and the gallery; ' +
        'the chevrotain loader only resolves a module path.',
      from: {
        path: '^src/',
        pathNot: '^src/(cli|tui|bench|parallel)/|^src/gallery\\.ts$|^src/syntax/chevrotain\\.ts$',
      },
      to: { path: '^(node:)?(fs|fs/promises|child_process|net|http|https|worker_threads|readline)$', dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
