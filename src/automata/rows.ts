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
  return new RowTable(width, expected);
}

/**
 * The interner as a class: its methods live on one prototype, so every call
 * site sees one target whatever the instance (closures in an object literal
 * would be new functions per interner, and an accessor would put the object
 * in dictionary mode: both cost the subset construction's inner loop).
 */
class RowTable implements RowInterner {
  size = 0;
  private store: Int32Array;
  private slots: Int32Array;
  private mask: number;

  constructor(
    readonly width: number,
    expected: number,
  ) {
    this.store = new Int32Array(Math.max(1, width) * Math.max(64, expected));
    this.slots = new Int32Array(Math.max(256, 1 << Math.ceil(Math.log2(2 * expected + 1)))).fill(-1);
    this.mask = this.slots.length - 1;
  }

  data(): Int32Array {
    return this.store;
  }

  private hashAt(src: Int32Array, from: number): number {
    const W = this.width;
    let h = 0x2545f491;
    for (let x = 0; x < W; x++) h = Math.imul(h ^ src[from + x]!, 0x9e3779b1) ^ (h >>> 15);
    return Math.imul(h ^ (h >>> 13), 0x85ebca6b) ^ (h >>> 16);
  }

  /** The slot holding the row, or (as `~slot`, negative) the empty slot where it would go. */
  private slotOf(src: Int32Array, from: number): number {
    const W = this.width;
    const { slots, mask, store } = this;
    let i = this.hashAt(src, from) & mask;
    for (;;) {
      const id = slots[i]!;
      if (id === -1) return ~i;
      let same = true;
      const at = id * W;
      for (let x = 0; x < W; x++) {
        if (store[at + x] !== src[from + x]) {
          same = false;
          break;
        }
      }
      if (same) return i;
      i = (i + 1) & mask;
    }
  }

  intern(src: Int32Array, from: number): number {
    const i = this.slotOf(src, from);
    if (i >= 0) return this.slots[i]!;
    const W = this.width;
    if ((this.size + 1) * W > this.store.length) {
      const grown = new Int32Array(this.store.length * 2);
      grown.set(this.store);
      this.store = grown;
    }
    const store = this.store;
    const at = this.size * W;
    for (let x = 0; x < W; x++) store[at + x] = src[from + x]!;
    this.slots[~i] = this.size++;
    if (this.size * 2 > this.slots.length) this.rehash();
    return this.size - 1;
  }

  find(src: Int32Array, from: number): number {
    const i = this.slotOf(src, from);
    return i >= 0 ? this.slots[i]! : -1;
  }

  private rehash(): void {
    const W = this.width;
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let i = this.hashAt(this.store, id * W) & mask;
      while (slots[i] !== -1) i = (i + 1) & mask;
      slots[i] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
