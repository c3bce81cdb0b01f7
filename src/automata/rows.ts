/**
 * The one row interner: fixed-width rows of 32-bit integers numbered
 * `0, 1, 2, …` in order of first interning. Every construction that names
 * things by a row of integers uses it — subset-construction states (bitsets),
 * transition-monoid elements (state maps), merged alphabet classes (DFA
 * columns) and the matcher's stride classes (unit-state columns).
 *
 * Rows are stored back to back in one growing `Int32Array` and found again by
 * open addressing (linear probing) on a hash of their words, in a slot table
 * of ids kept at most half full: interning costs no string key, no map entry
 * and no per-row array, which is what keeps the blow-up family's 2^17 subset
 * states cheap.
 */

/** Fixed-width rows interned to dense integer ids. */
export interface RowInterner {
  /** 32-bit words per row. */
  readonly width: number;
  /** Rows interned so far; ids are `0 .. size-1` in order of first interning. */
  readonly size: number;
  /** The storage: row `id` is `data()[id * width .. (id + 1) * width)` (a new array after growth). */
  data(): Int32Array;
  /** The id of the row `src[from .. from + width)`, interning it (as id `size`) if new. */
  intern(src: Int32Array, from: number): number;
  /** The id of the row `src[from .. from + width)`, or −1 when it was never interned. */
  find(src: Int32Array, from: number): number;
}

/** An empty interner of rows of `width` words, with room for `expected` rows before it grows. */
export function rowInterner(width: number, expected = 64): RowInterner {
  const W = width;
  let data = new Int32Array(Math.max(1, W) * Math.max(64, expected));
  let size = 0;
  let slots = new Int32Array(Math.max(256, 1 << Math.ceil(Math.log2(2 * expected + 1)))).fill(-1);
  let mask = slots.length - 1;
  const hashAt = (src: Int32Array, from: number): number => {
    let h = 0x2545f491;
    for (let x = 0; x < W; x++) h = Math.imul(h ^ src[from + x]!, 0x9e3779b1) ^ (h >>> 15);
    return Math.imul(h ^ (h >>> 13), 0x85ebca6b) ^ (h >>> 16);
  };
  const rehash = (): void => {
    slots = new Int32Array(slots.length * 2).fill(-1);
    mask = slots.length - 1;
    for (let id = 0; id < size; id++) {
      let i = hashAt(data, id * W) & mask;
      while (slots[i] !== -1) i = (i + 1) & mask;
      slots[i] = id;
    }
  };
  /** The slot holding the row, or (as `~slot`, negative) the empty slot where it would go. */
  const slotOf = (src: Int32Array, from: number): number => {
    let i = hashAt(src, from) & mask;
    for (;;) {
      const id = slots[i]!;
      if (id === -1) return ~i;
      let same = true;
      const at = id * W;
      for (let x = 0; x < W; x++) {
        if (data[at + x] !== src[from + x]) {
          same = false;
          break;
        }
      }
      if (same) return i;
      i = (i + 1) & mask;
    }
  };
  return {
    width,
    get size() {
      return size;
    },
    data: () => data,
    intern(src, from) {
      const i = slotOf(src, from);
      if (i >= 0) return slots[i]!;
      if ((size + 1) * W > data.length) {
        const grown = new Int32Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
      const at = size * W;
      for (let x = 0; x < W; x++) data[at + x] = src[from + x]!;
      slots[~i] = size++;
      if (size * 2 > slots.length) rehash();
      return size - 1;
    },
    find(src, from) {
      const i = slotOf(src, from);
      return i >= 0 ? slots[i]! : -1;
    },
  };
}
