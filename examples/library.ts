/**
 * wordflow as a library: compile an expression, ask questions of its
 * language, and read it as a vocabulary of maps. Run it with
 *   npx tsx examples/library.ts
 * In your own project, import from 'wordflow' instead of '../src/index.js'.
 */
import {
  accepts,
  certify,
  compileMatcher,
  compileRegex,
  countMembers,
  enumerate,
  equivalence,
  formatError,
  intersection,
  printRegex,
  regexOfDfa,
  trace,
  vocabulary,
  WordflowError,
} from '../src/index.js';

// Text → minimal complete DFA over classes of code points.
const endsInAbb = compileRegex('(a|b)*abb');
console.log(`states: ${endsInAbb.states}`);
console.log(`accepts "babb": ${accepts(endsInAbb, 'babb')}, "abba": ${accepts(endsInAbb, 'abba')}`);

// For many strings or long ones, compile a matcher once: typed-array loops
// for short strings, WebAssembly generated from the tables for long ones.
const identifier = compileMatcher(compileRegex('[A-Za-z_][A-Za-z0-9_]*'));
const names = ['x1', '9lives', 'snake_case', 'a-b'];
console.log(`identifiers: ${names.map((s) => `${s} ${identifier.accepts(s) ? 'yes' : 'no'}`).join(', ')}`);
console.log(`a 1 MB identifier: ${identifier.accepts('x'.repeat(1 << 20))}`);

// Its members, shortest first, and how many there are of length 10.
const first: string[] = [];
for (const s of enumerate(endsInAbb)) if (first.push(s) === 4) break;
console.log(`first members: ${first.join(', ')}`);
console.log(`members of length 10: ${countMembers(endsInAbb, 10)}`);

// Languages combine like sets; a DFA goes back to an expression.
const noAa = compileRegex('~(.*aa.*)');
console.log(`ends in abb, no aa: ${printRegex(regexOfDfa(intersection(endsInAbb, noAa)))}`);
const same = equivalence(compileRegex('a*'), compileRegex('a+'));
console.log(`a* = a+? ${same.equal}: ${JSON.stringify(same.witness)} is in ${same.in} only`);

// Every letter a map of the plane; a sentence means the composition of its words.
const v = vocabulary(endsInAbb, 'flow2d');
console.log(`flow2d certificate holds: ${certify(v).holds}`);
const t = trace(v, 'babb');
console.log(`states along "babb": ${t.steps.map((s) => s.state).join(' → ')}`);
console.log(`end point: (${t.steps[t.steps.length - 1]!.point.join(', ')}), accepted: ${t.accept}`);

// Bad input is a WordflowError that says what and where.
try {
  compileRegex('(a|b');
} catch (e) {
  if (e instanceof WordflowError) console.log(formatError(e));
}
