/** HELM's window-service test vectors (`window_services/test_utils.py`), for the tokenizer tests. */
import { readFileSync } from 'node:fs';

export interface HelmTestVectors {
  readonly TEST_PROMPT: string;
  readonly GPT2_TEST_TOKEN_IDS: readonly number[];
  readonly GPT2_TEST_TOKENS: readonly string[];
  readonly GPT4_TEST_TOKEN_IDS: readonly number[];
  readonly GPT4_TEST_TOKENS: readonly string[];
}

export const helmVectors = JSON.parse(
  readFileSync(new URL('./helm-test-vectors.json', import.meta.url), 'utf8'),
) as HelmTestVectors;
