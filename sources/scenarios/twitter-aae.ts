/**
 * @module HELM's TwitterAAEScenario (`scenarios/twitter_aae_scenario.py`): tweets of one demographic (African-American
 * or white aligned, Blodgett et al. 2016), one per CSV row, for language modeling. The CSV is read with Python's
 * csv reader rules (universal newlines), streamed row by row.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { readCsvRows } from '../csv.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const BUNDLE_URL = 'https://worksheets.codalab.org/rest/bundles/0x31485f8c37ad481fb9f4e9bf7ccff6e5/contents/blob';
const DEMOGRAPHICS = ['aa', 'white'];

async function* readTwitterAae(demographic: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const fileName = `${demographic}_tweets.csv`;
  const path = join(cacheDir, fileName);
  await ensureDownloaded({ url: `${BUNDLE_URL}/${fileName}`, targetPath: path }, downloadOptionsOf(context));
  for await (const { fields, line } of readCsvRows(path)) {
    // HELM takes row[0]; a blank line is an empty row there, and fails with IndexError.
    if (fields.length === 0) throw new UserError(`${path}:${line}: a blank line, where a tweet was expected (HELM fails on row[0] here).`);
    yield { input: { text: fields[0]! }, references: [], split: 'test' };
  }
}

/**
 * TwitterAAE: `demographic` is `aa` (the default, as in HELM's constructor) or `white`; every tweet is a test
 * instance with no references.
 * @example for await (const instance of twitterAaeSource.instances({ demographic: 'aa' }, 'benchmark_output/scenarios/twitter_aae')) …
 */
export const twitterAaeSource = defineScenario({
  className: 'helm.benchmark.scenarios.twitter_aae_scenario.TwitterAAEScenario',
  metadata: scenarioMetadata('twitter_aae_scenario', 'twitter_aae', 'Twitter African-American English', ['bias', 'language_modeling']),
  params: { required: [], optional: ['demographic'] },
  read(args, cacheDir, context) {
    const demographic = args['demographic'] ?? 'aa';
    if (typeof demographic !== 'string' || !DEMOGRAPHICS.includes(demographic)) {
      throw new UserError(`twitter_aae: demographic=${String(demographic)} is not supported (HELM's "Unsupported demographic"); use aa or white.`);
    }
    return () => readTwitterAae(demographic, cacheDir, context);
  },
});
