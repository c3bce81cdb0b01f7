/**
 * A small, strict XML reader for the picture tests: a character scanner (no
 * regular expressions over the markup) that rejects what an XML 1.0 parser
 * would — unbalanced or crossed tags, unquoted or repeated attributes, raw
 * `<` or `&` in text or attribute values, unknown entities, characters XML
 * cannot carry — and returns the element tree for queries.
 */

/** An element of the parsed tree. */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** The element's own text (entities decoded), concatenated. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isNameChar(ch: string): boolean {
  return /[\p{L}\p{N}_:.-]/u.test(ch);
}

function checkChars(s: string, where: string): void {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const ok =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000;
    if (!ok) throw new Error(`character U+${cp.toString(16)} not allowed in XML (${where})`);
  }
}

function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '<') throw new Error(`raw '<' in ${where}`);
    if (ch !== '&') {
      out += ch;
      continue;
    }
    const end = raw.indexOf(';', i);
    if (end < 0) throw new Error(`unterminated entity in ${where}`);
    const name = raw.slice(i + 1, end);
    if (name.startsWith('#x')) out += String.fromCodePoint(parseInt(name.slice(2), 16));
    else if (name.startsWith('#')) out += String.fromCodePoint(Number(name.slice(1)));
    else if (name in ENTITIES) out += ENTITIES[name];
    else throw new Error(`unknown entity &${name}; in ${where}`);
    i = end;
  }
  return out;
}

/** Parses a document (XML declaration, doctype and comments allowed); throws on anything malformed. */
export function parseXml(doc: string): XmlNode {
  checkChars(doc, 'document');
  let i = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  const skip = (open: string, close: string): boolean => {
    if (!doc.startsWith(open, i)) return false;
    const end = doc.indexOf(close, i + open.length);
    if (end < 0) throw new Error(`unterminated ${open}`);
    i = end + close.length;
    return true;
  };
  while (i < doc.length) {
    if (doc[i] !== '<') {
      const next = doc.indexOf('<', i);
      const raw = doc.slice(i, next < 0 ? doc.length : next);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (raw.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(raw.slice(0, 20))}`);
      } else top.text += decode(raw, `text of <${top.name}>`);
      i = next < 0 ? doc.length : next;
      continue;
    }
    if (skip('<?', '?>') || skip('<!--', '-->') || skip('<!DOCTYPE', '>')) continue;
    if (doc.startsWith('</', i)) {
      let j = i + 2;
      while (j < doc.length && isNameChar(doc[j]!)) j++;
      const name = doc.slice(i + 2, j);
      while (doc[j] === ' ' || doc[j] === '\n' || doc[j] === '\t' || doc[j] === '\r') j++;
      if (doc[j] !== '>') throw new Error(`malformed end tag </${name}`);
      const top = stack.pop();
      if (top === undefined || top.name !== name)
        throw new Error(`end tag </${name}> does not close <${top?.name ?? '(nothing)'}>`);
      i = j + 1;
      continue;
    }
    let j = i + 1;
    while (j < doc.length && isNameChar(doc[j]!)) j++;
    const name = doc.slice(i + 1, j);
    if (name === '') throw new Error(`'<' not starting a tag at offset ${i}`);
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = j;
      while (doc[j] === ' ' || doc[j] === '\n' || doc[j] === '\t' || doc[j] === '\r') j++;
      if (doc[j] === '>' || doc.startsWith('/>', j)) break;
      if (j === before) throw new Error(`attributes of <${name}> must be separated by space`);
      let k = j;
      while (k < doc.length && isNameChar(doc[k]!)) k++;
      const attr = doc.slice(j, k);
      if (attr === '' || doc[k] !== '=') throw new Error(`malformed attribute in <${name}> at offset ${j}`);
      const quote = doc[k + 1];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} in <${name}>`);
      const end = doc.indexOf(quote, k + 2);
      if (end < 0) throw new Error(`unterminated attribute ${attr} in <${name}>`);
      if (attr in attrs) throw new Error(`repeated attribute ${attr} in <${name}>`);
      attrs[attr] = decode(doc.slice(k + 2, end), `attribute ${attr} of <${name}>`);
      j = end + 1;
    }
    const node: XmlNode = { name, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children.push(node);
    else if (root === undefined) root = node;
    else throw new Error('two root elements');
    if (doc.startsWith('/>', j)) i = j + 2;
    else {
      stack.push(node);
      i = j + 1;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Every element of the tree (depth first, the root included). */
export function allNodes(root: XmlNode): XmlNode[] {
  const out: XmlNode[] = [root];
  for (const c of root.children) out.push(...allNodes(c));
  return out;
}

/** The elements named `name`. */
export function byName(root: XmlNode, name: string): XmlNode[] {
  return allNodes(root).filter((n) => n.name === name);
}

/** All text in the subtree, in document order. */
export function allText(root: XmlNode): string {
  return root.text + root.children.map(allText).join('');
}
