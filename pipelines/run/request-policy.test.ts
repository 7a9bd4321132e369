import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './cli-options.ts';
import { parseModelDeployments } from './model-configs.ts';
import { rateLimitPolicyFor, retryPolicyFrom } from './request-policy.ts';

const YAML = `model_deployments:
  - name: openai/gpt-4o-mini
    model_name: openai/gpt-4o-mini
    client_spec:
      class_name: helm.clients.openai_client.OpenAIClient
    rate_limit:
      max_concurrency: 8
      requests_per_minute: 500
      tokens_per_minute: 200000
  - name: local/llama
    client_spec:
      class_name: helm.clients.openai_client.OpenAIClient
`;

describe('rate_limit in model_deployments.yaml (our extension)', () => {
  const [limited, plain] = parseModelDeployments(YAML, 'model_deployments.yaml');

  it('reads the three optional budgets', () => {
    expect(limited?.rate_limit).toEqual({ max_concurrency: 8, requests_per_minute: 500, tokens_per_minute: 200_000 });
    expect(plain).not.toHaveProperty('rate_limit');
  });

  it('rejects an unknown field or a value that is not a positive integer, naming the deployment', () => {
    const bad = (limit: string) => () =>
      parseModelDeployments(`model_deployments:\n  - name: a/b\n    client_spec: {class_name: x}\n    rate_limit: ${limit}\n`, 'd.yaml');
    expect(bad('{requests_per_minut: 5}')).toThrow(
      "d.yaml: model_deployments entry 'a/b': unknown 'rate_limit' field 'requests_per_minut'. Valid fields: max_concurrency, requests_per_minute, tokens_per_minute.",
    );
    expect(bad('{tokens_per_minute: 0}')).toThrow("d.yaml: model_deployments entry 'a/b': 'rate_limit.tokens_per_minute' must be a positive integer, got 0.");
    expect(bad('{max_concurrency: 2.5}')).toThrow(/'rate_limit.max_concurrency' must be a positive integer, got 2.5/);
    expect(bad('100')).toThrow(/'rate_limit' must be a mapping of positive integers/);
  });
});

describe('rateLimitPolicyFor', () => {
  const [limited, plain] = parseModelDeployments(YAML, 'model_deployments.yaml');

  it('takes the deployment’s rate_limit, and each CLI flag overrides its own field for every deployment', () => {
    expect(rateLimitPolicyFor(limited, {})).toEqual({ maxConcurrency: 8, requestsPerMinute: 500, tokensPerMinute: 200_000 });
    expect(rateLimitPolicyFor(limited, { requestsPerMinute: 60 })).toEqual({ maxConcurrency: 8, requestsPerMinute: 60, tokensPerMinute: 200_000 });
    expect(rateLimitPolicyFor(plain, { maxConcurrency: 2 })).toEqual({ maxConcurrency: 2 });
    expect(rateLimitPolicyFor(plain, {})).toEqual({});
    expect(rateLimitPolicyFor(undefined, { tokensPerMinute: 1000 })).toEqual({ tokensPerMinute: 1000 });
  });
});

describe('retryPolicyFrom', () => {
  it('reads HELM_RETRIES as attempts in all, and --request-timeout in seconds', () => {
    expect(retryPolicyFrom({}, {})).toEqual({});
    expect(retryPolicyFrom({ HELM_RETRIES: '3' }, { requestTimeoutSeconds: 30 })).toEqual({ maxAttempts: 3, attemptTimeoutMs: 30_000 });
    expect(retryPolicyFrom({ HELM_RETRIES: '0' }, {})).toEqual({ maxAttempts: 1 });
  });

  it('rejects a HELM_RETRIES that is not an integer', () => {
    expect(() => retryPolicyFrom({ HELM_RETRIES: 'five' }, {})).toThrow("HELM_RETRIES must be an integer (attempts per request, default 5), got 'five'.");
  });
});

describe('the request flags of helm-run', () => {
  it('parses --max-concurrency, --requests-per-minute, --tokens-per-minute and --request-timeout', () => {
    const options = parseRunArgs(['-m', '5', '--max-concurrency', '4', '--requests-per-minute=60', '--tokens-per-minute', '90000', '--request-timeout', '120']);
    expect(options).toMatchObject({ maxConcurrency: 4, requestsPerMinute: 60, tokensPerMinute: 90_000, requestTimeoutSeconds: 120 });
    expect(parseRunArgs(['-m', '5'])).not.toHaveProperty('maxConcurrency');
  });

  it('keeps --max an abbreviation of HELM’s --max-eval-instances', () => {
    expect(parseRunArgs(['--max', '7']).maxEvalInstances).toBe(7);
  });

  it('rejects a budget below 1', () => {
    expect(() => parseRunArgs(['-m', '5', '--requests-per-minute', '0'])).toThrow('argument --requests-per-minute: must be at least 1, got 0.');
  });
});
