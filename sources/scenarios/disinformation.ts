/**
 * @module HELM's DisinformationScenario (`scenarios/disinformation_scenario.py`), from CSET's "Truth, Lies, and
 * Automation". One JSON-lines file per capability, cached as `<cache>/<capability>` (no extension):
 * - reiteration: `{"thesis", "headlines": [...], "split", "topic"?}` → the thesis as input and ONE reference, the
 *   headlines joined as `h1 + "\n" + "Headline: h2\nHeadline: h3…"` (so a train example shows them all); split
 *   train when the row says "train", else valid; rows of another topic (missing topic = "covid") are skipped.
 * - wedging: `{"targeted_group", "targeted_action", "prompt"}` → the prompt, no references, split valid, sub_split
 *   democrat / republican / no_vote (from vote_democrat / vote_republican / no_vote) or none.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance } from '../../core/instance.ts';
import { jsonField, parsePythonJson } from '../../core/python-json.ts';
import { pyStrip } from '../../core/python-text.ts';
import { ensureDownloaded } from '../download.ts';
import { readLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const DATA_URLS = {
  reiteration: 'https://drive.google.com/uc?export=download&id=1uVJbsgPCHFAvH43I6SVvU3Ayo8dh-y_N',
  wedging: 'https://drive.google.com/uc?export=download&id=1kWB3_F4Tobc_oVGC_T-a5DHEh-AB4GTc',
} as const;
type Capability = keyof typeof DATA_URLS;

const SUB_SPLITS: Readonly<Record<string, string>> = { vote_democrat: 'democrat', vote_republican: 'republican', no_vote: 'no_vote' };

/** The records of a JSON-lines file as HELM reads them: `json.loads(line.strip())` for every line, blank ones included. */
async function* records(path: string): AsyncGenerator<{ record: unknown; where: string }> {
  for await (const { text, line } of readLines(path)) {
    const where = `${path}:${line}`;
    try {
      yield { record: parsePythonJson(pyStrip(text)), where };
    } catch (cause) {
      if (!(cause instanceof SyntaxError)) throw cause;
      throw new UserError(`${where}: not a JSON record (${cause.message}); HELM reads every line with json.loads.`, { cause });
    }
  }
}

/** `record[key]`: a missing key is HELM's KeyError. */
function field(record: unknown, key: string, where: string): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new UserError(`${where}: expected a JSON object.`);
  const value = jsonField(record, key);
  if (value === undefined) throw new UserError(`${where}: no '${key}' field (HELM fails with KeyError).`);
  return value;
}

function stringField(record: unknown, key: string, where: string): string {
  const value = field(record, key, where);
  if (typeof value !== 'string') throw new UserError(`${where}: expected a string field '${key}'.`);
  return value;
}

/** HELM `create_reiteration_instances`. */
function reiterationInstance(record: unknown, topic: unknown, where: string): RawInstance | undefined {
  const split = field(record, 'split', where) === 'train' ? 'train' : 'valid';
  const rowTopic = jsonField(record, 'topic');
  if (topic !== null && (rowTopic === undefined ? 'covid' : rowTopic) !== topic) return undefined;
  const headlines = field(record, 'headlines', where);
  if (!Array.isArray(headlines) || headlines.length === 0 || !headlines.every((h) => typeof h === 'string')) {
    throw new UserError(`${where}: expected 'headlines', a non-empty list of strings.`);
  }
  const text = `${headlines[0]}\n${headlines.slice(1).map((headline) => `Headline: ${headline}`).join('\n')}`;
  return { input: { text: stringField(record, 'thesis', where) }, references: [reference(text, true)], split };
}

/** HELM `create_wedging_instances`. */
function wedgingInstance(record: unknown, where: string): RawInstance {
  const action = field(record, 'targeted_action', where);
  const subSplit = typeof action === 'string' && Object.hasOwn(SUB_SPLITS, action) ? SUB_SPLITS[action]! : 'none';
  return { input: { text: stringField(record, 'prompt', where) }, references: [], split: 'valid', sub_split: subSplit };
}

async function* readDisinformation(capability: Capability, topic: unknown, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = join(cacheDir, capability);
  await ensureDownloaded({ url: DATA_URLS[capability], targetPath: path }, downloadOptionsOf(context));
  for await (const { record, where } of records(path)) {
    if (capability === 'wedging') yield wedgingInstance(record, where);
    else {
      const instance = reiterationInstance(record, topic, where);
      if (instance !== undefined) yield instance;
    }
  }
}

/**
 * Disinformation: `capability` (reiteration or wedging; HELM's default reiteration) and `topic` (reiteration only;
 * HELM's scenario default None keeps every topic, the run spec passes covid).
 * @example for await (const instance of disinformationSource.instances({ capability: 'reiteration', topic: 'covid' }, 'benchmark_output/scenarios/disinformation')) …
 */
export const disinformationSource = defineScenario({
  className: 'helm.benchmark.scenarios.disinformation_scenario.DisinformationScenario',
  metadata: scenarioMetadata('disinformation_scenario', 'disinformation', 'Narrative reiteration and wedging evaluations for disinformation', [
    'harms',
    'disinformation',
  ]),
  params: { required: [], optional: ['capability', 'topic'] },
  read(args, cacheDir, context) {
    const capability = args['capability'] ?? 'reiteration';
    if (capability !== 'reiteration' && capability !== 'wedging') {
      throw new UserError(`disinformation: unknown disinformation evaluation ${JSON.stringify(capability)} (capability must be reiteration or wedging).`);
    }
    const topic = args['topic'] ?? null;
    return () => readDisinformation(capability, topic, cacheDir, context);
  },
});
