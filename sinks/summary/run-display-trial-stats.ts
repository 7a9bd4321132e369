/**
 * @module The entries of `per_instance_stats.json` as the display files use them: the (instance, perturbation,
 * train trial) key and the means of the display metrics. HELM lists each metric's entries in its own pass over
 * the instances (metric 1's entries for all instances, then metric 2's, …): `trialStatsSegments` finds where
 * each pass starts, so that each can be read alongside scenario_state.json in the same order.
 */
import { UserError } from '../../core/errors.ts';
import { readJsonArrayItems } from './run-display-json-array.ts';
import { jsonObjectFields } from './run-display-json-bytes.ts';
import { instanceKey, keyOrder, type TrialKey } from './run-display-key-order.ts';
import { helmPerturbation, perturbationIdentity } from './run-display-perturbation.ts';
import { jsonField, parsePythonJson } from '../../core/python-json.ts';

/** One PerInstanceStats entry, reduced to its key and its display stats (name, mean) in the entry's order. */
export interface TrialStats {
  readonly key: TrialKey;
  readonly stats: ReadonlyArray<readonly [name: string, mean: number]>;
}

/** JSON text as HELM wrote it: the native parser, or Python's reading where HELM wrote NaN or Infinity. */
function parseHelmJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return parsePythonJson(text); // NaN / Infinity; a real syntax error is reported from here
  }
}

// HELM writes a PerInstanceStats as instance_id, [perturbation], train_trial_index, stats: the key comes first.
const LAST_KEY_FIELD = 'train_trial_index';
const plainNumber = (value: unknown): number => Number((value as { toJSON?: () => unknown }).toJSON?.() ?? value);

function keyOf(fields: ReadonlyMap<string, Buffer>): TrialKey {
  const id = fields.get('instance_id');
  const trial = fields.get('train_trial_index');
  if (id === undefined || trial === undefined) throw new SyntaxError('an entry without instance_id or train_trial_index');
  const perturbation = fields.get('perturbation');
  const identity = perturbationIdentity(helmPerturbation(perturbation === undefined ? undefined : parseHelmJson(perturbation)));
  return { instance: instanceKey(String(JSON.parse(id.toString('utf8'))), identity), trial: Number(JSON.parse(trial.toString('utf8'))) };
}

/** Reads one entry: its key, and the mean of each stat named in `names` that has one (HELM `stats_by_trial`). */
export function trialStatsOf(bytes: Buffer, names: ReadonlySet<string>): TrialStats {
  const fields = jsonObjectFields(bytes);
  const statsBytes = fields.get('stats');
  const stats: Array<readonly [string, number]> = [];
  for (const stat of (statsBytes === undefined ? [] : parseHelmJson(statsBytes)) as unknown[]) {
    const name = jsonField(jsonField(stat, 'name'), 'name');
    const mean = jsonField(stat, 'mean');
    if (typeof name === 'string' && names.has(name) && mean !== undefined && mean !== null) stats.push([name, plainNumber(mean)]);
  }
  return { key: keyOf(fields), stats };
}

/** Where a pass over the instances starts in per_instance_stats.json: its first item's byte and index. */
export interface TrialStatsSegment {
  readonly byte: number;
  readonly index: number;
}

/**
 * Where each pass over the instances starts (the file's first item first): a new pass starts where a key
 * comes back after others. Reads only the keys; memory is one pass's instance keys.
 */
export async function trialStatsSegments(path: string): Promise<TrialStatsSegment[]> {
  const starts: TrialStatsSegment[] = [];
  let order = keyOrder();
  for await (const { bytes, byte, index } of readJsonArrayItems(path)) {
    const key = entryAt(path, index, () => keyOf(jsonObjectFields(bytes, LAST_KEY_FIELD)));
    if (index === 0) starts.push({ byte, index });
    else if (order.visit(key) === 'revisit') {
      starts.push({ byte, index });
      order = keyOrder();
    } else continue;
    order.visit(key);
  }
  return starts;
}

/**
 * The entries from `from` (an item as `trialStatsSegments` gives it; default: the first) up to, not including,
 * item index `to`. Reading starts at `from`'s byte: the items before it are not read at all.
 */
export async function* readTrialStats(
  path: string,
  names: ReadonlySet<string>,
  range: { readonly from?: TrialStatsSegment; readonly to?: number } = {},
): AsyncGenerator<TrialStats> {
  const to = range.to ?? Infinity;
  const items = range.from === undefined || range.from.index === 0 ? readJsonArrayItems(path) : readJsonArrayItems(path, { from: range.from });
  for await (const { bytes, index } of items) {
    if (index >= to) return;
    yield entryAt(path, index, () => trialStatsOf(bytes, names));
  }
}

/** Runs `read` on item `index`, turning a malformed entry into a UserError that names it. */
function entryAt<T>(path: string, index: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new UserError(`${path}: item ${index} is not a HELM PerInstanceStats entry (${error.message}).`, { cause: error });
  }
}
