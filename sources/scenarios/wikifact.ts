/**
 * @module HELM's WIKIFactScenario (`scenarios/wikifact_scenario.py`): fact completion from Wikidata triples.
 * Three JSONL files (`{train,dev,test}.jsonl` of CodaLab bundle 0x8c3b60eb…, cached as `<cache>/data/<file>`);
 * each row has a `property` (a Wikidata PID), a `template` ("X was written by") and `result_names` (nested
 * lists of answer names). A run keeps the rows of one relation.
 */
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pyStrip } from '../../core/python-text.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { WIKIFACT_PROPERTIES } from './wikifact-properties.ts';

const BUNDLE_URL = 'https://worksheets.codalab.org/rest/bundles/0x8c3b60eb7c6b462e822a150f194d3b35/contents/blob';
/** HELM's order of the files and the split each feeds. */
const FILES: readonly { readonly file: string; readonly split: Split }[] = [
  { file: 'train', split: 'train' },
  { file: 'dev', split: 'valid' },
  { file: 'test', split: 'test' },
];

/** HELM `flatten_list`: nested lists flattened depth-first; anything that is not a list is one item. */
export function flattenList(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(flattenList) : [value];
}

/** The property id of a relation name; an unknown one is a UserError (HELM asserts `subject in NAME_TO_PID`). */
export function wikifactProperty(subject: unknown): string {
  if (typeof subject === 'string' && Object.hasOwn(WIKIFACT_PROPERTIES, subject)) return WIKIFACT_PROPERTIES[subject]!;
  const names = Object.keys(WIKIFACT_PROPERTIES);
  const close = typeof subject === 'string' ? closeMatches(subject, names) : [];
  throw new UserError(
    `wikifact: invalid subject ${JSON.stringify(subject)}.` +
      (close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '') +
      ` Subjects: ${[...names].sort().join(', ')}.`,
  );
}

/** One row of the relation: the template as input, every answer name (stripped) as a correct reference. */
export function wikifactInstance(record: Readonly<Record<string, unknown>>, split: Split, where: string): RawInstance {
  const template = record['template'];
  if (typeof template !== 'string') throw new UserError(`${where}: expected a string field 'template' (WikiFact's {"property", "template", "result_names"}).`);
  const answers = flattenList(record['result_names']);
  const references = answers.map((answer) => {
    if (typeof answer !== 'string') throw new UserError(`${where}: every answer in 'result_names' must be a string, got ${JSON.stringify(answer)}.`);
    return reference(pyStrip(answer), true);
  });
  return { input: { text: template }, references, split };
}

async function* readWikifact(property: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  const files = FILES.map(({ file, split }) => ({ split, path: join(dataPath, `${file}.jsonl`), url: `${BUNDLE_URL}/${file}.jsonl` }));
  await ensureAllDownloaded(files.map(({ path, url }) => ({ url, targetPath: path })), downloadOptionsOf(context));
  for (const { split, path } of files) {
    for await (const { record, where } of readJsonLines(path)) {
      if (!('property' in record)) throw new UserError(`${where}: missing field 'property' (WikiFact's {"property", "template", "result_names"}).`);
      if (record['property'] !== property) continue;
      yield wikifactInstance(record, split, where);
    }
  }
}

/**
 * WikiFact: the rows of one relation (`subject`, e.g. `author` = P50) from train, dev (valid) and test, in file
 * order. Streamed: nothing but the current line is held.
 * @example for await (const instance of wikifactSource.instances({ subject: 'author' }, 'benchmark_output/scenarios/wikifact')) …
 */
export const wikifactSource = defineScenario({
  className: 'helm.benchmark.scenarios.wikifact_scenario.WIKIFactScenario',
  metadata: scenarioMetadata('wikifact_scenario', 'wikifact', 'Fact Completion in WikiData', ['knowledge', 'generation']),
  params: { required: ['subject'], optional: [] },
  read(args, cacheDir, context) {
    const property = wikifactProperty(args['subject']);
    return () => readWikifact(property, cacheDir, context);
  },
});
