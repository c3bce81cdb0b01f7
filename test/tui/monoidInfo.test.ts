/** The playground's monoid note: the same group, period and k as `wordflow monoid`. */
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/language.js';
import { limits } from '../../src/limits.js';
import { monoidSize } from '../../src/tui/view/vocabularyModel.js';

describe('monoidSize', () => {
  it('(aa)*: 3 elements, the group ℤ2 with period 2; (ab)*: aperiodic with k = 2', () => {
    expect(monoidSize(compileRegex('(aa)*'), limits())).toEqual({
      ok: true,
      value: { kind: 'size', size: 3, aperiodic: false, k: null, group: 'ℤ2', period: 2 },
    });
    expect(monoidSize(compileRegex('(ab)*'), limits())).toEqual({
      ok: true,
      value: { kind: 'size', size: 6, aperiodic: true, k: 2, group: null, period: null },
    });
  });
});
