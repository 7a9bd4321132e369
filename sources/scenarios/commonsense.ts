/**
 * @module What the five scenarios of HELM's `commonsense_scenario.py` share (HellaSwag, OpenBookQA,
 * CommonsenseQA, PIQA, SIQA): how an instance is made from a question, its answers and the correct answer's
 * text, the split names of their files, and reading a JSONL record's fields as Python would index them.
 */
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { parsePyInt } from '../../core/python-number.ts';
import { readJsonLines, readLines } from '../line-reader.ts';
import { scenarioMetadata, type ScenarioMetadata } from '../scenario-source.ts';

/** The file-name splits of the family and HELM's splits (`_SPLIT_TRANSLATION`). */
export type CommonsenseFileSplit = 'train' | 'val' | 'test';
export const COMMONSENSE_SPLITS: Readonly<Record<CommonsenseFileSplit, Split>> = { train: 'train', val: 'valid', test: 'test' };

/**
 * HELM `_make_instance`: every answer whose text equals the correct answer's text is tagged correct, so an
 * answer written twice is correct twice.
 */
export function commonsenseInstance(question: string, answers: readonly string[], correctAnswer: string, split: CommonsenseFileSplit): RawInstance {
  return { input: { text: question }, references: answers.map((a) => reference(a, a === correctAnswer)), split: COMMONSENSE_SPLITS[split] };
}

/** scenario.json of one of the family: every class has the tags knowledge and multiple_choice. */
export const commonsenseMetadata = (name: string, description: string): ScenarioMetadata =>
  scenarioMetadata('commonsense_scenario', name, description, ['knowledge', 'multiple_choice']);

type JsonRecord = Readonly<Record<string, unknown>>;
const isRecord = (x: unknown): x is JsonRecord => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `record[name]` as a string; anything else is a UserError naming the field and the expected format. */
export function textField(record: JsonRecord, name: string, where: string, format: string): string {
  const value = record[name];
  if (typeof value !== 'string') throw new UserError(`${where}: expected a string field '${name}' (${format}), got ${JSON.stringify(value) ?? 'nothing'}.`);
  return value;
}

/** `record[name]` as an object. */
export function objectField(record: JsonRecord, name: string, where: string, format: string): JsonRecord {
  const value = record[name];
  if (!isRecord(value)) throw new UserError(`${where}: expected an object field '${name}' (${format}).`);
  return value;
}

/** `record[name]` as a list of strings. */
export function textListField(record: JsonRecord, name: string, where: string, format: string): string[] {
  const value = record[name];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new UserError(`${where}: expected a list of strings '${name}' (${format}), got ${JSON.stringify(value) ?? 'nothing'}.`);
  }
  return value as string[];
}

/**
 * The choices of an OpenBookQA / CommonsenseQA question (`question.choices[].text`) and the index of the
 * correct one: `answerKey` looked up among `letters`, and checked, as HELM asserts, against the number of
 * choices and that choice's own label.
 */
export function letteredChoices(item: JsonRecord, letters: string, where: string, format: string): { question: string; answers: string[]; correct: number } {
  const questionRecord = objectField(item, 'question', where, format);
  const question = textField(questionRecord, 'stem', where, format);
  const choices = questionRecord['choices'];
  if (!Array.isArray(choices) || !choices.every(isRecord)) throw new UserError(`${where}: expected question.choices to be a list of {"label", "text"} (${format}).`);
  const answers = choices.map((choice) => textField(choice, 'text', where, format));
  const key = item['answerKey'];
  const correct = typeof key === 'string' && key.length === 1 ? letters.indexOf(key) : -1;
  if (correct < 0) throw new UserError(`${where}: answerKey must be one of ${[...letters].join(', ')}, got ${JSON.stringify(key) ?? 'nothing'}.`);
  if (answers.length !== letters.length) throw new UserError(`${where}: expected ${letters.length} choices, got ${answers.length}.`);
  if (choices[correct]!['label'] !== key) {
    throw new UserError(`${where}: choice ${correct + 1} should have the label ${key} of answerKey, got ${JSON.stringify(choices[correct]!['label']) ?? 'nothing'}.`);
  }
  return { question, answers, correct };
}

/**
 * `items[index]` as Python indexes a list with an int (a negative index counts from the end), or undefined
 * where Python raises (not an int, or out of range).
 */
export function pyListItem<T>(items: readonly T[], index: unknown): T | undefined {
  if (typeof index !== 'number' || !Number.isInteger(index)) return undefined;
  const at = index < 0 ? items.length + index : index;
  return at >= 0 && at < items.length ? items[at] : undefined;
}

/** One JSONL record and the label on the same line of its labels file. */
export interface LabelledRecord {
  readonly record: JsonRecord;
  readonly label: number;
  readonly where: string;
}

/**
 * The records of a JSONL file paired with the integer labels of its `.lst` file, line by line, as HELM's PIQA
 * and SIQA read them (`int(line.strip())`); both are streamed. A line of the labels file that is no integer,
 * or files of different lengths, are a UserError (HELM's `assert len(data) == len(labels)`, which HELM checks
 * before reading any record; here it is found when the shorter file ends).
 */
export async function* readLabelledJsonLines(dataPath: string, labelsPath: string): AsyncGenerator<LabelledRecord> {
  const labels = readLines(labelsPath);
  let count = 0;
  try {
    for await (const { record, where } of readJsonLines(dataPath)) {
      const next = await labels.next();
      if (next.done === true) throw new UserError(`${labelsPath} has ${count} labels, but ${dataPath} has more records (one label per record is expected).`);
      const label = parsePyInt(next.value.text);
      if (label === undefined) throw new UserError(`${labelsPath}:${next.value.line}: expected an integer label, got ${JSON.stringify(next.value.text)}.`);
      count++;
      yield { record, label, where };
    }
    if ((await labels.next()).done !== true) throw new UserError(`${labelsPath} has more labels than the ${count} records of ${dataPath} (one label per record is expected).`);
  } finally {
    await labels.return(undefined);
  }
}
