/** The playground as a person sees it: every pane and key binding, asserted on the visible text. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { GALLERY, KEY, play, playInTerminal, type Driver } from './harness.js';

const open: Driver[] = [];
async function start(...args: Parameters<typeof play>): Promise<Driver> {
  const d = await play(...args);
  open.push(d);
  return d;
}
afterEach(() => {
  for (const d of open.splice(0)) d.unmount();
  cleanup();
});

/** The frame's text with styles dropped and every run of spaces and line breaks one space (wrapped text joined). */
function flat(frame: string): string {
  return frame.replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');
}

/** The line of the frame that starts with a label (after trimming). */
function row(frame: string, label: string): string {
  return frame.split('\n').find((l) => l.trimStart().startsWith(label)) ?? '';
}

describe('opening', () => {
  it('opens on the given pattern and string with a verdict, summary and the DFA table', async () => {
    const d = await start({ initialPattern: '(a|b)*abb', initialString: 'babb' });
    const f = d.frame();
    expect(row(f, 'pattern')).toContain('(a|b)*abb');
    expect(row(f, 'string')).toContain('babb');
    expect(row(f, 'string')).toContain('accepted');
    expect(f).toContain('5 states (1 accepting');
    expect(f).toMatch(/→\s+0/); // the start state's row
    expect(f).toContain('1 DFA');
    expect(f.split('\n').length).toBeLessThanOrEqual(23);
    for (const line of f.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});

describe('pattern and string editors', () => {
  it('typing (ab)* and then the string abab shows accept', async () => {
    const d = await start({ initialPattern: '(a|b)*abb', initialString: 'babb' });
    await d.press(KEY.ctrlU, '(ab)*');
    await d.until((f) => expect(row(f, 'pattern')).toContain('(ab)*'));
    await d.press(KEY.tab, KEY.ctrlU, 'a', 'b', 'a', 'b');
    await d.until((f) => {
      expect(row(f, 'string')).toContain('abab');
      expect(row(f, 'string')).toContain('✓ accepted');
      expect(f).toContain('3 states');
    });
    await d.press(KEY.backspace);
    await d.until((f) => expect(row(f, 'string')).toContain('✗ rejected'));
  });

  it('a malformed pattern shows the message and a caret under the fault, and keeps the last good language', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: 'abab' });
    await d.press(KEY.home, KEY.delete); // remove the '(' → "ab)*"
    await d.until((f) => {
      const lines = f.split('\n');
      const i = lines.findIndex((l) => l.trimStart().startsWith('pattern'));
      expect(lines[i]).toContain('ab)*');
      // The caret sits under the ')' (third letter of the pattern).
      const col = lines[i]!.indexOf('ab)*') + 2;
      expect(lines[i + 1]![col]).toBe('^');
      expect(f).toContain("unmatched ')'");
      expect(f).toContain('column 3');
      // The rest still shows the last good language: its table and a verdict.
      expect(row(f, 'string')).toMatch(/accepted|rejected/);
      expect(f).toContain('last good');
    });
    await d.press(KEY.home, '(');
    await d.until((f) => {
      expect(f).not.toContain('unmatched');
      expect(f).toContain('3 states');
    });
  });

  it('past the live state budget decides the string by a lazy DFA, and says why the panes cannot, naming the flag', async () => {
    const d = await start({ initialPattern: 'a', initialString: `a${'b'.repeat(16)}` });
    await d.press(KEY.ctrlU, '(a|b)*a(a|b){16}');
    await d.until((f) => {
      expect(flat(f)).toContain(
        'lazy DFA, membership only: the minimal DFA has more than 20,000 DFA states (the --max-states limit)',
      );
      // The a is 17th from the end: accepted, by the lazy DFA.
      expect(row(f, 'string')).toMatch(/✓ accepted \(lazy DFA\)/);
      // The DFA pane says why it has no table, instead of an error.
      expect(flat(f)).toContain('The DFA table is not available: the minimal DFA has more than 20,000 DFA states');
      expect(f).not.toContain('✗ DFA states');
    }, 20_000);
    await d.press(KEY.tab, 'b');
    await d.until((f) => expect(row(f, 'string')).toMatch(/✗ rejected \(lazy DFA\)/));
    for (const [key, what] of [
      ['2', 'vocabulary is not available'],
      ['3', 'The trace'],
      ['5', 'The list of members is not available'],
    ] as const) {
      await d.press(KEY.escape, key);
      await d.until((f) => {
        expect(flat(f)).toContain(what);
        expect(f).toContain('--max-states');
      });
    }
    await d.press(KEY.escape, '4', '=', 'a*');
    await d.until((f) =>
      expect(flat(f)).toContain('Not compared: A has more than 20,000 DFA states (the --max-states limit)'),
    );
  });

  it('says clearly at a live limit that has no lazy fallback, naming the flag', async () => {
    const d = await start({ initialPattern: 'a', initialString: '' });
    await d.press(KEY.ctrlU, '(a{1000}){300}');
    await d.until((f) => expect(f).toContain('--max-nfa-states'), 20_000);
    expect(d.frame()).toContain('200,000');
  });

  it('shows a spinner while the pattern is pending', async () => {
    const d = await start({ initialPattern: 'a', initialString: 'a', debounceMs: 400 });
    await d.press('b');
    expect(d.frame()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏…] /);
    await d.until((f) => expect(row(f, 'string')).toContain('rejected'));
  });
});

