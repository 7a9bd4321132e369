/**
 * @module HELM's adapter spec presets (`adaptation/common_adapter_specs.py`). Each draws the prompt it
 * makes; `temperature` 0.0 is a Python float, written `0.0`.
 */
import { adapterSpec, type AdaptationMethod, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { pyFloat, type PyNumber } from '../../../core/py-float.ts';

/** HELM `format_instructions`: non-empty instructions get a trailing newline. */
export const formatInstructions = (instructions: string): string => (instructions.length > 0 ? `${instructions}\n` : instructions);

/** Fields a preset's `**kwargs` may set (passed through to the AdapterSpec, or overriding the prefixes). */
export type AdapterOverrides = Partial<AdapterSpec>;

export interface GenerationOptions {
  readonly instructions?: string;
  readonly inputNoun?: string | null;
  readonly newlineAfterInputNoun?: boolean;
  readonly outputNoun?: string | null;
  readonly newlineAfterOutputNoun?: boolean;
  readonly maxTrainInstances?: number;
  readonly numOutputs?: number;
  readonly maxTokens?: number;
  /** Default `["\n"]`. */
  readonly stopSequences?: readonly string[];
  readonly temperature?: PyNumber;
  readonly multiLabel?: boolean;
  readonly sampleTrain?: boolean;
}

/** `<noun>: ` (or `<noun>:\n`), or "" without a noun. */
function nounPrefix(noun: string | null | undefined, newline: boolean): string {
  if (noun === null || noun === undefined) return '';
  return `${noun}:${newline ? '\n' : ' '}`;
}

/**
 * HELM `get_generation_adapter_spec` (GEN):
 *
 *   [instructions]
 *
 *   [input_noun]: [input]
 *   [output_noun]: [output]
 *
 *   [input_noun]: [input]
 *   [output_noun]:
 */
export function generationAdapterSpec(options: GenerationOptions = {}): AdapterSpec {
  return adapterSpec({
    method: 'generation',
    instructions: formatInstructions(options.instructions ?? ''),
    input_prefix: nounPrefix(options.inputNoun, options.newlineAfterInputNoun ?? false),
    input_suffix: '\n',
    output_prefix: nounPrefix(options.outputNoun, options.newlineAfterOutputNoun ?? false),
    output_suffix: '\n',
    max_train_instances: options.maxTrainInstances ?? 5,
    num_outputs: options.numOutputs ?? 1,
    max_tokens: options.maxTokens ?? 5,
    temperature: options.temperature ?? pyFloat(0),
    stop_sequences: options.stopSequences ?? ['\n'],
    multi_label: options.multiLabel ?? false,
    sample_train: options.sampleTrain ?? true,
  });
}

export interface MultipleChoiceOptions {
  readonly instructions: string;
  readonly inputNoun: string | null;
  readonly outputNoun: string;
  readonly numOutputs?: number;
  readonly maxTrainInstances?: number;
  readonly maxTokens?: number;
  readonly sampleTrain?: boolean;
  /** For separate methods: no input, so no space before the answer. */
  readonly emptyInput?: boolean;
  readonly overrides?: AdapterOverrides;
}

/**
 * HELM `get_multiple_choice_joint_adapter_spec` (and its chain-of-thought twin):
 *
 *   [instructions]
 *
 *   [input_noun]: [input]
 *   A. [reference_1]
 *   ...
 *   [output_noun]: [output]
 *
 *   [input_noun]: [input]
 *   A. [reference_1]
 *   ...
 *   [output_noun]:
 */
export function multipleChoiceJointAdapterSpec(
  options: MultipleChoiceOptions,
  method: 'multiple_choice_joint' | 'multiple_choice_joint_chain_of_thought' = 'multiple_choice_joint',
): AdapterSpec {
  const hasInput = options.inputNoun !== null;
  return adapterSpec({
    method,
    instructions: formatInstructions(options.instructions),
    input_prefix: hasInput ? `${options.inputNoun}: ` : '',
    input_suffix: hasInput ? '\n' : '',
    output_prefix: `${options.outputNoun}: `,
    output_suffix: '\n',
    max_train_instances: options.maxTrainInstances ?? 5,
    num_outputs: options.numOutputs ?? 5,
    max_tokens: options.maxTokens ?? 5,
    temperature: pyFloat(0),
    stop_sequences: ['\n'],
    sample_train: options.sampleTrain ?? true,
    ...options.overrides,
  });
}

/**
 * HELM `get_multiple_choice_separate_adapter_spec`: one request per choice, scored by likelihood.
 *
 *   [input] [reference_i]      (or just [reference_i] with an empty input)
 */
export function multipleChoiceSeparateAdapterSpec(
  method: 'multiple_choice_separate_original' | 'multiple_choice_separate_calibrated',
  emptyInput = false,
): AdapterSpec {
  return adapterSpec({
    method,
    instructions: '',
    input_prefix: '',
    input_suffix: '',
    output_prefix: emptyInput ? '' : ' ',
    output_suffix: '',
    max_train_instances: 0, // separate is basically language modeling: no in-context examples
    num_outputs: 1,
    max_tokens: 0,
    temperature: pyFloat(0),
  });
}

/** The methods `get_multiple_choice_adapter_spec` accepts. */
export const MULTIPLE_CHOICE_METHODS = [
  'multiple_choice_joint',
  'multiple_choice_joint_chain_of_thought',
  'multiple_choice_separate_original',
  'multiple_choice_separate_calibrated',
] as const satisfies readonly AdaptationMethod[];
export type MultipleChoiceMethod = (typeof MULTIPLE_CHOICE_METHODS)[number];

/** Whether `method` is one of the multiple-choice methods. */
export const isMultipleChoiceMethod = (method: unknown): method is MultipleChoiceMethod =>
  (MULTIPLE_CHOICE_METHODS as readonly unknown[]).includes(method);

/**
 * HELM `get_multiple_choice_adapter_spec` (MC): joint methods take the nouns, `max_tokens` defaults to 1;
 * separate methods take the separate preset.
 */
export function multipleChoiceAdapterSpec(method: string, options: MultipleChoiceOptions): AdapterSpec {
  if (!isMultipleChoiceMethod(method)) {
    throw new UserError(`Invalid adaptation method '${method}': expected one of ${MULTIPLE_CHOICE_METHODS.join(', ')}.`);
  }
  if (method === 'multiple_choice_joint' || method === 'multiple_choice_joint_chain_of_thought') {
    return multipleChoiceJointAdapterSpec({ ...options, maxTokens: options.maxTokens ?? 1 }, method);
  }
  return multipleChoiceSeparateAdapterSpec(method, options.emptyInput ?? false);
}

export interface CompletionOptions {
  readonly instructions?: string;
  readonly inputPrefix?: string;
  readonly outputPrefix?: string;
  readonly outputSuffix?: string;
  readonly maxTrainInstances?: number;
  readonly temperature?: PyNumber;
  readonly numOutputs?: number;
  readonly maxTokens?: number;
  readonly stopSequences?: readonly string[];
  readonly overrides?: AdapterOverrides;
}

/**
 * HELM `get_completion_adapter_spec` (COMPL): the input continued as is.
 *
 *   [input][output_prefix][output][output_suffix]
 *
 *   [input][output_prefix]
 */
export function completionAdapterSpec(options: CompletionOptions = {}): AdapterSpec {
  return adapterSpec({
    method: 'generation',
    instructions: formatInstructions(options.instructions ?? ''),
    input_prefix: options.inputPrefix ?? '',
    input_suffix: '',
    output_prefix: options.outputPrefix ?? '',
    output_suffix: options.outputSuffix ?? '',
    max_train_instances: options.maxTrainInstances ?? 0,
    temperature: options.temperature ?? pyFloat(0),
    num_outputs: options.numOutputs ?? 1,
    max_tokens: options.maxTokens ?? 100,
    stop_sequences: options.stopSequences ?? [],
    ...options.overrides,
  });
}

/** HELM `get_language_modeling_adapter_spec` (LM): 0 shots, no generation. */
export function languageModelingAdapterSpec(): AdapterSpec {
  return adapterSpec({
    method: 'language_modeling',
    instructions: '',
    input_prefix: '',
    input_suffix: '',
    output_prefix: '',
    output_suffix: '',
    max_train_instances: 0,
    num_outputs: 1,
    max_tokens: 0,
    temperature: pyFloat(0),
  });
}

export interface RankingBinaryOptions {
  readonly instructions?: string;
  readonly documentNoun?: string;
  readonly queryNoun?: string;
  readonly outputPrefix?: string;
  readonly outputNoun?: string;
  /** Must be even: half of it is the number of train queries (each gives a Yes and a No example). Default 4. */
  readonly maxTrainInstances?: number;
  readonly numOutputs?: number;
  readonly numTrainTrials?: number;
  readonly temperature?: PyNumber;
  readonly maxTokens?: number;
  readonly overrides?: AdapterOverrides;
}

/**
 * HELM `get_ranking_binary_adapter_spec` (`ranking_binary`), one request per (query, document) pair:
 *
 *   [instructions]
 *
 *   [document_noun]: [document]
 *   [query_noun]: [query]
 *   [output_prefix]
 *   [output_noun]: [output]
 *
 *   ...
 *
 *   [document_noun]: [document]
 *   [query_noun]: [query]
 *   [output_prefix]
 *   [output_noun]:
 */
export function rankingBinaryAdapterSpec(options: RankingBinaryOptions = {}): AdapterSpec {
  const maxTrainInstances = options.maxTrainInstances ?? 4;
  if (maxTrainInstances % 2 !== 0) {
    // HELM asserts this (its message runs two sentences together without a space).
    throw new UserError(
      `max_train_instances=${maxTrainInstances}: there must be an even number of in-context examples to ensure that an equal number of positive and negative examples are included.`,
    );
  }
  return adapterSpec({
    method: 'ranking_binary',
    instructions: formatInstructions(options.instructions ?? ''),
    input_prefix: `${options.queryNoun ?? 'Query'}: `,
    input_suffix: '\n',
    reference_prefix: `${options.documentNoun ?? 'Passage'}: `,
    reference_suffix: '\n',
    output_prefix: `${options.outputPrefix ?? 'Does the passage answer the query?'}\n${options.outputNoun ?? 'Answer'}: `,
    max_train_instances: Math.trunc(maxTrainInstances / 2), // each train query gives two examples
    num_outputs: options.numOutputs ?? 1,
    num_train_trials: options.numTrainTrials ?? 1,
    temperature: options.temperature ?? pyFloat(0),
    max_tokens: options.maxTokens ?? 5,
    ...options.overrides,
  });
}

/**
 * HELM `get_summarization_adapter_spec(num_sents, max_train_instances=5, **kwargs)` (SUMM), e.g. with num_sents 1:
 *
 *   ###
 *   Article: [article]
 *
 *   Summarize the above article in 1 sentence.
 *   [summary]
 *
 *   ###
 *   Article: [article]
 *
 *   Summarize the above article in 1 sentence.
 */
export function summarizationAdapterSpec(numSents: number | null, options: { readonly maxTrainInstances?: number; readonly overrides?: AdapterOverrides } = {}): AdapterSpec {
  const outputPrefix =
    numSents === 1 ? 'Summarize the above article in 1 sentence.\n' : numSents === null ? 'Summarize the above article.\n' : `Summarize the above article in ${numSents} sentences.\n`;
  return adapterSpec({
    method: 'generation',
    instructions: '',
    input_prefix: '###\nArticle: ',
    input_suffix: '\n\n',
    output_prefix: outputPrefix,
    output_suffix: '\n',
    max_train_instances: options.maxTrainInstances ?? 5,
    num_outputs: 1,
    stop_sequences: ['###'], // the separator between few-shot instances
    ...options.overrides,
  });
}
