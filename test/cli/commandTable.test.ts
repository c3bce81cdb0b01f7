/**
 * The command table lists every command before its module is loaded (for
 * `--help` and to pick the one module a run needs). Each line must say what
 * its module registers, or `--help` would drift from the commands' own help.
 */
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, entryFor } from '../../src/cli/commandTable.js';
import { wordflow } from '../support/cli.js';

describe('command table', () => {
  it('each line matches the command its module registers: name, listing and description', async () => {
    const help = new Help();
    for (const entry of COMMANDS) {
      const program = new Command('wordflow');
      (await entry.load()).register(program);
      const cmd = program.commands.find((c) => c.name() === entry.name);
      expect(cmd, entry.name).toBeDefined();
      expect(help.subcommandTerm(cmd!)).toBe(`${entry.name} ${entry.usage}`);
      expect(cmd!.description()).toBe(entry.description);
    }
  });

  it('every command a module registers has a line naming that module, in the same order', async () => {
    const seen = new Set<unknown>();
    for (const entry of COMMANDS) {
      if (seen.has(entry.load)) continue;
      seen.add(entry.load);
      const program = new Command('wordflow');
      (await entry.load()).register(program);
      const names = program.commands.map((c) => c.name());
      const lines = COMMANDS.filter((c) => c.load === entry.load).map((c) => c.name);
      expect(names).toEqual(lines);
      // Commands sharing a module are listed together, so --help keeps the table's order.
      const at = COMMANDS.findIndex((c) => c.load === entry.load);
      expect(COMMANDS.slice(at, at + lines.length).map((c) => c.name)).toEqual(lines);
    }
  });

  it('only the default command is registered as the default', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('wordflow');
      (await entry.load()).register(program);
      const isDefault = (program as unknown as { _defaultCommandName?: string })._defaultCommandName === entry.name;
      expect(isDefault, entry.name).toBe(entry === COMMANDS[0]);
    }
  });

  it('a command line needs the module of the command it names', () => {
    expect(entryFor(['check', 'a', 'a']).name).toBe('check');
    expect(entryFor(['--json', 'count', 'a*']).name).toBe('count');
    expect(entryFor(['help', 'sample']).name).toBe('sample');
    expect(entryFor(['help']).name).toBe('play');
    expect(entryFor([]).name).toBe('play');
    expect(entryFor(['(a|b)*']).name).toBe('play');
    expect(entryFor(['--help']).name).toBe('play');
  });

  it('the built CLI lists every command with its description, and runs one it did not expect to need', () => {
    const help = wordflow(['--help']);
    expect(help.code).toBe(0);
    for (const entry of COMMANDS) expect(help.stdout).toContain(`  ${entry.name} ${entry.usage}`);
    const listed = help.stdout.split('\n').filter((l) => /^ {2}\w/.test(l) && !l.includes('$ wordflow'));
    // Each command once, plus commander's own `help`.
    expect(listed.map((l) => l.trim().split(' ')[0])).toEqual([...COMMANDS.map((c) => c.name), 'help']);
    // `check` is the first word but the value of an option of the default command: the playground runs after all.
    const played = wordflow(['--vs', 'check']);
    expect(played.code).toBe(2);
    expect(played.stderr).toContain('needs a terminal');
    expect(wordflow(['help', 'count']).stdout).toContain('--length');
  });
});