describe('panes', () => {
  it('step mode: arrows move through the letters, showing state, point and composed prefix', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: 'abab', initialEmbedding: 'relu1d' });
    await d.press(KEY.escape, '3');
    await d.until((f) => expect(f).toContain('step 4/4'));
    await d.press(KEY.home);
    await d.until((f) => {
      expect(f).toContain('step 0/4');
      expect(f).toContain('identity');
      expect(f).toMatch(/x_0\s+\(0\)/);
    });
    await d.press(KEY.right);
    await d.until((f) => {
      expect(f).toContain('step 1/4');
      expect(f).toMatch(/state\s+1/);
      expect(f).toMatch(/x_1\s+\(1\)/);
      expect(f).toContain('f_a');
      expect(f).toContain('agrees with the DFA');
    });
    await d.press(KEY.right);
    await d.until((f) => {
      expect(f).toContain('step 2/4');
      expect(f).toContain('f_b ∘ f_a');
      expect(f).toMatch(/state\s+0 accepting/);
    });
  });

  it('the DFA table highlights the current state as the cursor moves', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: 'abab' });
    await d.press(KEY.escape, KEY.home, KEY.right);
    await d.until((f) => {
      expect(f).toMatch(/▶ state 1 after a/);
      expect(f).toMatch(/▶\s+1\s/);
    });
  });

  it('switching embeddings changes the vocabulary pane', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: 'ab', initialEmbedding: 'transform' });
    await d.press(KEY.escape, '2');
    await d.until((f) => expect(f).toContain('δ(·) = 0→'));
    await d.press('e');
    await d.until((f) => {
      expect(f).toContain('onehot · d = 3');
      expect(f).toContain('x ↦ M x');
    });
    await d.press('e');
    await d.until((f) => expect(f).toContain('knots (x, f(x))'));
    await d.press('e');
    await d.until((f) => expect(f).toMatch(/H = \d+/));
    await d.press('e');
    await d.until((f) => {
      expect(f).toContain('flow2d · d = 2');
      expect(f).toMatch(/primitive flows in \d+ runs/);
      expect(f).toContain('✓ certified');
    });
  });

  it('the trace plot: braille for flow2d, number line for relu1d, bars for onehot', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: 'ab', initialEmbedding: 'flow2d' });
    await d.press(KEY.escape, '3');
    await d.until((f) => {
      expect(f).toMatch(/[\u2801-\u28ff]/);
      expect(f).toContain('target');
      expect(f).toContain('●');
    });
    await d.press('E', 'E'); // flow2d → sigmoid → relu1d
    await d.until((f) => expect(f).toContain('▲'));
    await d.press('E'); // relu1d → onehot
    await d.until((f) => {
      expect(f).toContain('█');
      expect(f).toContain('over ★ accepting');
    });
  });

  it('equivalence pane: equal, or the shortest witness and its side', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: '' });
    await d.press(KEY.tab, KEY.tab, '(ab)*|a');
    await d.until((f) => {
      expect(f).toContain('not equal');
      expect(f).toMatch(/witness a\s+is in B only/);
    });
    await d.press(KEY.ctrlU, '()|ab(ab)*');
    await d.until((f) => expect(f).toContain('✓ equal'));
    await d.press(KEY.ctrlU, 'ab');
    await d.until((f) => expect(f).toMatch(/witness ε\s+is in A only/));
  });

  it('members pane lists the first members in shortlex order; Enter tests one', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: 'zz' });
    await d.press(KEY.escape, '5');
    await d.until((f) => {
      expect(f).toContain('shortlex');
      const lines = f.split('\n');
      const i = lines.findIndex((l) => /1 ε/.test(l));
      expect(i).toBeGreaterThan(0);
      expect(lines[i + 1]).toMatch(/2 ab\b/);
      expect(lines[i + 2]).toMatch(/3 abab\b/);
    });
    await d.press(KEY.down, KEY.down, KEY.enter);
    await d.until((f) => {
      expect(row(f, 'string')).toContain('abab');
      expect(row(f, 'string')).toContain('accepted');
    });
  });

  it('a finite language lists all its members', async () => {
    const d = await start({ initialPattern: 'a|bc', initialString: '' });
    await d.press(KEY.escape, '5');
    await d.until((f) => expect(f).toContain('all 2 members'));
  });

  it('gallery: Enter loads the selected example', async () => {
    const d = await start({ initialPattern: 'x', initialString: 'aa' });
    await d.press(KEY.escape, '6');
    await d.until((f) => expect(f).toContain('even-as'));
    await d.press(KEY.enter);
    await d.until((f) => {
      expect(row(f, 'pattern')).toContain('(b*ab*ab*)*|b*');
      expect(row(f, 'string')).toContain('accepted');
      expect(f).toContain('loaded even-as');
    });
    await d.press(KEY.down, KEY.enter);
    await d.until((f) => expect(row(f, 'pattern')).toContain('(a|b)*abb'));
  });

  it('? shows the help overlay and closes it again', async () => {
    const d = await start({ initialPattern: 'a' });
    await d.press(KEY.escape, '?');
    await d.until((f) => {
      expect(f).toContain('wordflow playground — keys');
      expect(f).toContain('quit');
    });
    await d.press('?');
    await d.until((f) => expect(f).not.toContain('playground — keys'));
    await d.press(KEY.f1);
    await d.until((f) => expect(f).toContain('playground — keys'));
  });
});

