// Writes dist/cli/check.cache, V8's code cache of the start-up bundle of `check`, after a warm-up run that
// accepts one string and rejects another (run by scripts/bundle.mjs; see src/cli/codeCache.ts).
import { URL } from 'node:url';
import { writeCodeCache } from '../dist/cli/codeCache.js';

await writeCodeCache(new URL('../dist/cli/', import.meta.url), ['check', '(a|b)*abb', 'aabb', 'ab']);
// The warm-up's reject set exit code 1, as a run of `check` does; the cache is written.
process.exitCode = 0;
