/**
 * Writes a tiny llama-architecture model as a GGUF v3 file (ggml's documented layout: header, metadata key-values,
 * tensor infos, 32-byte aligned F32 tensor data), for tests of the local llama.cpp client: a SentencePiece-style
 * vocabulary of the printable ASCII characters plus byte fallbacks, two layers, pseudo-random weights from a seed.
 * Its answers are nonsense, but its token probabilities are what llama.cpp computes for it.
 */
import { writeFileSync } from 'node:fs';

const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
const ALIGNMENT = 32;
enum ValueType { UINT32 = 4, INT32 = 5, FLOAT32 = 6, BOOL = 7, STRING = 8, ARRAY = 9 }
const TENSOR_F32 = 0;

type Value = { type: ValueType.UINT32 | ValueType.INT32 | ValueType.FLOAT32; value: number } | { type: ValueType.BOOL; value: boolean }
  | { type: ValueType.STRING; value: string } | { type: ValueType.ARRAY; of: ValueType.STRING; value: readonly string[] }
  | { type: ValueType.ARRAY; of: ValueType.FLOAT32 | ValueType.INT32; value: readonly number[] };

/** Little-endian bytes, appended. */
class Bytes {
  private readonly chunks: Buffer[] = [];
  length = 0;
  private add(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  u32(x: number): void { const b = Buffer.alloc(4); b.writeUInt32LE(x); this.add(b); }
  i32(x: number): void { const b = Buffer.alloc(4); b.writeInt32LE(x); this.add(b); }
  u64(x: number): void { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(x)); this.add(b); }
  f32(x: number): void { const b = Buffer.alloc(4); b.writeFloatLE(x); this.add(b); }
  string(s: string): void { const text = Buffer.from(s, 'utf8'); this.u64(text.length); this.add(text); }
  raw(buffer: Buffer): void { this.add(buffer); }
  padTo(alignment: number): void { const pad = (alignment - (this.length % alignment)) % alignment; if (pad > 0) this.add(Buffer.alloc(pad)); }
  toBuffer(): Buffer { return Buffer.concat(this.chunks); }
}

function writeValue(out: Bytes, v: Value): void {
  out.u32(v.type);
  switch (v.type) {
    case ValueType.UINT32: return out.u32(v.value);
    case ValueType.INT32: return out.i32(v.value);
    case ValueType.FLOAT32: return out.f32(v.value);
    case ValueType.BOOL: return out.raw(Buffer.from([v.value ? 1 : 0]));
    case ValueType.STRING: return out.string(v.value);
    case ValueType.ARRAY:
      out.u32(v.of);
      out.u64(v.value.length);
      for (const item of v.value) {
        if (v.of === ValueType.STRING) out.string(item as string);
        else if (v.of === ValueType.FLOAT32) out.f32(item as number);
        else out.i32(item as number);
      }
  }
}

/** The tiny model's shape. */
export const TINY = { embedding: 32, heads: 4, layers: 2, feedForward: 64, context: 4096 } as const;

/** The vocabulary: <unk>, <s>, </s>, "▁" and the printable ASCII characters, then the 256 byte-fallback tokens. */
export function tinyVocabulary(): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>', '\u2581'];
  for (let c = 33; c < 127; c++) tokens.push(String.fromCharCode(c));
  const types: number[] = tokens.map((_, i) => (i === 0 ? 2 : i < 3 ? 3 : 1)); // unknown, control, normal
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6); // byte
  }
  return { tokens, scores: tokens.map((_, i) => -i / 100), types };
}

/** Writes the tiny model to `path`; the same seed gives the same weights. */
export function writeTinyLlamaGguf(path: string, seed = 1): void {
  const { embedding: n, heads, layers, feedForward: ff, context } = TINY;
  const vocab = tinyVocabulary();
  const nVocab = vocab.tokens.length;
  const metadata: [string, Value][] = [
    ['general.architecture', { type: ValueType.STRING, value: 'llama' }],
    ['general.name', { type: ValueType.STRING, value: 'tiny-test-llama' }],
    ['general.alignment', { type: ValueType.UINT32, value: ALIGNMENT }],
    ['llama.context_length', { type: ValueType.UINT32, value: context }],
    ['llama.embedding_length', { type: ValueType.UINT32, value: n }],
    ['llama.block_count', { type: ValueType.UINT32, value: layers }],
    ['llama.feed_forward_length', { type: ValueType.UINT32, value: ff }],
    ['llama.attention.head_count', { type: ValueType.UINT32, value: heads }],
    ['llama.attention.head_count_kv', { type: ValueType.UINT32, value: heads }],
    ['llama.rope.dimension_count', { type: ValueType.UINT32, value: n / heads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: ValueType.FLOAT32, value: 1e-5 }],
    ['tokenizer.ggml.model', { type: ValueType.STRING, value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: ValueType.ARRAY, of: ValueType.STRING, value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: ValueType.ARRAY, of: ValueType.FLOAT32, value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: ValueType.ARRAY, of: ValueType.INT32, value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', { type: ValueType.UINT32, value: 0 }],
    ['tokenizer.ggml.bos_token_id', { type: ValueType.UINT32, value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: ValueType.UINT32, value: 2 }],
    ['tokenizer.ggml.add_bos_token', { type: ValueType.BOOL, value: true }],
  ];
  // ggml dimensions: ne0 (the row length, the input side of a matmul) first.
  const tensors: [string, number[]][] = [['token_embd.weight', [n, nVocab]], ['output_norm.weight', [n]], ['output.weight', [n, nVocab]]];
  for (let i = 0; i < layers; i++) {
    tensors.push([`blk.${i}.attn_norm.weight`, [n]], [`blk.${i}.attn_q.weight`, [n, n]], [`blk.${i}.attn_k.weight`, [n, n]],
      [`blk.${i}.attn_v.weight`, [n, n]], [`blk.${i}.attn_output.weight`, [n, n]], [`blk.${i}.ffn_norm.weight`, [n]],
      [`blk.${i}.ffn_gate.weight`, [n, ff]], [`blk.${i}.ffn_up.weight`, [n, ff]], [`blk.${i}.ffn_down.weight`, [ff, n]]);
  }
  let state = seed >>> 0 || 1;
  const random = (): number => { // xorshift32 in [-1, 1)
    state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    return state / 2 ** 31 - 1;
  };
  const datas = tensors.map(([name, dims]) => {
    const count = dims.reduce((a, b) => a * b, 1);
    const data = Buffer.alloc(count * 4);
    const isNorm = name.endsWith('norm.weight');
    for (let i = 0; i < count; i++) data.writeFloatLE(isNorm ? 1 : random() * (name === 'token_embd.weight' ? 1 : 0.3), i * 4);
    return data;
  });

  const out = new Bytes();
  out.u32(GGUF_MAGIC);
  out.u32(3);
  out.u64(tensors.length);
  out.u64(metadata.length);
  for (const [key, value] of metadata) {
    out.string(key);
    writeValue(out, value);
  }
  let offset = 0;
  tensors.forEach(([name, dims], i) => {
    out.string(name);
    out.u32(dims.length);
    for (const d of dims) out.u64(d);
    out.u32(TENSOR_F32);
    out.u64(offset);
    offset += Math.ceil(datas[i]!.length / ALIGNMENT) * ALIGNMENT;
  });
  out.padTo(ALIGNMENT);
  for (const data of datas) {
    out.raw(data);
    out.padTo(ALIGNMENT);
  }
  writeFileSync(path, out.toBuffer());
}
