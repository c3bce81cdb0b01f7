/** Starting the playground: without a terminal, with the real gallery, with and without colour. */
import { afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { cleanup } from 'ink-testing-library';
import { loadGallery } from '../../src/gallery.js';
import { compileSource, LIVE_LIMITS } from '../../src/tui/analysis.js';
import { NO_TTY_MESSAGE, runPlayground } from '../../src/tui/run.js';
import { colorWanted, styleProps } from '../../src/tui/theme.js';
import { limits } from '../../src/limits.js';
import { wordflow } from '../support/cli.js';
import { KEY, play } from './harness.js';

afterEach(() => cleanup());

class Sink extends EventEmitter {
  text = '';
  isTTY: boolean;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

describe('without a terminal', () => {
  it('runPlayground says so in one line and returns 2', async () => {
    for (const [inTTY, outTTY] of [
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      const stderr = new Sink(false);
      const code = await runPlayground(
        {},
        {
          stdin: new Sink(inTTY) as unknown as NodeJS.ReadStream,
          stdout: new Sink(outTTY) as unknown as NodeJS.WriteStream,
          stderr: stderr as unknown as NodeJS.WriteStream,
        },
      );
      expect(code).toBe(2);
      expect(stderr.text).toBe(`${NO_TTY_MESSAGE}\n`);
    }
  });

  it('bare `wordflow` and `wordflow play` exit 2 with the message when piped', () => {
    for (const args of [[], ['play'], ['play', '(ab)*', '--string', 'abab']]) {
      const r = wordflow(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe('wordflow play needs a terminal; use wordflow check/dfa/… in scripts');
      expect(r.stdout).toBe('');
    }
  });
});

describe('the real gallery', () => {
  const gallery = loadGallery();

  it('every example compiles under the live budgets', () => {
    expect(gallery.length).toBeGreaterThan(0);
    for (const e of gallery) {
      const r = compileSource(
        e.kind === 're' ? { kind: 're', text: e.source.trim() } : { kind: 'fa', text: e.source, path: e.path },
        limits(LIVE_LIMITS),
      );
      expect(r.ok, `${e.name}: ${r.ok ? '' : r.error.message}`).toBe(true);
      // Within the live budgets: a full DFA, not the lazy fallback.
      expect(r.ok && r.value.engine).toBe('dfa');
    }
  });

  it('loads an automaton file with Enter and decides strings with it', async () => {
    const index = gallery.findIndex((e) => e.name === 'mult3');
    expect(index).toBeGreaterThanOrEqual(0);
    const d = await play({ initialPattern: 'x', initialString: '110', gallery });
    await d.press(KEY.escape, '6', ...Array.from({ length: index }, () => KEY.down), KEY.enter);
    await d.until((f) => {
      expect(f).toContain('mult3.fa');
      expect(f).toMatch(/string\s+110.*✓ accepted/);
    });
    await d.press('s', '1');
    await d.until((f) => expect(f).toMatch(/string ▸\s+1101.*✗ rejected/));
  });
});

describe('colour', () => {
  it('NO_COLOR turns colour off; every style is still distinguishable without it', () => {
    expect(colorWanted({ NO_COLOR: '1' })).toBe(false);
    expect(colorWanted({ NO_COLOR: '' })).toBe(true);
    expect(colorWanted({})).toBe(true);
    for (const style of [
      'good',
      'bad',
      'accent',
      'cursor',
      'highlight',
      'mark',
      'activeTitle',
      'plot2',
      'plot4',
    ] as const) {
      const mono = styleProps(style, false);
      expect(mono.color).toBeUndefined();
      expect(mono.backgroundColor).toBeUndefined();
      expect(Object.values(mono).some((v) => v === true)).toBe(true);
    }
    expect(styleProps('good', true).color).toBe('green');
  });
});
