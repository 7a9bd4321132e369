/**
 * @module One request state of scenario_state.json, as the display files need it: the keys and small fields at
 * once, the rest parsed only when asked for. Of the result only the first completion is read (its text, first
 * token, multimodal content, thinking); the other completions and all their tokens are skipped unparsed.
 */
import { helmInstance, helmRequest } from './run-display-codec.ts';
import { jsonArrayItems, jsonObjectFields } from './run-display-json-bytes.ts';
import { helmPerturbation } from './run-display-perturbation.ts';
import { jsonField, parsePythonJson } from '../../core/python-json.ts';

/** What the display reads of a result's first completion (HELM `GeneratedOutput`). */
export interface FirstCompletion {
  readonly text: string;
  /** `tokens[0].text`, the prefix a language-modeling prediction is truncated by. */
  readonly firstTokenText: string | undefined;
  /** The text parts of `multimodal_content` joined (HELM `MultimediaObject.text`); undefined without one. */
  readonly multimodalText: string | undefined;
  /** `thinking.text`; undefined without thinking (or without its text). */
  readonly thinkingText: string | undefined;
}

/** One request state, read lazily from its bytes. */
export interface RequestStateView {
  readonly instanceId: string;
  /** The instance's perturbation as HELM's codec reads it (see `helmPerturbation`). */
  readonly perturbation: Readonly<Record<string, unknown>> | undefined;
  readonly trainTrialIndex: number;
  readonly referenceIndex: number | undefined;
  readonly requestMode: string | undefined;
  readonly hasResult: boolean;
  instance(): Record<string, unknown>;
  inputText(): string;
  /** The output mapping as parsed (look keys up with `jsonField`); undefined without one. */
  outputMapping(): unknown;
  request(): Record<string, unknown>;
  annotations(): unknown;
  firstCompletion(): FirstCompletion | undefined;
  /** HELM `gather_generated_image_locations`: each completion's first media location, or none at all. */
  generatedImageLocations(): string[];
}

const text = (bytes: Buffer): string => bytes.toString('utf8');
const parsed = (bytes: Buffer | undefined): unknown => (bytes === undefined ? undefined : parsePythonJson(text(bytes)));
const isNull = (bytes: Buffer | undefined): boolean => bytes === undefined || (bytes.length === 4 && text(bytes) === 'null');

/** HELM `MultimediaObject.text`: the text of its `text/*` media objects, joined. */
function multimediaText(content: unknown): string {
  const objects = jsonField(content, 'media_objects');
  if (!Array.isArray(objects)) return '';
  return objects
    .filter((o) => String(jsonField(o, 'content_type')).split('/')[0] === 'text' && Boolean(jsonField(o, 'text')))
    .map((o) => String(jsonField(o, 'text')))
    .join('');
}

/** Reads the bytes of one request state. Malformed records throw a SyntaxError (the caller names the file). */
export function requestStateView(bytes: Buffer): RequestStateView {
  const fields = jsonObjectFields(bytes);
  const instanceBytes = fields.get('instance');
  if (instanceBytes === undefined) throw new SyntaxError('a request state without an instance');
  const instanceFields = jsonObjectFields(instanceBytes);
  const instanceId = parsed(instanceFields.get('id'));
  if (typeof instanceId !== 'string') throw new SyntaxError('a request state whose instance has no id');
  const small = (key: string): unknown => {
    const value = fields.get(key);
    return isNull(value) ? undefined : JSON.parse(text(value!));
  };
  const resultBytes = isNull(fields.get('result')) ? undefined : fields.get('result');
  /** The bytes of the result's first `limit` completions. */
  const completions = (limit: number): Buffer[] => {
    const list = resultBytes === undefined ? undefined : jsonObjectFields(resultBytes).get('completions');
    return list === undefined ? [] : jsonArrayItems(list, limit);
  };
  const mediaObjects = (completion: Buffer): unknown =>
    jsonField(parsed(jsonObjectFields(completion).get('multimodal_content')), 'media_objects');

  return {
    instanceId,
    perturbation: helmPerturbation(parsed(instanceFields.get('perturbation')) ?? undefined),
    trainTrialIndex: Number(small('train_trial_index')),
    referenceIndex: small('reference_index') as number | undefined,
    requestMode: small('request_mode') as string | undefined,
    hasResult: resultBytes !== undefined,
    instance: () => helmInstance(parsed(instanceBytes)),
    inputText: () => String(jsonField(parsed(instanceFields.get('input')), 'text') ?? ''),
    outputMapping: () => (isNull(fields.get('output_mapping')) ? undefined : parsed(fields.get('output_mapping'))),
    request: () => helmRequest(parsed(fields.get('request'))),
    annotations: () => (isNull(fields.get('annotations')) ? undefined : parsed(fields.get('annotations'))),
    firstCompletion() {
      const first = completions(1)[0];
      if (first === undefined) return undefined;
      const completion = jsonObjectFields(first);
      const tokens = completion.get('tokens');
      const firstToken = tokens === undefined ? undefined : jsonArrayItems(tokens, 1)[0];
      const multimodal = parsed(completion.get('multimodal_content')) ?? undefined;
      const thinking = parsed(completion.get('thinking')) ?? undefined;
      const thinkingText = thinking === undefined ? undefined : jsonField(thinking, 'text');
      return {
        text: String(parsed(completion.get('text')) ?? ''),
        firstTokenText: firstToken === undefined ? undefined : (jsonField(parsed(firstToken), 'text') as string | undefined),
        multimodalText: multimodal === undefined ? undefined : multimediaText(multimodal),
        thinkingText: typeof thinkingText === 'string' ? thinkingText : undefined,
      };
    },
    generatedImageLocations() {
      const first = completions(1)[0];
      const firstObjects = first === undefined ? undefined : mediaObjects(first);
      if (!Array.isArray(firstObjects) || firstObjects.length === 0) return []; // the usual case: no media at all
      const locations: string[] = [];
      for (const completion of completions(Infinity)) {
        const objects = mediaObjects(completion);
        if (!Array.isArray(objects) || objects.length === 0) return []; // HELM: one completion without media, none
        const location = jsonField(objects[0], 'location');
        if (typeof location === 'string') locations.push(location);
      }
      return locations;
    },
  };
}
