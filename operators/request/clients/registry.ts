/** @module Model clients by the `client_spec.class_name` HELM writes in model_deployments.yaml. */
import { UserError, unknownNameMessage } from '../../../core/errors.ts';
import { anthropicClient } from './anthropic.ts';
import { llamaCppClient } from './llama-cpp.ts';
import type { AnyModelClient, ClientContext } from './model-client.ts';
import { openaiClient } from './openai.ts';
import { openaiResponsesClient } from './openai-responses.ts';
import { simpleClient } from './simple.ts';


const clients = {
  'helm.clients.simple_client.SimpleClient': () => simpleClient() as AnyModelClient,
  'helm.clients.openai_client.OpenAIClient': (c) => openaiClient(c, { flavor: 'chat' }) as AnyModelClient,
  'helm.clients.openai_client.OpenAILegacyCompletionsClient': (c) => openaiClient(c, { flavor: 'legacy-completions' }) as AnyModelClient,
  'helm.clients.vllm_client.VLLMClient': (c) => openaiClient(c, { flavor: 'vllm' }) as AnyModelClient,
  'helm.clients.vllm_client.VLLMChatClient': (c) => openaiClient(c, { flavor: 'vllm-chat' }) as AnyModelClient,
  'helm.clients.openai_responses_client.OpenAIResponseClient': (c) => openaiResponsesClient(c) as AnyModelClient,
  'helm.clients.anthropic_client.AnthropicMessagesClient': (c) => anthropicClient(c) as AnyModelClient,
  // Ours (HELM has no llama.cpp client): a GGUF model in process, see llama-cpp.ts.
  'helm_stream.clients.LlamaCppClient': (c) => llamaCppClient(c) as AnyModelClient,
} as const satisfies Record<string, (context: ClientContext) => AnyModelClient>;

export type ClientClassName = keyof typeof clients;

/** The client for a deployment; an unknown class name is a UserError naming the deployment. */
export function clientFor(className: string, context: ClientContext): AnyModelClient {
  const factory = (clients as Record<string, ((context: ClientContext) => AnyModelClient) | undefined>)[className];
  if (factory === undefined) {
    throw new UserError(
      `Model deployment '${context.deploymentName}': ${unknownNameMessage('client class', className, Object.keys(clients))}`,
    );
  }
  return factory(context);
}
