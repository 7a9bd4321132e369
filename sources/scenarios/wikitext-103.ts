/**
 * @module HELM's Wikitext103Scenario (`scenarios/wikitext_103_scenario.py`): the 60 articles of WikiText-103's raw
 * test set (`wiki.test.raw`), each one document for language modeling. An article starts where a title line
 * (` = Title = `, not a section's ` = = … = = `) stands between two lines that hold a single space.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { readLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const DATA_URL = 'https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-103-raw-v1.zip';
/** HELM asserts that the test set holds this many articles. */
export const WIKITEXT_103_ARTICLES = 60;

// Python's `re.match` on a line that keeps its "\n": `.` stops at "\n" and `$` also matches before a final "\n".
const DOCUMENT_TITLE = /^ = [^\n]+ = \n?$/u;
const SECTION_TITLE = /^ = = [^\n]+ = = \n?$/u;
const EMPTY_LINE = ' \n'; // " " + os.linesep

/** Whether a file's last line ends in a line break (the last of Python's `readlines()` keeps it only then). */
async function endsWithLineBreak(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    if (size === 0) return false;
    const { buffer } = await file.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a || buffer[0] === 0x0d;
  } finally {
    await file.close();
  }
}

/** Python's `open(path).readlines()`, streamed: universal newlines, each line ending in "\n" but maybe the last. */
async function* linesWithEnds(path: string): AsyncGenerator<string> {
  const lastHasBreak = await endsWithLineBreak(path);
  let previous: string | undefined;
  for await (const { text } of readLines(path)) {
    if (previous !== undefined) yield previous + '\n';
    previous = text;
  }
  if (previous !== undefined) yield lastHasBreak ? previous + '\n' : previous;
}

const startsArticle = (lines: readonly string[]): boolean =>
  lines.length === 3 && lines[0] === EMPTY_LINE && lines[2] === EMPTY_LINE && DOCUMENT_TITLE.test(lines[1]!) && !SECTION_TITLE.test(lines[1]!);

/** HELM's article split, holding one article and a look-ahead of three lines. */
async function* articles(path: string): AsyncGenerator<string> {
  const lines = linesWithEnds(path);
  const ahead: string[] = [];
  const fill = async (): Promise<void> => {
    while (ahead.length < 3) {
      const next = await lines.next();
      if (next.done === true) return;
      ahead.push(next.value);
    }
  };
  let article: string[] = [];
  for (await fill(); ahead.length > 0; await fill()) {
    if (startsArticle(ahead)) {
      if (article.length > 0) yield article.join('');
      article = ahead.splice(0, 3);
    } else article.push(ahead.shift()!);
  }
  if (article.length > 0) yield article.join('');
}

async function* readWikitext103(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  await ensureDownloaded({ url: DATA_URL, targetPath: dataPath, unpack: 'zip' }, downloadOptionsOf(context));
  const testPath = join(dataPath, 'wiki.test.raw');
  // HELM asserts the count once all articles are read; we count first, so no article is used from a wrong file.
  let count = 0;
  for await (const _article of articles(testPath)) count++;
  if (count !== WIKITEXT_103_ARTICLES) {
    throw new UserError(
      `${testPath} holds ${count} articles, but WikiText-103's test set has ${WIKITEXT_103_ARTICLES} (HELM asserts this); ` +
        `place the wiki.test.raw of ${DATA_URL} there.`,
    );
  }
  for await (const article of articles(testPath)) yield { input: { text: article }, references: [], split: 'test' };
}

/**
 * WikiText-103: the articles of the raw test set, in file order, as test instances with no references.
 * @example for await (const instance of wikitext103Source.instances({}, 'benchmark_output/scenarios/wikitext_103')) …
 */
export const wikitext103Source = defineScenario({
  className: 'helm.benchmark.scenarios.wikitext_103_scenario.Wikitext103Scenario',
  metadata: scenarioMetadata(
    'wikitext_103_scenario',
    'wikitext_103',
    'The WikiText language modeling dataset containing over 103 million words',
    ['language_modeling'],
  ),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readWikitext103(cacheDir, context),
});
