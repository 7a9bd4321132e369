/** @module Adapters by HELM's adaptation method name (HELM `adapter_factory.py`), as an exhaustive table. */
import type { AdaptationMethod } from '../../../core/adapter-spec.ts';
import { UserError, unknownNameMessage } from '../../../core/errors.ts';
import type { AdapterFactory } from './adapter.ts';
import { generation } from './generation.ts';
import { chat } from './chat.ts';
import { languageModeling } from './language-modeling.ts';
import { multipleChoiceJoint } from './multiple-choice-joint.ts';
import { multipleChoiceJointChainOfThought } from './multiple-choice-joint-chain-of-thought.ts';
import { multipleChoiceSeparateCalibrated, multipleChoiceSeparateOriginal } from './multiple-choice-separate.ts';
import { rankingBinary } from './ranking-binary.ts';

/** Every method HELM knows; `null` marks one not built yet (a missing key is a compile error). */
const adapters: Record<AdaptationMethod, AdapterFactory | null> = {
  generation,
  multiple_choice_joint: multipleChoiceJoint,
  chat,
  language_modeling: languageModeling,
  multiple_choice_joint_chain_of_thought: multipleChoiceJointChainOfThought,
  multiple_choice_separate_original: multipleChoiceSeparateOriginal,
  multiple_choice_separate_calibrated: multipleChoiceSeparateCalibrated,
  ranking_binary: rankingBinary,
  ehr_instruction: null,
  generation_multimodal: null,
  multiple_choice_joint_multimodal: null,
};

/** The methods this project implements, in table order. */
export const IMPLEMENTED_METHODS: readonly AdaptationMethod[] = (Object.keys(adapters) as AdaptationMethod[]).filter(
  (method) => adapters[method] !== null,
);

/** The adapter factory of `method`: a UserError names an unimplemented or unknown method and the implemented ones. */
export function adapterFactoryFor(method: string): AdapterFactory {
  const known = Object.hasOwn(adapters, method);
  const factory = known ? adapters[method as AdaptationMethod] : null;
  if (factory !== null) return factory;
  const implemented = IMPLEMENTED_METHODS.join(', ');
  throw new UserError(
    known
      ? `Adaptation method '${method}' is not implemented yet. Implemented methods: ${implemented}.`
      : `${unknownNameMessage('adaptation method', method, Object.keys(adapters))} Implemented methods: ${implemented}.`,
  );
}
