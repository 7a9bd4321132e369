/** @module The shape of an in-context-learning adapter: how it writes blocks, its request and output mapping. */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import type { Instance } from '../../../core/instance.ts';
import type { Request } from '../../../core/request.ts';

/** One adaptation method of HELM, as pure functions of the spec. */
export interface Adapter {
  /** A train example with its gold output. */
  trainBlock(spec: AdapterSpec, instance: Instance): string;
  /** The eval instance, ending where the model answers. */
  evalBlock(spec: AdapterSpec, instance: Instance): string;
  /** The request for a finished prompt. */
  request(spec: AdapterSpec, prompt: string): Request;
  /** Multiple choice: answer letter → reference text. */
  outputMapping?(spec: AdapterSpec, instance: Instance): Record<string, string>;
}
