/**
 * The one way to the table of Unicode property regexes (`properties.ts`),
 * asked for only when a pattern names a property. Parsing that table costs
 * more than everything else `wordflow check` does, so the CLI bundle swaps
 * this module for one that loads the table, built as its own file, on the
 * first call (scripts/bundle.mjs); the library and the tests load it here
 * like any other module. Import nothing from `properties.ts` but types
 * anywhere else, or the table is parsed at start-up again.
 */
import * as table from './properties.js';

/** The rows of every property name, by namespace. */
export type PropertyTable = typeof table;

/** The property table (loaded by the time this returns). */
export function propertyTable(): PropertyTable {
  return table;
}
