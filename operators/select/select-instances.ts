/**
 * @module Instance selection as HELM's runner does it (`runner.py`): ids `id{i}` over all instances when any
 * lacks one, train instances kept, eval instances (valid + test by default) downsampled with NumPy's legacy
 * RandomState(0) in the sampled order.
 *
 * Memory: the train split is held (in-context examples need it). The eval instances a downsample picked come
 * out in sampled, not file, order: up to IN_MEMORY_LIMIT of them are held (as JSON text: an instance's strings are
 * slices of the source's read chunks, and holding them would keep every chunk they came from alive, ~15 KB each),
 * more go to a disk spill that keeps only offsets in memory. Without downsampling, eval instances stream straight
 * from the source on every pass.
 */
import type { Instance, RawInstance } from '../../core/instance.ts';
import { NumpyRandomState } from '../../core/rng/numpy-random-state.ts';
import { instanceSpill } from './instance-spill.ts';

/** Picked eval instances held in memory; beyond this they are spilled to disk. */
export const IN_MEMORY_LIMIT = 20_000;

export interface SelectOptions {
  readonly maxEvalInstances?: number;
  /** Picked instances held in memory before spilling to disk (default IN_MEMORY_LIMIT). */
  readonly inMemoryLimit?: number;
  /** HELM `adapter_spec.eval_splits or ["valid", "test"]`. */
  readonly evalSplits: readonly string[];
}

export interface Selection {
  readonly train: readonly Instance[];
  /** How many eval instances `evalInstances()` yields. */
  readonly evalCount: number;
  /** The selected eval instances in HELM's order; each call reads them again. */
  evalInstances(): AsyncIterable<Instance>;
  /** Releases what the selection holds on disk. */
  close(): void;
}

const withId = (raw: RawInstance, position: number, assignIds: boolean): Instance =>
  ({ ...raw, id: assignIds ? `id${position}` : raw.id! }) as Instance;

/**
 * Selects train and eval instances from a re-readable source (`readSource()` starts a fresh pass).
 * @example const selection = await selectInstances(() => source.instances(args, dir), { evalSplits, maxEvalInstances: 10 })
 */
export async function selectInstances(readSource: () => AsyncIterable<RawInstance>, options: SelectOptions): Promise<Selection> {
  const isEval = (raw: RawInstance): boolean => options.evalSplits.includes(raw.split);
  const trainRaw: { raw: RawInstance; position: number }[] = [];
  let evalTotal = 0;
  let position = 0;
  let anyMissingId = false;
  for await (const raw of readSource()) {
    if (raw.id === undefined) anyMissingId = true;
    if (raw.split === 'train') trainRaw.push({ raw, position });
    else if (isEval(raw)) evalTotal += 1;
    position += 1;
  }
  const train = trainRaw.map(({ raw, position: p }) => withId(raw, p, anyMissingId));

  /** The eval instances in file order, raw, each with its position in the file. */
  async function* rawEvalInFileOrder(): AsyncIterable<{ raw: RawInstance; position: number }> {
    let p = 0;
    for await (const raw of readSource()) {
      if (raw.split !== 'train' && isEval(raw)) yield { raw, position: p };
      p += 1;
    }
  }
  async function* evalInFileOrder(): AsyncIterable<Instance> {
    for await (const { raw, position: p } of rawEvalInFileOrder()) yield withId(raw, p, anyMissingId);
  }

  const limit = options.maxEvalInstances;
  if (limit === undefined || evalTotal <= limit) {
    return { train, evalCount: evalTotal, evalInstances: evalInFileOrder, close: () => undefined };
  }
  // HELM: np.random.seed(0); np.random.choice(eval_instances, N, replace=False), order kept.
  const picked = new NumpyRandomState(0).choice(evalTotal, limit);
  const rankOfEvalIndex = new Int32Array(evalTotal).fill(-1);
  picked.forEach((evalIndex, rank) => (rankOfEvalIndex[evalIndex] = rank));
  const isSpilled = limit > (options.inMemoryLimit ?? IN_MEMORY_LIMIT);
  const held: string[] = isSpilled ? [] : new Array<string>(limit);
  const spill = isSpilled ? instanceSpill(limit) : undefined;
  let evalIndex = 0;
  for await (const { raw, position: p } of rawEvalInFileOrder()) {
    const rank = rankOfEvalIndex[evalIndex] ?? -1;
    if (rank >= 0) {
      const instance = withId(raw, p, anyMissingId);
      if (spill === undefined) held[rank] = JSON.stringify(instance);
      else spill.put(rank, instance);
    }
    evalIndex += 1;
  }
  return {
    train,
    evalCount: limit,
    async *evalInstances() {
      if (spill !== undefined) yield* spill.inRankOrder();
      else for (const text of held) yield JSON.parse(text) as Instance;
    },
    close: () => spill?.close(),
  };
}
