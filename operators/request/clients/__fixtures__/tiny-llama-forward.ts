/**
 * An independent reference for the llama.cpp tests: the tiny model's forward pass (__fixtures__/tiny-gguf.ts writes
 * it) computed here in double precision from the GGUF file's F32 tensors, the llama architecture written out
 * (RMS norm, rotary embeddings on adjacent pairs with base 10000, causal multi-head attention, SwiGLU feed-forward),
 * and a full-vocabulary log-softmax of the logits at every position.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** A tensor of the file: its ggml dimensions (the row length first), its floats and where they start in the file. */
interface Tensor { readonly dims: readonly number[]; readonly data: Float32Array; readonly fileOffset: number }

/** The F32 tensors and the metadata numbers of a GGUF v3 file. */
function readGguf(path: string): { tensors: Map<string, Tensor>; meta: Map<string, unknown> } {
  const buffer = readFileSync(path);
  let at = 0;
  const u32 = (): number => { const x = buffer.readUInt32LE(at); at += 4; return x; };
  const u64 = (): number => { const x = Number(buffer.readBigUInt64LE(at)); at += 8; return x; };
  const string = (): string => { const n = u64(); const s = buffer.toString('utf8', at, at + n); at += n; return s; };
  const SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
  const value = (type: number): unknown => {
    if (type === 8) return string();
    if (type === 9) {
      const of = u32();
      return Array.from({ length: u64() }, () => value(of));
    }
    const x = type === 4 ? buffer.readUInt32LE(at) : type === 5 ? buffer.readInt32LE(at) : type === 6 ? buffer.readFloatLE(at) : undefined;
    at += SIZES[type]!;
    return x;
  };
  if (u32() !== 0x46554747 || u32() !== 3) throw new Error(`${path} is not a GGUF v3 file`);
  const tensorCount = u64();
  const kvCount = u64();
  const meta = new Map<string, unknown>();
  for (let i = 0; i < kvCount; i++) {
    const key = string();
    meta.set(key, value(u32()));
  }
  const infos = Array.from({ length: tensorCount }, () => {
    const name = string();
    const dims = Array.from({ length: u32() }, () => u64());
    if (u32() !== 0) throw new Error(`tensor ${name} is not F32`);
    return { name, dims, offset: u64() };
  });
  const alignment = (meta.get('general.alignment') as number | undefined) ?? 32;
  const start = Math.ceil(at / alignment) * alignment;
  const tensors = new Map(infos.map(({ name, dims, offset }): [string, Tensor] => {
    const count = dims.reduce((a, b) => a * b, 1);
    const fileOffset = start + offset;
    const data = new Float32Array(buffer.buffer.slice(buffer.byteOffset + fileOffset, buffer.byteOffset + fileOffset + count * 4));
    return [name, { dims, data, fileOffset }];
  }));
  return { tensors, meta };
}

/** ggml's mul_mat(W, x): out[i] = Σ_k W[i·rowLength + k] · x[k]. */
function matVec(w: Tensor, x: readonly number[]): number[] {
  const [rowLength, rows] = w.dims as [number, number];
  return Array.from({ length: rows }, (_, i) => {
    let sum = 0;
    for (let k = 0; k < rowLength; k++) sum += w.data[i * rowLength + k]! * x[k]!;
    return sum;
  });
}

function rmsNorm(x: readonly number[], weight: Tensor, eps: number): number[] {
  const scale = 1 / Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length + eps);
  return x.map((v, i) => v * scale * weight.data[i]!);
}

/** Rotary embedding of one head's vector at `position` (llama.cpp's "normal" mode: pairs (2i, 2i+1)). */
function rope(x: number[], position: number, base: number): number[] {
  const out = [...x];
  for (let i = 0; i < x.length / 2; i++) {
    const theta = position * base ** ((-2 * i) / x.length);
    const [a, b] = [x[2 * i]!, x[2 * i + 1]!];
    out[2 * i] = a * Math.cos(theta) - b * Math.sin(theta);
    out[2 * i + 1] = a * Math.sin(theta) + b * Math.cos(theta);
  }
  return out;
}

function logSoftmax(xs: readonly number[]): number[] {
  const max = Math.max(...xs);
  const logTotal = Math.log(xs.reduce((a, x) => a + Math.exp(x - max), 0));
  return xs.map((x) => x - max - logTotal);
}

/** The log-softmax over the vocabulary of the model's logits at each position of `tokens` (position i predicts i + 1). */
export function tinyLlamaLogSoftmax(path: string, tokens: readonly number[]): number[][] {
  const { tensors, meta } = readGguf(path);
  const t = (name: string): Tensor => tensors.get(name)!;
  const n = meta.get('llama.embedding_length') as number;
  const heads = meta.get('llama.attention.head_count') as number;
  const layers = meta.get('llama.block_count') as number;
  const eps = meta.get('llama.attention.layer_norm_rms_epsilon') as number;
  const headSize = n / heads;
  const embedding = t('token_embd.weight');
  let xs = tokens.map((token) => Array.from(embedding.data.subarray(token * n, (token + 1) * n)));
  for (let layer = 0; layer < layers; layer++) {
    const w = (part: string): Tensor => t(`blk.${layer}.${part}.weight`);
    const normed = xs.map((x) => rmsNorm(x, w('attn_norm'), eps));
    const split = (v: number[]): number[][] => Array.from({ length: heads }, (_, h) => v.slice(h * headSize, (h + 1) * headSize));
    const qs = normed.map((x, p) => split(matVec(w('attn_q'), x)).map((q) => rope(q, p, 10000)));
    const ks = normed.map((x, p) => split(matVec(w('attn_k'), x)).map((k) => rope(k, p, 10000)));
    const vs = normed.map((x) => split(matVec(w('attn_v'), x)));
    xs = xs.map((x, p) => {
      const attended = qs[p]!.flatMap((q, h) => {
        const scores = ks.slice(0, p + 1).map((k) => k[h]!.reduce((a, kv, i) => a + kv * q[i]!, 0) / Math.sqrt(headSize));
        const weights = logSoftmax(scores).map(Math.exp);
        return Array.from({ length: headSize }, (_, i) => weights.reduce((a, wt, j) => a + wt * vs[j]![h]![i]!, 0));
      });
      const mixed = matVec(w('attn_output'), attended).map((v, i) => v + x[i]!);
      const hidden = rmsNorm(mixed, w('ffn_norm'), eps);
      const gate = matVec(w('ffn_gate'), hidden);
      const up = matVec(w('ffn_up'), hidden);
      const activated = gate.map((g, i) => (g / (1 + Math.exp(-g))) * up[i]!);
      return matVec(w('ffn_down'), activated).map((v, i) => v + mixed[i]!);
    });
  }
  return xs.map((x) => logSoftmax(matVec(t('output.weight'), rmsNorm(x, t('output_norm.weight'), eps))));
}

/** Multiplies the model's logits by `factor` (its final norm's weights), in place: large gaps between logits. */
export function scaleTinyLlamaLogits(path: string, factor: number): void {
  const { tensors } = readGguf(path);
  const norm = tensors.get('output_norm.weight')!;
  const file = readFileSync(path);
  norm.data.forEach((w, i) => file.writeFloatLE(w * factor, norm.fileOffset + i * 4));
  writeFileSync(path, file);
}
