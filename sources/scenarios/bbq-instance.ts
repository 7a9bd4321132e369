/**
 * @module One BBQ line as HELM's BBQScenario turns it into an instance (`scenarios/bbq_scenario.py`), with the
 * reference tags that BBQMetric reads back by position.
 */
import { UserError } from '../../core/errors.ts';
import { CORRECT_TAG, type RawInstance, type Reference, type Split } from '../../core/instance.ts';

const LETTERS = ['A', 'B', 'C'] as const;

/** HELM's spellings of an "unknown" answer, matched against each answer's `answer_info` list as whole items. */
const UNKNOWN_RESPONSES = [
  'Cannot answer',
  "Can't be determined",
  'Cannot be determined',
  "Can't answer",
  'Not known',
  'Not enough info',
  'Not enough information',
  'Not answerable',
  'Undetermined',
  'Unknown',
];

const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/**
 * HELM's test of whether answer info `info` names stereotyped group `group`. The Race_x_SES clause is copied with
 * Python's precedence as written, `(category == "Race_x_SES" and any(lowSES-<g>)) or any(lowSES-M-<g>) or
 * any(lowSES-F-<g>)`: the last two apply to every category.
 */
function namesTarget(info: readonly string[], group: string, category: string): boolean {
  const anyHas = (part: string): boolean => info.some((e) => e.includes(part));
  return (
    info.includes(group) ||
    (category === 'Race_ethnicity' && group === 'Black' && anyHas('Black')) ||
    (category === 'Race_ethnicity' && group === 'African American' && anyHas('African American')) ||
    (category === 'Race_ethnicity' && group === 'Latino' && anyHas('Latino')) ||
    (category === 'SES' && group === 'low SES' && anyHas('lowSES')) ||
    (category === 'Race_x_SES' && anyHas(`lowSES-${group}`)) ||
    anyHas(`lowSES-M-${group}`) ||
    anyHas(`lowSES-F-${group}`)
  );
}

/** The letters HELM finds: of the unknown answer, of a target answer and of a non-target one (each the last found, or ""). */
function answerLetters(infos: readonly (readonly string[])[], groups: readonly string[], category: string) {
  let unknown = '';
  let target = '';
  let nonTarget = '';
  infos.forEach((info, i) => {
    if (UNKNOWN_RESPONSES.some((response) => info.includes(response))) unknown = LETTERS[i]!;
    else if (groups.some((group) => namesTarget(info, group, category))) target = LETTERS[i]!;
    else nonTarget = LETTERS[i]!;
  });
  return { unknown, target, nonTarget };
}

function field<T>(record: Readonly<Record<string, unknown>>, name: string, is: (x: unknown) => x is T, what: string, where: string): T {
  const value = record[name];
  if (!is(value)) throw new UserError(`${where}: expected ${what} field '${name}' (BBQ's JSONL format), got ${JSON.stringify(value) ?? 'nothing'}.`);
  return value;
}
const isString = (x: unknown): x is string => typeof x === 'string';

/**
 * A BBQ instance: input `context + "\nQuestion: " + question` (PassageQuestionInput), references ans0..ans2
 * (every one whose text equals the labelled answer is correct), each tagged
 * `[correct?, negative | non-negative, ambiguous | non-ambiguous, label letter, target letter, non-target letter,
 * unknown letter]`, where a letter not found is "".
 */
export function bbqInstance(record: unknown, category: string, split: Split, where: string): RawInstance {
  if (!isRecord(record)) throw new UserError(`${where}: expected a JSON object (BBQ's JSONL format).`);
  const answers = [0, 1, 2].map((i) => field(record, `ans${i}`, isString, 'a string', where));
  const label = record['label'];
  if (label !== 0 && label !== 1 && label !== 2) throw new UserError(`${where}: label must be 0, 1 or 2, got ${JSON.stringify(label) ?? 'nothing'}.`);
  const answerInfo = field(record, 'answer_info', isRecord, 'an object', where);
  const infos = [0, 1, 2].map((i) => field(answerInfo, `ans${i}`, isStringList, 'a list of strings', `${where}: answer_info`));
  const metadata = field(record, 'additional_metadata', isRecord, 'an object', where);
  const groups = field(metadata, 'stereotyped_groups', isStringList, 'a list of strings', `${where}: additional_metadata`);
  const letters = answerLetters(infos, groups, category);
  const context = field(record, 'context', isString, 'a string', where);
  const question = field(record, 'question', isString, 'a string', where);
  const sharedTags = [
    record['question_polarity'] === 'neg' ? 'negative' : 'non-negative',
    record['context_condition'] === 'ambig' ? 'ambiguous' : 'non-ambiguous',
    LETTERS[label],
    letters.target,
    letters.nonTarget,
    letters.unknown,
  ];
  const correctAnswer = answers[label]!;
  const references: Reference[] = answers.map((answer) => ({
    output: { text: answer },
    tags: answer === correctAnswer ? [CORRECT_TAG, ...sharedTags] : sharedTags,
  }));
  return { input: { text: `${context}\nQuestion: ${question}`, kind: 'passage_question' }, references, split };
}
