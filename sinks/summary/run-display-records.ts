/**
 * @module The records of `display_predictions.json` and `display_requests.json` (HELM v0.5.16
 * `presentation/run_display.py`: DisplayPrediction, DisplayRequest), in their field order. Fields that are None
 * stay undefined, so the writer leaves them out as HELM's codec does; `base64_images` and `stats` are always there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pyFloat } from '../../core/py-float.ts';
import { jsonField, orderedJsonObject } from '../../core/python-json.ts';
import { pyStrip } from '../../core/python-text.ts';
import type { RequestStateView } from './run-display-request-state.ts';

/** HELM `ADAPT_MULTIPLE_CHOICE_SEPARATE_METHODS`. */
export const SEPARATE_MULTIPLE_CHOICE_METHODS: ReadonlySet<string> = new Set([
  'multiple_choice_separate_original',
  'multiple_choice_separate_calibrated',
]);

/** What the records take from the run's adapter spec. */
export interface DisplayRecordOptions {
  /** `adapter_spec.method`. */
  readonly method: string;
  /** `adapter_spec.output_mapping_pattern`, compiled (see `pythonRegExp`); undefined when empty. */
  readonly outputMappingPattern: RegExp | undefined;
}

/** HELM `_truncate_predicted_text`: the prediction less its prompt (separate multiple choice) or first token (LM). */
function truncatedPredictedText(predicted: string, state: RequestStateView, method: string): string | undefined {
  let prefix = '';
  if (SEPARATE_MULTIPLE_CHOICE_METHODS.has(method)) prefix = state.inputText();
  else if (method === 'language_modeling') prefix = state.firstCompletion()?.firstTokenText ?? '';
  return prefix !== '' && predicted.startsWith(prefix) ? predicted.slice(prefix.length) : undefined;
}

/** HELM's `mapped_output`: the stripped prediction (or its `output_mapping_pattern` match) looked up in the mapping. */
function mappedOutput(predicted: string, state: RequestStateView, pattern: RegExp | undefined): unknown {
  const mapping = state.outputMapping();
  if (mapping === undefined) return undefined;
  let key: string | undefined = pyStrip(predicted);
  if (pattern !== undefined) {
    const match = pattern.exec(key);
    // group 1 when the pattern has groups (None when it took no part), else the whole match; "" when none
    key = match === null ? '' : match.length > 1 ? match[1] : match[0];
  }
  return key === undefined ? undefined : jsonField(mapping, key);
}

/**
 * HELM's base64 of each generated image that exists on disk (text-to-image runs). HELM re-encodes the image as
 * JPEG through PIL; this writes the file's own bytes, so the text differs from HELM's where the file is not
 * already a PIL-made JPEG.
 */
const base64Images = (locations: readonly string[]): string[] =>
  locations.filter((location) => existsSync(location)).map((location) => readFileSync(location).toString('base64'));

/**
 * One DisplayPrediction. `stats` is the trial's display stats (name → mean, in HELM's dict order), already
 * joined by (instance, perturbation, train trial). A result without completions (a request that failed for
 * good, which our helm-run records) shows `predicted_text: ""`; HELM would stop there with an IndexError.
 */
export function displayPrediction(
  state: RequestStateView,
  stats: ReadonlyMap<string, number>,
  options: DisplayRecordOptions,
): Record<string, unknown> {
  const completion = state.firstCompletion();
  let predicted = completion?.text ?? '';
  const mapped = mappedOutput(predicted, state, options.outputMappingPattern);
  // Multimodal output text goes before the text, after the mapping was looked up (HELM's order).
  if (completion?.multimodalText) predicted = `${completion.multimodalText} ${predicted}`;
  return {
    instance_id: state.instanceId,
    perturbation: state.perturbation,
    train_trial_index: state.trainTrialIndex,
    predicted_text: predicted,
    truncated_predicted_text: truncatedPredictedText(predicted, state, options.method),
    base64_images: base64Images(state.generatedImageLocations()),
    mapped_output: mapped ?? undefined,
    reference_index: state.referenceIndex,
    stats: orderedJsonObject([...stats].map(([name, mean]) => [name, pyFloat(mean)])),
    annotations: state.annotations(),
    thinking_text: completion?.thinkingText,
  };
}

/** One DisplayRequest: the keys of the prediction it goes with, and the request. */
export function displayRequest(state: RequestStateView): Record<string, unknown> {
  return {
    instance_id: state.instanceId,
    perturbation: state.perturbation,
    train_trial_index: state.trainTrialIndex,
    request: state.request(),
  };
}
