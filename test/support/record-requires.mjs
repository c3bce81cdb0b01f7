// Preloaded with `node --import` by test/cli/startup.test.ts: writes every file
// loaded through require() to stderr as `required <path>` when the process exits,
// so a test can tell which CommonJS files a command loaded.
import Module from 'node:module';

const loaded = [];
const original = Module._load;
Module._load = function (request, parent, isMain) {
  const result = original.call(this, request, parent, isMain);
  try {
    loaded.push(Module._resolveFilename(request, parent, isMain));
  } catch {
    loaded.push(request);
  }
  return result;
};
process.on('exit', () => {
  for (const file of loaded) process.stderr.write(`required ${file}\n`);
});
