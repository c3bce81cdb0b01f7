/**
 * Naming a finite group given as permutations (closed under composition):
 * cyclic groups ℤn, every finite abelian group by its primary decomposition
 * (an abelian group is determined by how many elements have order dividing
 * each prime power), the symmetric and alternating groups of the points it
 * acts on, dihedral groups, the quaternion group — otherwise honestly "a
 * (non-)abelian group of order n".
 */

/** A group's name and the facts it was recognised from. */
export interface GroupName {
  readonly order: number;
  readonly abelian: boolean;
  /** e.g. `ℤ2`, `ℤ2 × ℤ2`, `S3`, `D4`, `Q8`, or `a non-abelian group of order 16`. */
  readonly name: string;
  /** A gloss for a reader, e.g. `the Klein four-group`, `all 6 permutations of 3 states`; empty when none. */
  readonly gloss: string;
}

/** Groups larger than this are named by order and commutativity only when cyclic (pairwise checks cost order²). */
export const MAX_NAMED_ORDER = 2048;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Order of a permutation: lcm of its cycle lengths. */
export function permutationOrder(p: ArrayLike<number>): number {
  const seen = new Uint8Array(p.length);
  let order = 1;
  for (let s = 0; s < p.length; s++) {
    if (seen[s] === 1) continue;
    let len = 0;
    for (let q = s; seen[q] === 0; q = p[q]!) {
      seen[q] = 1;
      len++;
    }
    order = (order / gcd(order, len)) * len;
  }
  return order;
}

function isEven(p: ArrayLike<number>): boolean {
  const seen = new Uint8Array(p.length);
  let transpositions = 0;
  for (let s = 0; s < p.length; s++) {
    if (seen[s] === 1) continue;
    let len = 0;
    for (let q = s; seen[q] === 0; q = p[q]!) {
      seen[q] = 1;
      len++;
    }
    transpositions += len - 1;
  }
  return transpositions % 2 === 0;
}

function factorial(m: number): number {
  let f = 1;
  for (let i = 2; i <= m; i++) f *= i;
  return f;
}

function primeFactors(n: number): number[] {
  const out: number[] = [];
  for (let p = 2; p * p <= n; p++) {
    if (n % p !== 0) continue;
    out.push(p);
    while (n % p === 0) n /= p;
  }
  if (n > 1) out.push(n);
  return out;
}

/** An abelian group from its element orders: ℤ_{p^a} × … in primary form (ℤ2 × ℤ4, ℤ3 × ℤ3, …). */
function abelianName(orders: readonly number[]): string {
  const n = orders.length;
  const parts: number[] = [];
  for (const p of primeFactors(n)) {
    // c_i = #{x : x^(p^i) = 1} = p^(Σ_j min(i, λ_j)); parts of size ≥ i number log_p(c_i) − log_p(c_(i−1)).
    const logs: number[] = [0];
    for (let i = 1, pi = p; ; i++, pi *= p) {
      let c = 0;
      for (const o of orders) if (pi % o === 0) c++;
      logs.push(Math.round(Math.log(c) / Math.log(p)));
      if (logs[i] === logs[i - 1]) break;
    }
    const atLeast = logs.map((l, i) => (i === 0 ? 0 : l - logs[i - 1]!));
    for (let i = 1; i < atLeast.length; i++) {
      const exactly = atLeast[i]! - (atLeast[i + 1] ?? 0);
      for (let j = 0; j < exactly; j++) parts.push(p ** i);
    }
  }
  parts.sort((a, b) => a - b);
  return parts.map((q) => `ℤ${q}`).join(' × ');
}

/**
 * The name of the group formed by `perms` (permutations of `points`
 * points, each an array p with p[i] the image of i; closed under
 * composition and containing the identity).
 */
export function nameGroup(perms: readonly (readonly number[])[], points: number): GroupName {
  const order = perms.length;
  const orders = perms.map(permutationOrder);
  if (orders.includes(order)) {
    return {
      order,
      abelian: true,
      name: order === 1 ? 'the trivial group' : `ℤ${order}`,
      gloss: order === 1 ? '' : `cyclic of order ${order}`,
    };
  }
  if (order > MAX_NAMED_ORDER) return { order, abelian: false, name: `a group of order ${order}`, gloss: '' };
  const compose = (a: readonly number[], b: readonly number[]): string => a.map((q) => b[q]!).join(',');
  let abelian = true;
  for (let i = 0; i < order && abelian; i++) {
    for (let j = i + 1; j < order && abelian; j++)
      abelian = compose(perms[i]!, perms[j]!) === compose(perms[j]!, perms[i]!);
  }
  if (abelian) {
    const name = abelianName(orders);
    return { order, abelian, name, gloss: name === 'ℤ2 × ℤ2' ? 'the Klein four-group' : 'abelian, not cyclic' };
  }
  // Points actually moved: the group acts faithfully on them.
  const moved = Array.from({ length: points }, (_, q) => perms.some((p) => p[q] !== q)).filter(Boolean).length;
  if (order === factorial(moved))
    return { order, abelian, name: `S${moved}`, gloss: `all ${order} permutations of ${moved} states` };
  if (moved >= 4 && order * 2 === factorial(moved) && perms.every(isEven)) {
    return { order, abelian, name: `A${moved}`, gloss: `the ${order} even permutations of ${moved} states` };
  }
  const involutions = orders.filter((o) => o === 2).length;
  if (order === 8 && involutions === 1) return { order, abelian, name: 'Q8', gloss: 'the quaternion group' };
  const half = order / 2;
  const r = orders.findIndex((o) => o === half);
  if (Number.isInteger(half) && half >= 3 && r >= 0) {
    // ⟨r⟩ has index 2; if every element outside it is an involution the group is dihedral (s r s = r⁻¹ follows).
    const inside = new Set<string>();
    let x = perms[r]!.map((_, q) => q);
    for (let i = 0; i < half; i++) {
      inside.add(x.join(','));
      x = x.map((q) => perms[r]![q]!);
    }
    if (perms.every((p, i) => inside.has(p.join(',')) || orders[i] === 2)) {
      return {
        order,
        abelian,
        name: `D${half}`,
        gloss: `the dihedral group of order ${order} (symmetries of a ${half}-gon)`,
      };
    }
  }
  return { order, abelian, name: `a non-abelian group of order ${order}`, gloss: '' };
}
