/**
 * The dependency rules of docs/ARCHITECTURE.md ("Stages and dependency
 * rules"): no cycles; a stage imports only its own stage and the stages
 * below it; nothing below the front ends (src/cli, src/tui) imports them;
 * src never imports test; no file or thread I/O below the front ends except
 * where named.
 */

/** Stages from the bottom up; each entry is a folder of src (or a top-level module, with `.ts`). */
const STAGES = [
  ['errors.ts', 'limits.ts'],
  ['alphabet', 'flows'],
  ['syntax', 'mapexpr'],
  ['automata'],
  ['language.ts'],
  ['vocabulary', 'matcher', 'matrix', 'approx'],
  ['parallel', 'incremental'],
  ['present', 'bench', 'gallery.ts', 'index.ts'],
  ['cli', 'tui'],
];

const pathOf = (entry) => (entry.endsWith('.ts') ? `^src/${entry.replace('.', '\\.')}$` : `^src/${entry}/`);

const layering = STAGES.flatMap((stage, level) => {
  const above = STAGES.slice(level + 1).flat();
  if (above.length === 0) return [];
  return stage.map((entry) => ({
    name: `stage-${entry.replace('.ts', '')}`,
    severity: 'error',
    comment: `src/${entry} may import only its own stage and the stages below it (see docs/ARCHITECTURE.md).`,
    from: { path: pathOf(entry) },
    // present/width.ts imports nothing (display width of text); the vocabulary's text renderings use it.
    to: { path: above.map(pathOf).join('|'), pathNot: '^src/present/width\\.ts$' },
  }));
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes two modules one: split the shared part out below both. A cycle closed only by a dynamic ' +
        'import (the command table loading a command on demand) is no cycle at load time.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
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
      comment: 'Only the front ends themselves import src/cli and src/tui.',
      from: { path: '^src/', pathNot: '^src/(cli|tui)/' },
      to: { path: '^src/(cli|tui)/' },
    },
    {
      name: 'engines-apart',
      severity: 'error',
      comment: 'The vocabularies and the compiled matcher are separate engines over the same DFA.',
      from: { path: '^src/vocabulary/' },
      to: { path: '^src/matcher/' },
    },
    {
      name: 'matcher-apart',
      severity: 'error',
      comment: 'The vocabularies and the compiled matcher are separate engines over the same DFA.',
      from: { path: '^src/matcher/' },
      to: { path: '^src/vocabulary/' },
    },
    ...layering,
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
      to: {
        path: '^(node:)?(fs|fs/promises|child_process|net|http|https|worker_threads|readline)$',
        dependencyTypes: ['core'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
