/**
 * @module HELM's BabiQAScenario (`scenarios/babi_qa_scenario.py`): the 20 bAbI reasoning tasks (Weston et al., 2015),
 * from the `en-valid` files of Facebook's tasks_1-20_v1-2 archive. Each question becomes an instance whose passage
 * is the story told so far (earlier questions left out).
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { PyFloat } from '../../core/py-float.ts';
import { reference, type Input, type RawInstance, type Split } from '../../core/instance.ts';
import { pyStrip } from '../../core/python-text.ts';
import { ensureDownloaded } from '../download.ts';
import { readLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const ARCHIVE_URL = 'http://www.thespermwhale.com/jaseweston/babi/tasks_1-20_v1-2.tar.gz';
const ARCHIVE_DIR = 'tasks_1-20_v1-2';
const TASKS = Array.from({ length: 20 }, (_, i) => i + 1);
/** HELM's order of files within a task; the file name uses the first, the instance the second. */
const SPLITS: readonly { readonly file: string; readonly split: Split }[] = [
  { file: 'train', split: 'train' },
  { file: 'valid', split: 'valid' },
  { file: 'test', split: 'test' },
];
/** Task 19 (path finding) answers "s,w"; HELM spells the steps out. */
const DIRECTIONS: Readonly<Record<string, string>> = { s: 'south', n: 'north', e: 'east', w: 'west' };

/** Python `int(text)` for ASCII digits (surrounding whitespace, a sign, `_` between digits), else undefined. */
function pyIntOf(text: string): number | undefined {
  const stripped = pyStrip(text);
  return /^[+-]?\d(?:_?\d)*$/.test(stripped) ? Number(stripped.replaceAll('_', '')) : undefined;
}

/**
 * HELM's `task` argument: "all" (every task, 1 to 20) or a task number as Python's `int()` reads it (an int, a float
 * truncated, or digits in text); anything else is a UserError, as HELM's ValueError or assert would be.
 */
export function babiTasks(task: unknown): number[] {
  if (task === 'all') return TASKS;
  let n: number | undefined;
  if (typeof task === 'number' || task instanceof PyFloat) n = Math.trunc(typeof task === 'number' ? task : task.value);
  else if (typeof task === 'string') n = pyIntOf(task);
  if (n === undefined || !TASKS.includes(n)) {
    throw new UserError(`babi_qa: task must be "all" or a task number from 1 to 20, got ${JSON.stringify(task instanceof PyFloat ? task.value : task)}.`);
  }
  return [n];
}

/** HELM `process_path`: "s,w" → "south west"; an unknown step is a UserError (HELM's KeyError). */
export function babiPath(path: string, where: string): string {
  return path
    .split(',')
    .map((step) => {
      const word = DIRECTIONS[step];
      if (word === undefined) throw new UserError(`${where}: unknown direction ${JSON.stringify(step)} in the path answer ${JSON.stringify(path)} (n, s, e or w).`);
      return word;
    })
    .join(' ');
}

/** Whether the file's last byte ends a line (else its last line has no "\n", as Python reads it). */
async function endsWithNewline(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await file.read(last, 0, 1, size - 1);
    return last[0] === 0x0a || last[0] === 0x0d;
  } finally {
    await file.close();
  }
}

/** The lines of a file as Python's `list(open(path))` gives them: universal newlines, each line with its "\n". */
async function* linesWithEnds(path: string): AsyncGenerator<{ text: string; line: number }> {
  const lastHasEnd = await endsWithNewline(path);
  let previous: { text: string; line: number } | undefined;
  for await (const line of readLines(path)) {
    if (previous !== undefined) yield { text: `${previous.text}\n`, line: previous.line };
    previous = line;
  }
  if (previous !== undefined) yield { text: lastHasEnd ? `${previous.text}\n` : previous.text, line: previous.line };
}

/** The instances of one bAbI file: a story is reset at fact number 1; each question is asked of the facts before it. */
async function* readBabiFile(path: string, task: number, split: Split): AsyncGenerator<RawInstance> {
  let story: string[] = [];
  for await (const { text, line } of linesWithEnds(path)) {
    const where = `${path}:${line}`;
    const words = text.split(' ');
    const factId = pyIntOf(words[0]!);
    if (factId === undefined) throw new UserError(`${where}: expected a line "<number> <fact or question>", got ${JSON.stringify(text)}.`);
    if (factId === 1) story = [];
    const fact = words.slice(1).join(' ');
    if (!fact.includes('?')) {
      story.push(fact); // with its "\n": the passage is the facts joined by ""
      continue;
    }
    const parts = fact.split('\t');
    if (parts.length < 2) throw new UserError(`${where}: a question line is "<number> <question>\\t<answer>\\t<supporting facts>".`);
    const question = pyStrip(parts[0]!);
    let answer = pyStrip(parts[1]!);
    if (task === 19) answer = babiPath(answer, where);
    // PassageQuestionInput(passage, question, separator=""): passage + "Question: " + question.
    const input: Input = { text: `${story.join('')}Question: ${question}`, kind: 'passage_question' };
    yield { input, references: [reference(answer, true)], split };
  }
}

async function* readBabi(cacheDir: string, tasks: readonly number[], context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const archive = join(cacheDir, 'data', ARCHIVE_DIR);
  await ensureDownloaded({ url: ARCHIVE_URL, targetPath: archive, unpack: 'tar' }, downloadOptionsOf(context));
  for (const task of tasks) {
    for (const { file, split } of SPLITS) {
      const path = join(archive, 'en-valid', `qa${task}_${file}.txt`);
      try {
        yield* readBabiFile(path, task, split);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new UserError(`${path} is missing: ${archive} should be the unpacked ${ARCHIVE_URL}.`, { cause: error });
        }
        throw error;
      }
    }
  }
}

/**
 * bAbI QA: for each task (all 20, or one), its train, valid and test files in that order; one instance per question,
 * with the answer as the one correct reference (task 19's paths spelled out: "s,w" → "south west").
 * @example for await (const instance of babiQaSource.instances({ task: 'all' }, 'benchmark_output/scenarios/babi_qa')) …
 */
export const babiQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.babi_qa_scenario.BabiQAScenario',
  metadata: scenarioMetadata('babi_qa_scenario', 'babi_qa', 'Question answering dataset with reasoning questions.', ['question_answering']),
  params: { required: ['task'], optional: [] },
  read(args, cacheDir, context) {
    const tasks = babiTasks(args['task']);
    return () => readBabi(cacheDir, tasks, context);
  },
});
