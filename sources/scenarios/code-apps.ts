/**
 * @module The APPS problems as HELM's CodeScenario reads them (`code_scenario.py: _read_and_preprocess_apps`,
 * `code_scenario_apps_pinned_file_order.py`): the train then test problem folders of `APPS/`, in the file order
 * HELM pins (a JSON file of CodaLab's), each a prompt built from its question and starter code, with one
 * reference per (re-indented) solution.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { CodeReference } from '../../core/code-reference.ts';
import { CORRECT_TAG, type RawInstance } from '../../core/instance.ts';
import { comparePyStrings } from '../../core/python-text.ts';
import { reindentCode } from './code-reindent.ts';

/** HELM's pinned file order of the APPS folders, downloaded into the APPS folder. */
export const APPS_PINNED_ORDER = {
  url: 'https://worksheets.codalab.org/rest/bundles/0x308e1062e2b7448bacc45b4c92af5a75/contents/blob/',
  file: 'code_scenario_apps_pinned_file_order.json',
} as const;
/** Longer questions, starter code and solutions are cut here ("from original codebase"). */
const SINGLE_STR_LIMIT = 150_000;

/** Python `s[:limit]` (code points). */
function truncate(text: string, limit = SINGLE_STR_LIMIT): string {
  if (text.length <= limit) return text; // fewer UTF-16 units than the limit: fewer code points too
  return Array.from(text).slice(0, limit).join('');
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/** Python's text-mode read: UTF-8 with universal newlines ("\r\n" and "\r" become "\n"). */
const readText = (path: string): string => readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');

/** The problem folders of a split: the pinned order when the pinned file lists that split, else `sorted(os.listdir(...))`. */
function problemNames(appsDir: string, split: 'train' | 'test'): string[] {
  const pinnedPath = join(appsDir, APPS_PINNED_ORDER.file);
  let pinned: unknown;
  try {
    pinned = JSON.parse(readFileSync(pinnedPath, 'utf8'));
  } catch (cause) {
    throw new UserError(`${pinnedPath}: not readable JSON (HELM downloads it from ${APPS_PINNED_ORDER.url}).`, { cause });
  }
  const names = (pinned as Record<string, unknown> | null)?.[split];
  if (Array.isArray(names) && names.length > 0) return names.map(String); // an empty list is falsy: listdir then
  const splitDir = join(appsDir, split);
  if (!existsSync(splitDir)) throw new UserError(`${splitDir} is missing: APPS has train/ and test/ folders of problems.`);
  return readdirSync(splitDir).sort(comparePyStrings);
}

/** HELM `_make_input_for_apps` ("in Python" added by HELM so that models answer in Python). */
const appsPrompt = (question: string, starterCode: string, answerType: string): string =>
  `\nQUESTION:\n${question}\n${starterCode}\n${answerType}\nANSWER in Python code:\n`;

/** One problem folder as an instance, or undefined when HELM skips it (no question; train without solutions; test without tests). */
function readProblem(problemDir: string, split: 'train' | 'test'): RawInstance | undefined {
  const questionPath = join(problemDir, 'question.txt');
  const solutionsPath = join(problemDir, 'solutions.json');
  const testsPath = join(problemDir, 'input_output.json');
  if (!isFile(questionPath)) return undefined;
  if (split === 'train' && !isFile(solutionsPath)) return undefined;
  if (split === 'test' && !isFile(testsPath)) return undefined;

  const starterPath = join(problemDir, 'starter_code.py');
  const answerType = existsSync(starterPath) ? '\nUse Call-Based format\n' : '\nUse Standard Input format\n';
  const starterCode = isFile(starterPath) ? readText(starterPath) : '';
  let solutions: string[] = [];
  if (isFile(solutionsPath)) {
    const parsed: unknown = JSON.parse(readText(solutionsPath));
    if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === 'string')) throw new UserError(`${solutionsPath}: expected a JSON list of solution texts.`);
    solutions = parsed.map((solution) => truncate(reindentCode(solution)));
  }
  if (solutions.length === 0) solutions = [''];
  // The tests stay on disk: the metric's sandbox reads input_output.json from the folder (HELM's test_cases["root"]).
  const testCases = { root: resolve(problemDir) };
  const references: CodeReference[] = solutions.map((text) => ({ output: { text }, tags: [CORRECT_TAG], test_cases: testCases }));
  const input = appsPrompt(truncate(readText(questionPath)), truncate(starterCode), answerType);
  return { input: { text: input }, references, split };
}

/**
 * APPS from its folder (`<cacheDir>/APPS`): train problems, then test problems, each split in the pinned order.
 * Problems HELM skips are logged by name, as HELM does. One problem is read at a time.
 */
export async function* readApps(appsDir: string, log: (message: string) => void): AsyncGenerator<RawInstance> {
  for (const split of ['train', 'test'] as const) {
    const skipped: string[] = [];
    let count = 0;
    for (const name of problemNames(appsDir, split)) {
      const instance = readProblem(join(appsDir, split, name), split);
      if (instance === undefined) {
        skipped.push(name);
        continue;
      }
      count += 1;
      yield instance;
    }
    log(`Split ${split}, skipped ${skipped.length}/${count} problems with no description or solution. Their ids are: [${skipped.map((s) => `'${s}'`).join(', ')}]`);
  }
}
