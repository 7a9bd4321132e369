import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { INT_MAX } from '../../operators/adapt/window-service.ts';
import { helmVectors } from '../../operators/request/tokenizers/__fixtures__/helm-test-vectors.ts';
import { parseModelDeployments, parseTokenizerConfigs } from './model-configs.ts';
import { BUILTIN_CONFIG_DIR, createModelRegistry, readModelConfigLayer } from './model-registry.ts';
import { windowServiceFor } from './window-service-for.ts';

// Deployments as HELM v0.5.16 src/helm/config/model_deployments.yaml writes them (plus a few for edge cases).
const DEPLOYMENTS = `
model_deployments:
  - name: huggingface/gpt2
    model_name: openai/gpt2
    tokenizer_name: huggingface/gpt2
    max_sequence_length: 1024
    max_request_length: 1025
    client_spec:
      class_name: "helm.clients.huggingface_client.HuggingFaceClient"
  - name: openai/gpt-3.5-turbo-0301
    tokenizer_name: openai/cl100k_base
    max_sequence_length: 4000
    max_request_length: 4001
    client_spec:
      class_name: "helm.clients.openai_client.OpenAIClient"
  - name: anthropic/claude-2.0
    tokenizer_name: anthropic/claude
    max_sequence_length: 8000
    max_sequence_and_generated_tokens_length: 9016
    client_spec:
      class_name: "helm.clients.anthropic_client.AnthropicClient"
  - name: anthropic/claude-like
    tokenizer_name: openai/o200k_base
    max_sequence_length: 8000
    max_sequence_and_generated_tokens_length: 9016
    client_spec:
      class_name: "helm.clients.anthropic_client.AnthropicClient"
  - name: google/t5-like
    tokenizer_name: openai/o200k_base
    max_sequence_length: 10
    client_spec:
      class_name: "helm.clients.together_client.TogetherClient"
    window_service_spec:
      class_name: "helm.benchmark.window_services.encoder_decoder_window_service.EncoderDecoderWindowService"
  - name: acme/no-decoding
    tokenizer_name: openai/cl100k_base
    max_sequence_length: 10
    client_spec:
      class_name: "helm.clients.together_client.TogetherClient"
    window_service_spec:
      class_name: "helm.benchmark.window_services.no_decoding_window_service.NoDecodingWindowService"
  - name: acme/clip
    tokenizer_name: openai/cl100k_base
    max_sequence_length: 75
    client_spec:
      class_name: "helm.clients.together_client.TogetherClient"
    window_service_spec:
      class_name: "helm.benchmark.window_services.image_generation.clip_window_service.CLIPWindowService"
  - name: acme/bare
    client_spec:
      class_name: "helm.clients.openai_client.OpenAIClient"
  - name: acme/lengths-only
    max_request_length: 100
    client_spec:
      class_name: "helm.clients.openai_client.OpenAIClient"
  - name: acme/no-length
    tokenizer_name: openai/cl100k_base
    client_spec:
      class_name: "helm.clients.openai_client.OpenAIClient"
  - name: acme/unknown-tokenizer
    tokenizer_name: acme/nothing
    max_sequence_length: 100
    client_spec:
      class_name: "helm.clients.openai_client.OpenAIClient"
  - name: acme/bad-class
    tokenizer_name: acme/bad-class
    max_sequence_length: 100
    client_spec:
      class_name: "helm.clients.openai_client.OpenAIClient"
`;
const TOKENIZERS = `
tokenizer_configs:
  - name: acme/bad-class
    tokenizer_spec:
      class_name: "helm.tokenizers.tiktoken_tokenizer.TiktokenTokenizr"
`;

const registry = createModelRegistry([
  readModelConfigLayer(BUILTIN_CONFIG_DIR),
  { models: [], tokenizerConfigs: parseTokenizerConfigs(TOKENIZERS, 't.yaml'), deployments: parseModelDeployments(DEPLOYMENTS, 'd.yaml') },
]);
const where = { localPath: '/nonexistent/prod_env', hubCacheDir: '/nonexistent/hub' };
const windowOf = (name: string) => windowServiceFor(registry.requireDeployment(name), registry, where);

