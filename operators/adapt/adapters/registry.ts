/** @module Adapters by HELM's adaptation method name. */
import type { AdaptationMethod } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import type { Adapter } from './adapter.ts';
import { generation } from './generation.ts';
import { multipleChoiceJoint } from './multiple-choice-joint.ts';

const adapters: Partial<Record<AdaptationMethod, Adapter>> = {
  generation,
  multiple_choice_joint: multipleChoiceJoint,
};

/** The adapter of `method`; methods not built yet are a UserError naming the ones that are. */
export function adapterFor(method: string): Adapter {
  const adapter = adapters[method as AdaptationMethod];
  if (adapter === undefined) {
    throw new UserError(
      `Adaptation method '${method}' is not supported yet. Supported methods: ${Object.keys(adapters).join(', ')}.`,
    );
  }
  return adapter;
}
