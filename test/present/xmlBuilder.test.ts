/** The SVG builder: any text survives escaping, and numbers are always valid SVG numbers. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { el, num, renderXml, svgDocument, xmlSafe } from '../../src/present/xml.js';
import { parseXml } from './xml.js';

describe('xml builder', () => {
  test.prop([fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })])(
    'any text and attribute value round-trips (up to characters XML cannot carry)',
    (content, value) => {
      const root = parseXml(svgDocument(el('svg', { 'data-v': value }, el('text', { x: 1 }, content))));
      expect(root.attrs['data-v']).toBe(xmlSafe(value));
      expect(root.children[0]!.text).toBe(xmlSafe(content));
    },
  );

  it('makes characters XML cannot carry visible, and keeps everything else', () => {
    expect(xmlSafe('a\u0000b\u0008\uFFFE😀\uD800')).toBe('a\\u{0}b\\u{8}\\u{fffe}😀\\u{d800}');
  });

  test.prop([fc.double()])('numbers are finite decimals without exponent or negative zero', (x) => {
    const s = num(x);
    expect(s).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(s).not.toBe('-0');
  });

  it('self-closes empty elements and skips undefined attributes', () => {
    expect(renderXml(el('g', { a: undefined, b: 1.5 }, el('rect', {}), null, false, [el('circle', { r: 2 })]))).toBe(
      '<g b="1.5">\n  <rect/>\n  <circle r="2"/>\n</g>',
    );
  });
});

describe('num', () => {
  it('keeps integers whole, rounds to two decimals, and clamps huge values', () => {
    expect([num(100), num(0.125), num(-0.001), num(1e30), num(-1e30), num(NaN)]).toEqual([
      '100',
      '0.13',
      '0',
      '1000000000',
      '-1000000000',
      '0',
    ]);
  });
});
