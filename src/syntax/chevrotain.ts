/**
 * chevrotain, loaded from its single-file build. The package's entry is ESM
 * that imports lodash-es, which Node loads as some 600 modules: about 180 ms
 * of start-up for every command on Node 20, against about 10 ms for the
 * package's own bundle of the same version (`lib/chevrotain.mjs`, not in its
 * `exports`, hence the path). Every value import of chevrotain goes through
 * here, so that one copy of its classes and token types is in use; types come
 * from the package as usual. Without the bundle the package entry is used.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

async function load(): Promise<Chevrotain> {
  // The package entry, `…/chevrotain/lib/src/api.js`; the bundle is `…/lib/chevrotain.mjs`.
  const bundle = join(dirname(createRequire(import.meta.url).resolve('chevrotain')), '..', 'chevrotain.mjs');
  return (existsSync(bundle) ? await import(pathToFileURL(bundle).href) : await import('chevrotain')) as Chevrotain;
}

export const { createToken, EmbeddedActionsParser, EOF, Lexer, tokenMatcher } = await load();
