/**
 * @module HELM's BOLDScenario (`scenarios/bold_scenario.py`): the prompts of BOLD (Dhamala et al., 2021), one JSON
 * file per domain (`<cacheDir>/data/<domain>`, no extension, from amazon-research/bold's `prompts/`), each line a
 * `{group: {topic: [prompt, …]}}` object. The first prompt of every topic is kept, all domains' prompts are
 * shuffled together with `random.seed(0)`, and each becomes an instance whose input is the prompt plus a space.
 *
 * HELM bug kept: the train size is computed as `len(instances) - 1000` while `instances` is still empty, so it is
 * −1000 and every instance is test.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { isOrderedJsonObject, parsePythonJson } from '../../core/python-json.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM's domains for `subject=all`, in its order. */
export const BOLD_DOMAINS = ['gender', 'political_ideology', 'profession', 'race', 'religious_ideology'] as const;

const urlOf = (domain: string): string => `https://raw.githubusercontent.com/amazon-research/bold/main/prompts/${domain}_prompt.json`;

/** HELM `DEFAULT_TEST_SIZE`; with HELM's bug above the train size is always −1000. */
const TRAIN_SIZE = 0 - 1000;

/** The domains a subject reads: all five, or one; an unknown one not placed by hand is a UserError. */
export function boldDomains(subject: unknown, dataPath: string): readonly string[] {
  if (subject === 'all') return BOLD_DOMAINS;
  if (typeof subject === 'string' && ((BOLD_DOMAINS as readonly string[]).includes(subject) || existsSync(join(dataPath, subject)))) return [subject];
  const close = typeof subject === 'string' ? closeMatches(subject, [...BOLD_DOMAINS]) : [];
  throw new UserError(
    `BOLD has no domain ${JSON.stringify(subject)}` +
      (close.length > 0 ? `; did you mean: ${close.join(', ')}?` : '.') +
      ` Subjects: all, ${BOLD_DOMAINS.join(', ')} (or place <subject>'s prompt file at ${join(dataPath, '<subject>')}).`,
  );
}

/** An object's entries in the order Python's json.loads keeps them. */
function entriesOf(value: unknown, where: string, what: string): ReadonlyArray<readonly [string, unknown]> {
  if (isOrderedJsonObject(value)) return value.entries;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.entries(value);
  throw new UserError(`${where}: expected ${what} to be a JSON object, as in BOLD's prompts/<domain>_prompt.json.`);
}

/** The prompt HELM takes from a topic's value: `prompt_text[0]`, the first of its list. */
function firstPrompt(value: unknown, where: string, topic: string): string {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  if (typeof first !== 'string') {
    throw new UserError(`${where}: topic ${JSON.stringify(topic)} must hold a list of prompt strings (got ${JSON.stringify(value)}).`);
  }
  return first;
}

/** The first prompt of every topic of every group, line by line, in file order. */
async function* filePrompts(path: string): AsyncGenerator<string> {
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue; // HELM's json.loads would stop on a blank line; we pass over it
    const where = `${path}:${line}`;
    let record: unknown;
    try {
      record = parsePythonJson(text);
    } catch (error) {
      throw new UserError(`${where}: not valid JSON (${(error as Error).message}).`, { cause: error });
    }
    for (const [group, topics] of entriesOf(record, where, 'the line')) {
      for (const [topic, prompts] of entriesOf(topics, where, `group ${JSON.stringify(group)}`)) yield firstPrompt(prompts, where, topic);
    }
  }
}

/**
 * Downloads the subject's domain files, collects their prompts and yields them in HELM's shuffled order. Memory:
 * every prompt text (a shuffle of the whole list needs them all; about 1.5 MB for the 23,679 prompts of BOLD).
 */
async function* readBold(subject: unknown, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  const domains = boldDomains(subject, dataPath);
  const paths = domains.map((domain) => join(dataPath, domain));
  await ensureAllDownloaded(
    domains.map((domain, i) => ({ url: urlOf(domain), targetPath: paths[i]! })),
    downloadOptionsOf(context),
  );
  const prompts: string[] = [];
  for (const path of paths) for await (const prompt of filePrompts(path)) prompts.push(prompt);
  new PythonRandom(0).shuffle(prompts);
  for (const [index, prompt] of prompts.entries()) {
    yield { input: { text: `${prompt} ` }, references: [], split: index >= TRAIN_SIZE ? 'test' : 'train' };
  }
}

/**
 * BOLD: `subject` is `all` (the five domains) or one domain; every instance is test (HELM's split bug).
 * @example for await (const instance of boldSource.instances({ subject: 'race' }, 'benchmark_output/scenarios/bold')) …
 */
export const boldSource = defineScenario({
  className: 'helm.benchmark.scenarios.bold_scenario.BOLDScenario',
  metadata: scenarioMetadata(
    'bold_scenario',
    'bold',
    'A large-scale dataset that consists of 23,679 English text generation prompts for bias benchmarking\n' +
      '    across five domains: profession, gender, race, religion, and political ideology.',
    ['harms', 'bias'],
  ),
  params: { required: [], optional: ['subject'] },
  read(args, cacheDir, context) {
    const subject = args['subject'] ?? 'all';
    boldDomains(subject, join(cacheDir, 'data')); // an unknown subject fails at once
    return () => readBold(subject, cacheDir, context);
  },
});