// HELM v0.5.16 window_services/test_gpt2_window_service.py
describe('windowServiceFor(huggingface/gpt2), served from r50k without files', () => {
  const ws = windowOf('huggingface/gpt2');
  const { TEST_PROMPT } = helmVectors;

  it('has max_request_length 1025 and the config’s special tokens', () => {
    expect(ws.maxRequestLength).toBe(1025);
    expect(ws.maxSequenceLength).toBe(1024);
    expect(ws.endOfTextToken).toBe('<|endoftext|>');
    expect(ws.prefixToken).toBe('<|endoftext|>');
    expect(ws.maxSequenceAndGeneratedTokensLength).toBe(INT_MAX);
  });

  it('counts 51 tokens in the CRFM prompt and fits exactly up to 1025', () => {
    expect(ws.countTokens(TEST_PROMPT)).toBe(51);
    expect(ws.fits(TEST_PROMPT, 1025 - 51)).toBe(true);
    expect(ws.fits(TEST_PROMPT, 1025 - 51 + 1)).toBe(false);
  });

  it('truncates a 2091-token prompt to exactly 1025 tokens', () => {
    const long = TEST_PROMPT.repeat(41);
    expect(ws.fits(long, 0)).toBe(false);
    const truncated = ws.truncateFromRight(long, 0);
    expect(ws.countTokens(truncated)).toBe(1025);
    expect(long.startsWith(truncated)).toBe(true);
  });

  it('leaves "their \'studio\'" alone (no clean-up of spaces)', () => {
    expect(ws.truncateFromRight("their 'studio'", 0)).toBe("their 'studio'");
  });
});

// HELM v0.5.16 window_services/test_gpt4_window_service.py
describe('windowServiceFor(openai/gpt-3.5-turbo-0301) with cl100k', () => {
  const ws = windowOf('openai/gpt-3.5-turbo-0301');

  it('counts with cl100k and uses max_request_length 4001', () => {
    expect(ws.tokenizerName).toBe('openai/cl100k_base');
    expect(ws.countTokens(helmVectors.TEST_PROMPT)).toBe(49);
    expect(ws.fits(helmVectors.TEST_PROMPT, 4001 - 49)).toBe(true);
    expect(ws.fits(helmVectors.TEST_PROMPT, 4001 - 48)).toBe(false);
  });

  it('truncates to max_request_length − completion tokens', () => {
    const truncated = ws.truncateFromRight(helmVectors.TEST_PROMPT, 4001 - 10);
    expect(ws.countTokens(truncated)).toBe(10);
    expect(truncated).toBe('The Center for Research on Foundation Models (CRFM');
  });
});

// HELM v0.5.16 window_services/window_service_factory.py
describe('windowServiceFor follows HELM’s WindowServiceFactory', () => {
  it('gives NoTokenizerWindowService only when no tokenizer and no length is set', () => {
    const ws = windowOf('acme/bare');
    expect(ws.countTokens('many words here')).toBe(1);
    expect(ws.fits('x'.repeat(10_000), 10_000)).toBe(true);
    expect(ws.maxRequestLength).toBe(INT_MAX);
  });

  it('stops with a UserError when lengths are set without a tokenizer, or a tokenizer without max_sequence_length', () => {
    expect(() => windowOf('acme/lengths-only')).toThrow(/no tokenizer_name/);
    expect(() => windowOf('acme/no-length')).toThrow(/no max_sequence_length/);
    expect(() => windowOf('acme/unknown-tokenizer')).toThrow(/no tokenizer_configs.yaml defines/);
  });

  it('passes max_sequence_and_generated_tokens_length through', () => {
    expect(windowOf('anthropic/claude-like').maxSequenceAndGeneratedTokensLength).toBe(9016);
  });

  it('stops with a UserError before the run when a Hugging Face tokenizer.json is missing', () => {
    expect(() => windowOf('anthropic/claude-2.0')).toThrow(UserError);
    expect(() => windowOf('anthropic/claude-2.0')).toThrow(/Xenova\/claude-tokenizer/);
  });

  it('builds the window_service_spec’s class: EncoderDecoderWindowService ignores the completion length', () => {
    const ws = windowOf('google/t5-like');
    const tenTokens = 'a b c d e f g h i j'; // 10 o200k tokens
    expect(ws.countTokens(tenTokens)).toBe(10);
    expect(ws.fits(tenTokens, 1000)).toBe(true);
    expect(ws.truncateFromRight(`${tenTokens} k l`, 1000)).toBe(tenTokens);
  });

  it('builds NoDecodingWindowService: token strings counted and joined', () => {
    const ws = windowOf('acme/no-decoding');
    expect(ws.countTokens('hello world')).toBe(2);
    expect(ws.truncateFromRight('a b c d e f g h i j k l', 2)).toBe('a b c d e f g h');
  });

  it('refuses window services we do not have, and unknown tokenizer classes, with UserErrors', () => {
    expect(() => windowOf('acme/clip')).toThrow(UserError);
    expect(() => windowOf('acme/clip')).toThrow(/Unknown window service/);
    expect(() => windowOf('acme/bad-class')).toThrow(/Did you mean: helm.tokenizers.tiktoken_tokenizer.TiktokenTokenizer/);
  });

  it('keeps simple/model1 as it was', () => {
    const ws = windowOf('simple/model1');
    expect([ws.tokenizerName, ws.maxRequestLength, ws.prefixToken, ws.endOfTextToken]).toEqual(['simple/tokenizer1', 2048, '<s>', '</s>']);
    expect(ws.countTokens('a𝔸b')).toBe(3);
  });
});
