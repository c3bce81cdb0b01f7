/**
 * A tiny XML builder for the SVG pictures: elements are plain records, and
 * `renderXml` is the only place text becomes markup, so every attribute
 * value and text node is escaped exactly once. Characters XML 1.0 cannot
 * carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are shown
 * as visible escapes instead of producing a file no viewer opens.
 */

/** Attribute values; `undefined` attributes are left out. */
export type XmlAttrs = Readonly<Record<string, string | number | undefined>>;

/** An element or a text node. */
export type XmlNode = XmlElement | string;

/** One element with its attributes and children. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: XmlAttrs;
  readonly children: readonly XmlNode[];
}

/** An element; `children` may nest arrays (flattened) and skip `null`/`false`. */
export function el(name: string, attrs: XmlAttrs = {}, ...children: readonly XmlChild[]): XmlElement {
  return { name, attrs, children: flatten(children) };
}

/** What `el` accepts as children. */
export type XmlChild = XmlNode | null | undefined | false | readonly XmlChild[];

// Element by element, never `push(...array)`: a picture of a big DFA has tens
// of thousands of children, past the engine's limit on spread arguments.
function flatten(children: readonly XmlChild[], out: XmlNode[] = []): XmlNode[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (typeof c === 'string' || !Array.isArray(c)) out.push(c as XmlNode);
    else flatten(c as readonly XmlChild[], out);
  }
  return out;
}

/** Replaces characters XML 1.0 cannot represent with a visible `\u{…}` escape. */
export function xmlSafe(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const allowed =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000;
    out += allowed ? ch : `\\u{${cp.toString(16)}}`;
  }
  return out;
}

/** Text content, escaped. */
export function escapeText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (for double quotes), escaped; newlines and tabs kept as character references. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * A number for coordinates: at most `digits` decimals, no trailing zeros,
 * no `-0`, no exponent (magnitudes clamp at 10^9), and never
 * `NaN`/`Infinity` (which SVG cannot parse; they become 0 so one bad sample
 * cannot break a whole picture).
 */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '0';
  // Far beyond any drawing; keeps toFixed out of exponent notation (it switches at 1e21).
  const clamped = Math.max(-1e9, Math.min(1e9, x));
  let s = clamped.toFixed(digits);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** Markup for a node tree; elements without children are self-closed. */
export function renderXml(node: XmlNode, indent = ''): string {
  if (typeof node === 'string') return indent + escapeText(node);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(typeof v === 'number' ? num(v) : v!)}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  // Text-only elements stay on one line: whitespace inside <text> would be rendered.
  if (node.children.every((c) => typeof c === 'string')) {
    return `${indent}<${node.name}${attrs}>${node.children.map((c) => escapeText(c)).join('')}</${node.name}>`;
  }
  const inner = node.children
    .map((c) => (typeof c === 'string' ? indent + '  ' + escapeText(c) : renderXml(c, indent + '  ')))
    .join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

/** A standalone SVG document: XML declaration, namespace, and the root element. */
export function svgDocument(root: XmlElement): string {
  const withNs = { ...root, attrs: { xmlns: 'http://www.w3.org/2000/svg', ...root.attrs } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(withNs)}\n`;
}
