import { describe, expect, it } from 'vitest';
import { isSecretKey, maskSecrets, secretValuesIn, secretValuesInText } from './mask-secrets.ts';

describe('isSecretKey', () => {
  it('knows keys named like a secret in every case style', () => {
    for (const key of ['api_key', 'apiKey', 'openaiApiKey', 'OPENAI_API_KEY', 'token', 'hf_token', 'authToken', 'secret',
      'client_secret', 'aws_secret_access_key_id', 'password', 'db-password', 'private_key', 'awsAccessKeyId', 'api_key_path', 'apikey', 'Authorization', '"api_key"']) {
      expect(isSecretKey(key), key).toBe(true);
    }
  });

  it('leaves alone keys that only look alike', () => {
    for (const key of ['max_tokens', 'tokenizer_name', 'end_of_text_token', 'prefix_token', 'monkey', 'keys',
      'base_url', 'name', 'class_name', 'tokens_per_minute']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });
});

describe('maskSecrets', () => {
  it('masks the value after a secret key in YAML, HOCON, JSON and flow mappings', () => {
    expect(maskSecrets('        api_key: sk-SECRET123\n       base_url: http://x\n')).toBe('        api_key: ***\n       base_url: http://x\n');
    expect(maskSecrets('openaiApiKey = "sk-SECRET123"  # mine')).toBe('openaiApiKey = ***  # mine');
    expect(maskSecrets('got {"class_name":"C","args":{"api_key":"sk-SECRET123","x":1}}')).toBe('got {"class_name":"C","args":{"api_key":***,"x":1}}');
    expect(maskSecrets('args: {api_key: sk-SECRET123, base_url: [x}')).toBe('args: {api_key: ***, base_url: [x}');
  });

  it('masks an unclosed quoted value and a value that itself holds a colon', () => {
    expect(maskSecrets('  api_key: "sk-SECRET123\n  next: 1')).toBe('  api_key: ***\n  next: 1');
    expect(maskSecrets('  api_key: sk-SECRET123: x\n')).toBe('  api_key: *** x\n');
  });

  it('finds a secret pair inside the value of another key', () => {
    expect(maskSecrets('description: see token: abc')).toBe('description: see token: ***');
  });

  it('keeps placeholders and the keys themselves, so help texts stay readable', () => {
    expect(maskSecrets('Set openaiApiKey: "…" in credentials.conf, or api_key: *** there.')).toBe(
      'Set openaiApiKey: "…" in credentials.conf, or api_key: *** there.',
    );
    expect(maskSecrets('openaiApiKey: ${OPENAI_API_KEY}')).toBe('openaiApiKey: ${OPENAI_API_KEY}');
    // A run's failure message (credentials.redact) goes on after the pair: only the one word of the value is masked.
    const help = "A local OpenAI-compatible server without keys takes `api_key: EMPTY` in the deployment's client_spec args.";
    expect(maskSecrets(help)).toBe(help);
    expect(maskSecrets('the key api_key: sk-SECRET123 was refused')).toBe('the key api_key: *** was refused');
    expect(maskSecrets("'max_tokens': 5, tokenizer_name: gpt2")).toBe("'max_tokens': 5, tokenizer_name: gpt2");
  });

  it('masks known secrets wherever they appear, but not short placeholders such as EMPTY', () => {
    expect(maskSecrets('Incorrect API key provided: sk-SECRET123. EMPTY', ['sk-SECRET123', 'EMPTY'])).toBe(
      'Incorrect API key provided: ***. EMPTY',
    );
  });
});

describe('secret values of a source', () => {
  it('finds them in text too malformed to parse, quotes removed', () => {
    expect(secretValuesInText('a:\n  api_key: "sk-ONE12345"\n  token: sk-TWO:\n  name: n\n')).toEqual(['sk-ONE12345', 'sk-TWO']);
  });

  it('finds every value under a secret key in parsed data, nested keys included', () => {
    const data = { models: [{ name: 'a', args: { api_key: 'sk-1', nested: { token: 42 } } }], secret: { 'sk-as-key': 'x' } };
    expect(secretValuesIn(data)).toEqual(['sk-1', '42', 'sk-as-key', 'x']);
  });
});
