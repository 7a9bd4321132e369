/**
 * @module Instance selection as HELM's runner does it (`runner.py`): ids `id{i}` over all instances when any
 * lacks one, train instances kept, eval instances (valid + test by default) downsampled with NumPy's legacy
 * RandomState(0) in the sampled order.
 *
 * Memory: the train split is held (in-context examples need it), and so are the eval instances that a
 * downsample picked (at most `maxEvalInstances`), because they are emitted in sampled, not file, order.
 * Without downsampling, eval instances stream straight from the source on every pass.
 */
import type { Instance, RawInstance } from '../../core/instance.ts';
import { NumpyRandomState } from '../../core/rng/numpy-random-state.ts';

export interface SelectOptions {
  readonly maxEvalInstances?: number;
  /** HELM `adapter_spec.eval_splits or ["valid", "test"]`. */
  readonly evalSplits: readonly string[];
}

export interface Selection {
  readonly train: readonly Instance[];
  /** How many eval instances `evalInstances()` yields. */
  readonly evalCount: number;
  /** The selected eval instances in HELM's order; each call reads them again. */
  evalInstances(): AsyncIterable<Instance>;
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

  async function* evalInFileOrder(): AsyncIterable<Instance> {
    let p = 0;
    for await (const raw of readSource()) {
      if (raw.split !== 'train' && isEval(raw)) yield withId(raw, p, anyMissingId);
      p += 1;
    }
  }

  const limit = options.maxEvalInstances;
  if (limit === undefined || evalTotal <= limit) {
    return { train, evalCount: evalTotal, evalInstances: evalInFileOrder };
  }
  // HELM: np.random.seed(0); np.random.choice(eval_instances, N, replace=False), order kept.
  const picked = new NumpyRandomState(0).choice(evalTotal, limit);
  const rankOfEvalIndex = new Map<number, number>(picked.map((evalIndex, rank) => [evalIndex, rank]));
  const selected: Instance[] = new Array<Instance>(limit);
  let evalIndex = 0;
  for await (const instance of evalInFileOrder()) {
    const rank = rankOfEvalIndex.get(evalIndex);
    if (rank !== undefined) selected[rank] = instance;
    evalIndex += 1;
  }
  return {
    train,
    evalCount: limit,
    async *evalInstances() {
      yield* selected;
    },
  };
}
