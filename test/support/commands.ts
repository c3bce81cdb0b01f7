/** The commands that read a pattern (and take --syntax): one list for the tests that walk them. */
export const PATTERN_COMMANDS = [
  'play',
  'check',
  'dfa',
  'equiv',
  'enum',
  'count',
  'sample',
  'regex',
  'compile',
  'trace',
  'certify',
  'monoid',
  'explain',
];
