/** @module The scenario side of HELM's data model (`benchmark/scenarios/scenario.py`): inputs, references, instances. */
import type { PerturbationDescription } from './metric-name.ts';

/** HELM's three splits. `valid` and `test` are the eval splits by default. */
export type Split = 'train' | 'valid' | 'test';
export const EVAL_SPLITS: readonly Split[] = ['valid', 'test'];
export const CORRECT_TAG = 'correct';

/**
 * An instance's input. `kind` is not written out: it records HELM's Python class, because HELM's
 * dataclass equality says a `PassageQuestionInput` never equals a plain `Input` (which decides
 * skip-unchanged in augmentation).
 */
export interface Input {
  readonly text: string;
  readonly kind?: 'passage_question';
  /** HELM `Input.messages`: a chat history (`{role, content}` dicts), which the chat method sends as is. */
  readonly messages?: readonly ChatMessage[];
}

/** One turn of a chat history, as HELM holds it: a `Dict[str, str]` (`role`, `content`). */
export type ChatMessage = Readonly<Record<string, string>>;

/** HELM's Reference: an output text and tags (`correct`, …). */
export interface Reference {
  readonly output: { readonly text: string };
  readonly tags: readonly string[];
}

/** What a source yields: an instance before ids are assigned. */
export interface RawInstance {
  readonly input: Input;
  readonly references: readonly Reference[];
  readonly split: Split;
  readonly sub_split?: string;
  readonly id?: string;
  readonly extra_data?: Readonly<Record<string, unknown>>;
  /** Contrast sets (BoolQ, IMDB): other inputs and their references, for ContrastSetsPerturbation. */
  readonly contrast_inputs?: readonly Input[];
  readonly contrast_references?: readonly (readonly Reference[])[];
}

/** An instance with its id (after `assignIds`), possibly a perturbed copy of an original. */
export interface Instance extends RawInstance {
  readonly id: string;
  readonly perturbation?: PerturbationDescription;
}

/** A reference built the way HELM's scenarios build them. */
export const reference = (text: string, isCorrect: boolean): Reference => ({
  output: { text },
  tags: isCorrect ? [CORRECT_TAG] : [],
});

/** HELM `Reference.is_correct`. */
export const isCorrect = (ref: Reference): boolean => ref.tags.includes(CORRECT_TAG);

/** Python `==` of two optional lists of string dicts (key order does not matter). */
function sameMessages(a: readonly ChatMessage[] | undefined, b: readonly ChatMessage[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const sameTurn = (x: ChatMessage, y: ChatMessage): boolean =>
    Object.keys(x).length === Object.keys(y).length && Object.keys(x).every((key) => Object.hasOwn(y, key) && x[key] === y[key]);
  return a.length === b.length && a.every((turn, i) => sameTurn(turn, b[i]!));
}

/** HELM's dataclass equality of two inputs: same class, same text and same messages. */
export const sameInput = (a: Input, b: Input): boolean =>
  a.text === b.text && a.kind === b.kind && sameMessages(a.messages, b.messages);
