/**
 * The gallery of example languages in `grammars/examples/` (`*.re` patterns
 * and `*.fa` automaton files, each with a one-line description). This module
 * reads files, so it is for the front ends; the library never calls it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WordflowError } from './errors.js';

/** One example language. */
export interface GalleryEntry {
  /** The file name without its extension, e.g. `parity`. */
  readonly name: string;
  readonly kind: 're' | 'fa';
  /** The first comment line, without its `#`. */
  readonly description: string;
  /** For `re`: the pattern (comments and final newline removed). For `fa`: the whole file. */
  readonly source: string;
  /** Absolute path of the file. */
  readonly path: string;
}

/**
 * The package root: the nearest folder above this module holding
 * `package.json`. Works from `src/` (tsx, vitest), from `dist/` after `tsc`,
 * and from an installed copy under `node_modules/`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new WordflowError(
        'usage',
        'cannot find the wordflow package folder (no package.json above the gallery module)',
      );
    dir = parent;
  }
}

/** The default gallery folder, `grammars/examples/` in the package. */
export function galleryDir(): string {
  return join(packageRoot(), 'grammars', 'examples');
}

function description(lines: readonly string[]): string {
  const first = lines.find((l) => l.trimStart().startsWith('#'));
  return first === undefined ? '' : first.trimStart().replace(/^#\s*/, '').trim();
}

/**
 * One gallery entry from a file's name and text. For `.re` the leading
 * lines that start with `#` are comments (the first is the description) and
 * the rest of the file without its final newline is the pattern; for `.fa`
 * the first comment line is the description and the source is the whole file.
 */
export function galleryEntry(path: string, text: string): GalleryEntry {
  const ext = extname(path);
  const kind = ext === '.fa' ? 'fa' : 're';
  const name = basename(path, ext);
  const lines = text.split('\n');
  if (kind === 'fa') return { name, kind, description: description(lines), source: text, path };
  let k = 0;
  while (k < lines.length && lines[k]!.startsWith('#')) k++;
  const pattern = lines
    .slice(k)
    .join('\n')
    .replace(/\r?\n$/, '');
  return { name, kind, description: description(lines.slice(0, k)), source: pattern, path };
}

/**
 * Every `*.re` and `*.fa` file of `dir` (default: the package's
 * `grammars/examples/`), sorted by file name. Throws a `usage`
 * `WordflowError` when the folder or a file cannot be read.
 */
export function loadGallery(dir: string = galleryDir()): GalleryEntry[] {
  const folder = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    throw new WordflowError(
      'usage',
      `cannot read the gallery folder ${folder}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  return names
    .filter((n) => n.endsWith('.re') || n.endsWith('.fa'))
    .sort()
    .map((n) => {
      const path = join(folder, n);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        throw new WordflowError(
          'usage',
          `cannot read the gallery file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        );
      }
      return galleryEntry(path, text);
    });
}
