/**
 * @module `output_format_instructions=<scenario>[_no_prefix][_suffix]` (HELM OutputFormatInstructions):
 * a one-line instruction on the answer format, by adaptation method and scenario key, put before the
 * instructions (or, with `_suffix`, after the global suffix). The name does not change.
 */
import { UserError } from '../../../core/errors.ts';
import { pyStrip } from '../../../core/python-text.ts';
import { requireString, unknownValueError, withAdapter, type ExpanderFactory } from './expander.ts';

const SINGLE_LETTER = 'Answer with only a single letter.';
const ARABIC_MCQA = 'اكتب حرف الإجابة فقط، دون أي إضافات أخرى.';

/** Multiple choice joint: any other key gets the single-letter instruction. */
const MULTIPLE_CHOICE_JOINT: Readonly<Record<string, string>> = {
  mmlu_only_last_question: 'Answer only the last question with only a single letter.',
  mmlu: SINGLE_LETTER,
  mcqa: SINGLE_LETTER,
  mcqa_no_period: 'Answer with only a single letter. Do not include a period in your answer.',
  mcqa_only_last_question: 'Answer only the last question with only a single letter.',
  arabic_mcqa: ARABIC_MCQA,
};

/** Generation: instruction per scenario key; `legalbench` depends on the output noun. */
const GENERATION: Readonly<Record<string, (outputNoun: string) => string>> = {
  narrative_qa: () =>
    'Answer with one word, a few-word phrase, or a short sentence. ' + 'Avoid extra, unnecessary information in the answer.',
  natural_qa: () => "Answer with a short answer or a boolean 'yes' or 'no' answer.",
  natural_qa_short_answer: () => 'Answer with a short answer.',
  legalbench: (noun) => (noun !== 'Answer' ? `Answer with the ${noun.toLowerCase()}.` : 'Answer yes or no.'),
  legalbench_abercrombie: () => "Answer with only 'generic', 'descriptive', 'suggestive', 'arbitrary' or 'fanciful'.",
  legalbench_function_of_decision_section: () =>
    "Answer with only 'Facts', 'Procedural History', 'Issue', 'Rule', 'Analysis', 'Conclusion' or 'Decree'.",
  legalbench_yes_or_no: () => "Answer with only 'Yes' or 'No'.",
  wmt_14: () => 'Answer with the English translation.',
  wmt_14_only_last_sentence: () => 'Answer with only the English translation for the last sentence.',
  math: () => 'Wrap the final answer with the \\boxed{} command.',
  numeric_nlg: () => 'Answer with only description of the last table as a single paragraph on a single line.',
  tab_fact: () => "Answer with only the classification of the last statement, either 'refuted' or 'entailed'.",
  wikitq: () =>
    'Answer only the last question with a short answer. ' + 'Avoid extra, unnecessary information in the answer.',
  arabic_mcqa: () => ARABIC_MCQA,
};

/** Multiple choice joint with chain of thought. */
const CHAIN_OF_THOUGHT: Readonly<Record<string, string>> = {
  mmlu_pro: 'In your response, replace "insert answer here" with the single uppercase letter corresponding to your answer.',
  gpqa: 'In your response, replace "insert answer here" with the single uppercase letter corresponding to your answer.',
};

const has = (table: object, key: string): boolean => Object.hasOwn(table, key);

export const outputFormatInstructionsExpander: ExpanderFactory = (value) => {
  let scenario = requireString('output_format_instructions', value);
  const isSuffix = scenario.endsWith('_suffix');
  if (isSuffix) scenario = scenario.slice(0, -'_suffix'.length);
  const isNoPrefix = scenario.endsWith('_no_prefix');
  if (isNoPrefix) scenario = scenario.slice(0, -'_no_prefix'.length);

  return function outputFormatInstructions(runSpec) {
    const adapter = runSpec.adapter_spec;
    let instructions: string;
    if (adapter.method === 'multiple_choice_joint') {
      instructions = has(MULTIPLE_CHOICE_JOINT, scenario) ? MULTIPLE_CHOICE_JOINT[scenario]! : SINGLE_LETTER;
    } else if (adapter.method === 'generation') {
      if (!has(GENERATION, scenario)) throw unknownValueError('output_format_instructions (generation)', scenario, Object.keys(GENERATION));
      instructions = GENERATION[scenario]!(adapter.output_prefix.split(':')[0]!);
    } else if (adapter.method === 'multiple_choice_joint_chain_of_thought') {
      if (!has(CHAIN_OF_THOUGHT, scenario)) {
        throw unknownValueError('output_format_instructions (chain of thought)', scenario, Object.keys(CHAIN_OF_THOUGHT));
      }
      instructions = CHAIN_OF_THOUGHT[scenario]!;
    } else {
      // HELM fails here with UnboundLocalError.
      throw new UserError(
        `output_format_instructions supports the methods multiple_choice_joint, generation and ` +
          `multiple_choice_joint_chain_of_thought; ${runSpec.name} uses ${adapter.method || 'no method'}.`,
      );
    }
    if (isNoPrefix) {
      if (instructions !== '') instructions += ' ';
      instructions += `Do not include '${pyStrip(adapter.output_prefix)}' in your answer.`;
    }
    if (isSuffix) return [withAdapter(runSpec, { global_suffix: `${adapter.global_suffix}\n\n${instructions}` })];
    const combined = adapter.instructions !== '' ? `${instructions}\n\n${adapter.instructions}` : `${instructions}\n`;
    return [withAdapter(runSpec, { instructions: combined })];
  };
};
