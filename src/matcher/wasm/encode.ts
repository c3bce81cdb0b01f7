/**
 * A small WebAssembly binary encoder: just what the matcher generator needs
 * (one memory, functions, exports, data segments, the core and SIMD
 * instructions it emits). Follows the WebAssembly Core Specification 2.0,
 * §5 "Binary Format". No text format, no evaluation of source code: the
 * module bytes are assembled here and handed to `WebAssembly.Module`.
 */

/** Value types (§5.3.1). */
export const I32 = 0x7f;
/** The 128-bit SIMD value type. */
export const V128 = 0x7b;
/** The empty block type. */
export const VOID = 0x40;

/** Opcodes used by the generator (§5.4). SIMD ones follow the `0xfd` prefix. */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  br_if: 0x0d,
  return: 0x0f,
  local_get: 0x20,
  local_set: 0x21,
  local_tee: 0x22,
  i32_load: 0x28,
  i32_load8_u: 0x2d,
  i32_load16_u: 0x2f,
  i32_const: 0x41,
  i32_eqz: 0x45,
  i32_eq: 0x46,
  i32_ne: 0x47,
  i32_lt_u: 0x49,
  i32_gt_u: 0x4b,
  i32_le_u: 0x4d,
  i32_ge_u: 0x4f,
  i32_ctz: 0x68,
  i32_add: 0x6a,
  i32_sub: 0x6b,
  i32_mul: 0x6c,
  i32_and: 0x71,
  i32_or: 0x72,
  i32_xor: 0x73,
  i32_shl: 0x74,
  i32_shr_u: 0x76,
  simd: 0xfd,
} as const;

/** SIMD sub-opcodes (after `0xfd`). */
export const SIMD = {
  v128_load: 0x00,
  v128_const: 0x0c,
  i8x16_eq: 0x23,
  i8x16_lt_u: 0x26,
  v128_and: 0x4e,
  v128_or: 0x50,
  i8x16_all_true: 0x63,
  i8x16_bitmask: 0x64,
  i8x16_sub: 0x71,
} as const;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** A name or byte string: its length then its bytes. */
function bytesVec(bytes: ArrayLike<number>): number[] {
  return [...uleb(bytes.length), ...Array.from(bytes)];
}

function utf8(s: string): number[] {
  return Array.from(new TextEncoder().encode(s));
}

/** A section: id, byte size, contents. */
function section(id: number, contents: number[]): number[] {
  return [id, ...uleb(contents.length), ...contents];
}

/** A vector: count then the items' bytes. */
function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** An instruction sequence under construction. */
export class Code {
  readonly bytes: number[] = [];

  op(...b: number[]): this {
    this.bytes.push(...b);
    return this;
  }
  get(local: number): this {
    return this.op(OP.local_get, ...uleb(local));
  }
  set(local: number): this {
    return this.op(OP.local_set, ...uleb(local));
  }
  tee(local: number): this {
    return this.op(OP.local_tee, ...uleb(local));
  }
  i32(value: number): this {
    return this.op(OP.i32_const, ...sleb(value));
  }
  /** A load or store with alignment exponent and offset (memarg). */
  mem(opcode: number, align: number, offset = 0): this {
    return this.op(opcode, ...uleb(align), ...uleb(offset));
  }
  simd(sub: number, ...immediates: number[]): this {
    return this.op(OP.simd, ...uleb(sub), ...immediates);
  }
  /** `v128.const` with all sixteen lanes equal to `byte`. */
  splat8(byte: number): this {
    return this.simd(SIMD.v128_const, ...new Array<number>(16).fill(byte & 0xff));
  }
  block(type: number = VOID): this {
    return this.op(OP.block, type);
  }
  loop(type: number = VOID): this {
    return this.op(OP.loop, type);
  }
  if(type: number = VOID): this {
    return this.op(OP.if, type);
  }
  end(): this {
    return this.op(OP.end);
  }
  br(depth: number): this {
    return this.op(OP.br, ...uleb(depth));
  }
  brIf(depth: number): this {
    return this.op(OP.br_if, ...uleb(depth));
  }
}

/** One function of a module: signature, extra locals, body, optional export name. */
export interface FuncDef {
  readonly params: readonly number[];
  readonly results: readonly number[];
  /** Extra locals, in order after the parameters. */
  readonly locals: readonly number[];
  readonly body: Code;
  readonly export?: string;
}

/** What `encodeModule` assembles: one exported memory, functions and data segments. */
export interface ModuleDef {
  /** Pages of 64 KiB; the memory is exported as `memory`. */
  readonly memoryPages: number;
  readonly functions: readonly FuncDef[];
  /** Active data segments written at instantiation. */
  readonly data: readonly { readonly offset: number; readonly bytes: Uint8Array }[];
}

/** Assembles a module (§5.5). Types are deduplicated per signature. */
export function encodeModule(def: ModuleDef): Uint8Array {
  const typeKeys: string[] = [];
  const types: number[][] = [];
  const typeOf = def.functions.map((f) => {
    const key = `${f.params.join(',')}>${f.results.join(',')}`;
    let i = typeKeys.indexOf(key);
    if (i < 0) {
      i = typeKeys.length;
      typeKeys.push(key);
      types.push([0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))]);
    }
    return i;
  });
  const exports: number[][] = [[...bytesVec(utf8('memory')), 0x02, 0x00]];
  def.functions.forEach((f, i) => {
    if (f.export !== undefined) exports.push([...bytesVec(utf8(f.export)), 0x00, ...uleb(i)]);
  });
  const bodies = def.functions.map((f) => {
    // Locals as runs of equal type.
    const runs: number[][] = [];
    for (const t of f.locals) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last[1] === t) last[0]!++;
      else runs.push([1, t]);
    }
    const body = [...vec(runs.map(([count, t]) => [...uleb(count!), t!])), ...f.body.bytes, OP.end];
    return [...uleb(body.length), ...body];
  });
  // Data payloads can be megabytes: keep them as typed arrays, not number lists.
  const segments: (number[] | Uint8Array)[] = [uleb(def.data.length)];
  for (const d of def.data)
    segments.push([0x00, OP.i32_const, ...sleb(d.offset), OP.end, ...uleb(d.bytes.length)], d.bytes);
  const dataSize = segments.reduce((n, x) => n + x.length, 0);
  const head = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(3, vec(typeOf.map((t) => uleb(t)))),
    ...section(5, vec([[0x00, ...uleb(def.memoryPages)]])),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
    11,
    ...uleb(dataSize),
  ];
  const out = new Uint8Array(head.length + dataSize);
  out.set(head, 0);
  let at = head.length;
  for (const x of segments) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}
