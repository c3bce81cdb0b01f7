/** `wordflow` / `wordflow play [PATTERN]`: the terminal playground. */
import { type Command, Option } from 'commander';
import { asWordflowError } from '../../errors.js';
import { type GalleryEntry, loadGallery } from '../../gallery.js';
import { LIVE_LIMITS } from '../../limits.js';
import { EMBEDDING_NAMES, type EmbeddingName } from '../../tui/state.js';
import { action, intOption, limitsOf, syntaxOf, withLimits, withSyntax } from '../common.js';
import { descriptionOf } from '../commandTable.js';

/** The built-in example the playground opens on: the classic "ends in abb", with a string it accepts. */
export const EXAMPLE = { pattern: '(a|b)*abb', string: 'babb', strings: ['abb', 'babb', 'ab', 'abba'] } as const;

/** Registers `play` as the default command, with the limit flags (raising the live budgets). */
export function register(program: Command): void {
  const cmd = program
    .command('play', { isDefault: true })
    .description(descriptionOf('play'))
    .argument('[pattern]', 'the expression to open with', EXAMPLE.pattern)
    .option('-s, --string <string>', 'the test string to open with', undefined)
    .option('--vs <pattern>', 'a second pattern for the equivalence pane')
    .addOption(
      new Option('-e, --embedding <name>', 'the embedding shown first').choices([...EMBEDDING_NAMES]).default('flow2d'),
    )
    .option(
      '--live-pairs <n>',
      'build and certify vocabularies live up to this many (state, class) pairs',
      (v: string) => intOption(v, '--live-pairs'),
    );
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow                                   # opens on (a|b)*abb with the string babb
  $ wordflow play '[0-9]+(\\.[0-9]+)?' --string 3.14
  $ wordflow play '(a|b)*' --vs '(a*b*)*'       # with the equivalence pane filled in
  $ wordflow play '(aa)*' -e relu1d
  $ wordflow play --syntax ecma 'a=1&b=2'          # & is a character (x or ^T switches the syntax)`,
  );
  withLimits(cmd, { also: ['maxMonoid', 'maxEnumLength'], defaults: LIVE_LIMITS });
  withSyntax(cmd).action(
    action(async (pattern: string, opts: Record<string, unknown>) => {
      const string =
        typeof opts['string'] === 'string' ? opts['string'] : pattern === EXAMPLE.pattern ? EXAMPLE.string : '';
      // A missing or unreadable gallery is shown in its pane; it does not stop the playground.
      let gallery: GalleryEntry[] = [];
      let galleryError: string | null = null;
      try {
        gallery = loadGallery();
      } catch (e) {
        galleryError = asWordflowError(e).message;
      }
      // Ink, React and Yoga load only here: every other command starts without them.
      const { runPlayground } = await import('../../tui/run.js');
      return runPlayground({
        gallery,
        galleryError,
        pattern,
        string,
        other: typeof opts['vs'] === 'string' ? opts['vs'] : undefined,
        embedding: opts['embedding'] as EmbeddingName,
        syntax: syntaxOf(opts),
        limits: limitsOf(opts),
        livePairs: typeof opts['livePairs'] === 'number' ? opts['livePairs'] : undefined,
      });
    }),
  );
}
