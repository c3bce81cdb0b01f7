/** `wordflow trace`: each step's symbol, class, state, point and region; exit 0 iff all accepted. */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

describe('wordflow trace', () => {
  it('prints one row per letter and the verdict; exit 0 on accept', () => {
    const r = wordflow(['trace', '(a|b)*abb', 'abb', '--embedding', 'relu1d']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[0]).toMatch(/^step\s+symbol\s+class\s+state\s+region\s+point$/);
    expect(lines[1]).toMatch(/^0\s+0\s+R_0\s+\(0\)$/);
    expect(lines[4]).toMatch(/^3\s+"b"\s+b\s+3\s+R_3 ⊆ T\s+\(3\)$/);
    expect(lines[5]).toMatch(/^accept/);
  });

  it('exit 1 when a string is rejected; several strings, also from stdin', () => {
    const r = wordflow(['trace', '(a|b)*abb', 'abb', 'ab']);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^(accept|reject)/gm)).toEqual(['accept', 'reject']);
    const stdin = wordflow(['trace', 'a*'], 'aa\nb\n');
    expect(stdin.stdout.match(/^(accept|reject)/gm)).toEqual(['accept', 'reject']);
    expect(stdin.code).toBe(1);
  });

  it('--json: one value per string; flow2d steps carry the continuous path along the phrase', () => {
    const r = wordflow(['trace', 'ab*', 'abb', 'x', '--json', '--samples', '2']);
    const [t, u] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(t.embedding).toBe('flow2d');
    expect(t.accept).toBe(true);
    expect(u.accept).toBe(false);
    expect(t.steps.map((s: { symbol: string | null }) => s.symbol)).toEqual([null, 'a', 'b', 'b']);
    for (let i = 1; i < t.steps.length; i++) {
      const path = t.steps[i].flow;
      expect(path.length % 3).toBe(0);
      expect([path[0].x, path[0].y]).toEqual(t.steps[i - 1].point);
      expect([path.at(-1).x, path.at(-1).y]).toEqual(t.steps[i].point);
      expect(t.steps[i].region).toBe(t.steps[i].state);
    }
  });

  it('counts code points, not UTF-16 units', () => {
    const r = wordflow(['trace', '.', '😀', '--json', '--embedding', 'transform']);
    const t = JSON.parse(r.stdout);
    expect(t.steps).toHaveLength(2);
    expect(t.steps[1].symbol).toBe('😀');
    expect(r.code).toBe(0);
  });

  it('with --fa the first argument is the string', () => {
    const r = wordflow(['trace', '--fa', 'grammars/examples/parity.fa', 'aba', '--embedding', 'onehot']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^accept/m);
  });
});