describe('quitting', () => {
  it('q quits from the panes (the app exits), but types a q in an editor', async () => {
    let quit = 0;
    const d = await start({ initialPattern: 'a', onQuit: () => quit++ });
    await d.press('q');
    await d.until((f) => expect(row(f, 'pattern')).toContain('aq'));
    expect(quit).toBe(0);
    await d.press(KEY.escape, 'q');
    await d.until(() => expect(quit).toBe(1));
  });

  it('Ctrl-C quits from anywhere', async () => {
    let quit = 0;
    const d = await start({ initialPattern: 'a', onQuit: () => quit++ });
    await d.press(KEY.ctrlC);
    await d.until(() => expect(quit).toBe(1));
  });
});

describe('sizes', () => {
  it('at 160×48 shows all six panes side by side', async () => {
    const d = await playInTerminal(160, 48, { initialPattern: '(ab)*', initialString: 'abab' });
    open.push(d);
    await d.until((f) => {
      for (const title of ['1 DFA', '2 Vocabulary', '3 Trace', '4 Equivalence', '5 Members', '6 Gallery'])
        expect(f).toContain(title);
      expect(f).toMatch(/▶ 1 DFA/);
      expect(f.split('\n').length).toBeLessThanOrEqual(47);
      for (const line of f.split('\n')) expect([...line].length).toBeLessThanOrEqual(160);
    });
  });

  it('follows a resize from 80×24 to 160×48 and back', async () => {
    const d = await playInTerminal(80, 24, { initialPattern: '(ab)*', initialString: 'abab' });
    open.push(d);
    await d.until((f) => expect(f).not.toContain('─ 2 Vocabulary'));
    d.resize!(160, 48);
    await d.until((f) => expect(f).toContain('─ 2 Vocabulary'));
    d.resize!(80, 24);
    await d.until((f) => {
      expect(f).not.toContain('─ 2 Vocabulary');
      for (const line of f.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    });
  });

  it('the gallery lists its entries by name and description', async () => {
    const d = await start({ initialPattern: 'a' });
    await d.press(KEY.escape, 'g');
    await d.until((f) => {
      for (const e of GALLERY) expect(f).toContain(e.name);
      expect(f).toContain(GALLERY[0]!.description);
    });
  });
});

describe('more key bindings', () => {
  it('[ ] and Alt-digits switch panes; Shift-Tab goes back a field', async () => {
    const d = await start({ initialPattern: '(ab)*', initialString: 'ab' });
    await d.press('\x1b2'); // Alt-2, even while typing
    // Seven tabs at 80 columns take the tiny titles (Voc, Tr); wider bars spell them out.
    await d.until((f) => expect(f).toMatch(/\[2 Voc/));
    expect(d.frame()).toMatch(/pattern ▸/);
    await d.press(KEY.escape, ']');
    await d.until((f) => expect(f).toMatch(/\[3 Tr/));
    await d.press('[', '[');
    await d.until((f) => expect(f).toContain('[1 DFA]'));
    await d.press(KEY.backtab);
    await d.until((f) => expect(f).toMatch(/editing the 2nd pattern/));
    await d.press(KEY.backtab);
    await d.until((f) => expect(f).toMatch(/string ▸/));
  });

  it('h and l step, j and k and PgDn scroll a long table', async () => {
    const d = await start({ initialPattern: '(a|b)*a(a|b){4}', initialString: 'abab' });
    await d.press(KEY.escape, 'h', 'h');
    await d.until((f) => expect(f).toContain('after ab (2/4)'));
    await d.press('l');
    await d.until((f) => expect(f).toContain('after aba (3/4)'));
    await d.press(KEY.pageDown);
    await d.until((f) => expect(f).toMatch(/↑ \d+ above/));
    await d.press('k');
    await d.until((f) => expect(f).toMatch(/↑ \d+ above|↓ \d+ more/));
  });

  it('Ctrl-A, Ctrl-E, Ctrl-K and Ctrl-W edit the line', async () => {
    const d = await start({ initialPattern: 'abc def', initialString: '' });
    await d.press('\x17'); // delete the word before the cursor
    await d.until((f) => expect(row(f, 'pattern')).toMatch(/pattern ▸ abc\s*$/));
    await d.press('\x01', 'x', '\x05', 'y');
    await d.until((f) => expect(row(f, 'pattern')).toContain('xabc y'));
    await d.press('\x01', KEY.right, '\x0b');
    await d.until((f) => expect(row(f, 'pattern')).toMatch(/pattern ▸ x\s*$/));
  });
});

describe('budgets and long input', () => {
  it('a vocabulary over the live budget says so and names --live-pairs', async () => {
    const d = await start({ initialPattern: '(a|b)*a(a|b){8}', initialString: 'ab', initialEmbedding: 'sigmoid' });
    await d.press(KEY.escape, '2');
    await d.until((f) => {
      expect(f).toContain('live limit');
      expect(f).toContain('--live-pairs');
    }, 20_000);
  });

  it('a pasted long string (past the incremental threshold) gets a verdict, and edits keep it right', async () => {
    const d = await start({ initialPattern: '(a|b)*abb', initialString: '' });
    await d.press(KEY.tab, 'ab'.repeat(3000) + 'abb');
    await d.until((f) => {
      expect(row(f, 'string')).toContain('6003/6003');
      expect(row(f, 'string')).toContain('accepted');
    });
    await d.press(KEY.backspace);
    await d.until((f) => expect(row(f, 'string')).toContain('rejected'));
    await d.press(KEY.home, 'b', KEY.end, 'b');
    await d.until((f) => expect(row(f, 'string')).toContain('accepted'));
  });
});
