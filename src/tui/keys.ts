/**
 * Raw terminal input → key events. Ink splits stdin into escape sequences
 * and runs of plain text; a run can hold several keystrokes (fast typing,
 * `tmux send-keys`, a paste), so control characters inside it become key
 * events of their own and the printable stretches between them become text.
 * Backspace (DEL, 0x7f) and the Delete key (ESC [3~) are told apart here,
 * which Ink's own key parsing does not do.
 */

/** The named keys the playground understands. */
export type KeyName =
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'pageUp'
  | 'pageDown'
  | 'wordLeft'
  | 'wordRight'
  | 'backspace'
  | 'delete'
  | 'deleteWordBack'
  | 'deleteWordForward'
  | 'enter'
  | 'tab'
  | 'backtab'
  | 'escape'
  | 'help'
  | 'ctrl-a'
  | 'ctrl-c'
  | 'ctrl-d'
  | 'ctrl-e'
  | 'ctrl-k'
  | 'ctrl-l'
  | 'ctrl-t'
  | 'ctrl-u'
  | 'alt-1'
  | 'alt-2'
  | 'alt-3'
  | 'alt-4'
  | 'alt-5'
  | 'alt-6';

/** A key press: text to insert (one or more code points) or a named key. */
export type KeyEvent =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'key'; readonly name: KeyName };

const key = (name: KeyName): KeyEvent => ({ kind: 'key', name });

/** Escape sequences (CSI / SS3 / ESC+char) → keys; anything else is ignored. */
const SEQUENCES: ReadonlyMap<string, KeyName> = new Map<string, KeyName>([
  ['\x1b[A', 'up'],
  ['\x1b[B', 'down'],
  ['\x1b[C', 'right'],
  ['\x1b[D', 'left'],
  ['\x1bOA', 'up'],
  ['\x1bOB', 'down'],
  ['\x1bOC', 'right'],
  ['\x1bOD', 'left'],
  ['\x1b[H', 'home'],
  ['\x1b[F', 'end'],
  ['\x1bOH', 'home'],
  ['\x1bOF', 'end'],
  ['\x1b[1~', 'home'],
  ['\x1b[4~', 'end'],
  ['\x1b[7~', 'home'],
  ['\x1b[8~', 'end'],
  ['\x1b[3~', 'delete'],
  ['\x1b[5~', 'pageUp'],
  ['\x1b[6~', 'pageDown'],
  ['\x1b[Z', 'backtab'],
  ['\x1bOP', 'help'],
  ['\x1b[11~', 'help'],
  ['\x1b[[A', 'help'],
  // Ctrl/Alt + arrows move by words, as in shells.
  ['\x1b[1;5C', 'wordRight'],
  ['\x1b[1;5D', 'wordLeft'],
  ['\x1b[1;3C', 'wordRight'],
  ['\x1b[1;3D', 'wordLeft'],
  ['\x1b[5C', 'wordRight'],
  ['\x1b[5D', 'wordLeft'],
  ['\x1bOc', 'wordRight'],
  ['\x1bOd', 'wordLeft'],
  ['\x1b\x1b[C', 'wordRight'],
  ['\x1b\x1b[D', 'wordLeft'],
  ['\x1bb', 'wordLeft'],
  ['\x1bf', 'wordRight'],
  ['\x1bd', 'deleteWordForward'],
  ['\x1b\x7f', 'deleteWordBack'],
  ['\x1b\b', 'deleteWordBack'],
  ['\x1b[3;5~', 'deleteWordForward'],
  ['\x1b', 'escape'],
  ['\x1b\x1b', 'escape'],
  ['\x1b1', 'alt-1'],
  ['\x1b2', 'alt-2'],
  ['\x1b3', 'alt-3'],
  ['\x1b4', 'alt-4'],
  ['\x1b5', 'alt-5'],
  ['\x1b6', 'alt-6'],
]);

/** Control characters → keys (others are dropped). */
const CONTROLS: ReadonlyMap<number, KeyName> = new Map<number, KeyName>([
  [0x01, 'ctrl-a'],
  [0x02, 'left'],
  [0x03, 'ctrl-c'],
  [0x04, 'ctrl-d'],
  [0x05, 'ctrl-e'],
  [0x06, 'right'],
  [0x08, 'backspace'],
  [0x09, 'tab'],
  [0x0a, 'enter'],
  [0x0b, 'ctrl-k'],
  [0x0c, 'ctrl-l'],
  [0x0d, 'enter'],
  [0x0e, 'down'],
  [0x10, 'up'],
  [0x14, 'ctrl-t'],
  [0x15, 'ctrl-u'],
  [0x17, 'deleteWordBack'],
  [0x7f, 'backspace'],
]);

/** Whether a code point is a control character (C0, DEL, C1). */
const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

/** The key events of one raw input event. */
export function parseKeys(raw: string): KeyEvent[] {
  if (raw.startsWith('\x1b')) {
    const name = SEQUENCES.get(raw);
    if (name !== undefined) return [key(name)];
    // Kitty-style `CSI codepoint u` for plain text keys; other unknown sequences are ignored.
    const kitty = /^\x1b\[(\d+)u$/.exec(raw);
    if (kitty !== null) {
      const cp = Number(kitty[1]);
      if (cp === 27) return [key('escape')];
      if (cp === 13) return [key('enter')];
      if (cp === 9) return [key('tab')];
      if (cp === 127) return [key('backspace')];
      if (cp > 0x20 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && !isControl(cp))
        return [{ kind: 'text', text: String.fromCodePoint(cp) }];
      return [];
    }
    // ESC + a character arrives for Alt+key, and also for Esc followed quickly by a key
    // (`tmux send-keys Escape q`); reading it as the two keys makes "Esc, q" quit either way.
    const rest = raw.slice(1);
    if ([...rest].length === 1 && !isControl(rest.codePointAt(0)!))
      return [key('escape'), { kind: 'text', text: rest }];
    return [];
  }
  const out: KeyEvent[] = [];
  let text = '';
  for (const ch of raw) {
    const cp = ch.codePointAt(0)!;
    if (!isControl(cp) && !(cp >= 0xd800 && cp <= 0xdfff)) {
      text += ch;
      continue;
    }
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
    const name = CONTROLS.get(cp);
    if (name !== undefined) out.push(key(name));
  }
  if (text !== '') out.push({ kind: 'text', text });
  return out;
}
