/**
 * DFA pictures through Graphviz (WebAssembly, in-process): well-formed SVG
 * whose nodes, double circles, hidden dead state and highlighted arrows are
 * what the DFA says.
 */
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/language.js';
import { PATH_COLOUR } from '../../src/present/palette.js';
import { dfaToSvg, drawnStates, renderDot } from '../../src/present/svg.js';
import { allText, byName, parseXml, type XmlNode } from './xml.js';

/** Graphviz's group for node `q<n>` (its <title> is the node id). */
function nodeGroup(svg: XmlNode, id: string): XmlNode | undefined {
  return byName(svg, 'g').find(
    (g) => g.attrs.class === 'node' && g.children.some((c) => c.name === 'title' && c.text === id),
  );
}

function edgeGroups(svg: XmlNode): { title: string; group: XmlNode }[] {
  return byName(svg, 'g')
    .filter((g) => g.attrs.class === 'edge')
    .map((group) => ({ title: group.children.find((c) => c.name === 'title')!.text, group }));
}

describe('dfaToSvg', () => {
  it('renders DOT through viz into an SVG document', async () => {
    const svg = await renderDot('digraph { a -> b }');
    expect(svg).toContain('<svg');
    expect(parseXml(svg).name).toBe('svg');
  });

  it('draws (a|b)*abb: states 0–3 labelled, state 3 with two circles, no dead state', async () => {
    const svg = parseXml(await dfaToSvg(compileRegex('(a|b)*abb'), { title: '(a|b)*abb' }));
    for (const q of [0, 1, 2, 3]) {
      const g = nodeGroup(svg, `q${q}`);
      expect(g, `q${q}`).toBeDefined();
      expect(byName(g!, 'text').map((t) => t.text)).toEqual([String(q)]);
      expect(byName(g!, 'ellipse')).toHaveLength(q === 3 ? 2 : 1);
    }
    expect(nodeGroup(svg, 'q4')).toBeUndefined();
    expect(edgeGroups(svg).map((e) => e.title)).not.toContain('q0->q4');
    expect(allText(svg)).toContain('(a|b)*abb');
  });

  it('draws the dead state when asked', async () => {
    const svg = parseXml(await dfaToSvg(compileRegex('(a|b)*abb'), { showDead: true }));
    expect(byName(nodeGroup(svg, 'q4')!, 'text').map((t) => t.text)).toEqual(['4†']);
    expect(edgeGroups(svg).filter((e) => e.title.endsWith('->q4'))).toHaveLength(5);
  });

  it('colours the arrows of a highlighted run and only those', async () => {
    const svg = parseXml(await dfaToSvg(compileRegex('(a|b)*abb'), { highlight: 'abb' }));
    const lit = edgeGroups(svg)
      .filter((e) => byName(e.group, 'path').some((p) => p.attrs.stroke?.toLowerCase() === PATH_COLOUR.toLowerCase()))
      .map((e) => e.title)
      .sort();
    expect(lit).toEqual(['__start->q0', 'q0->q1', 'q1->q2', 'q2->q3']);
    expect(allText(svg)).toContain('step 3');
  });

  it('escapes letters that are special in DOT and XML', async () => {
    const svg = await dfaToSvg(compileRegex('<"&\'\\\\>'), { title: '<"&\'\\\\>', highlight: '<"' });
    const tree = parseXml(svg);
    const text = allText(tree);
    for (const label of ['<', '"', '&', "'", '\\\\', '>']) expect(text).toContain(label);
  });

  it('refuses graphs larger than maxStates with a limit error naming the flag', async () => {
    const dfa = compileRegex('(a|b)*a(a|b){5}');
    expect(drawnStates(dfa)).toBe(64);
    await expect(dfaToSvg(dfa, { maxStates: 50 })).rejects.toMatchObject({
      kind: 'limit',
      message: expect.stringContaining('--max-draw-states'),
    });
  });
});
