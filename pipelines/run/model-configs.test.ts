import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { parseModelDeployments, parseModelMetadata, parseTokenizerConfigs } from './model-configs.ts';

const messageOf = (parse: () => unknown): string => {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).cause).toBeUndefined();
    return (error as UserError).message;
  }
  throw new Error('expected an error');
};

describe('an empty config file', () => {
  const empties: [string, string][] = [['0 bytes', ''], ['only blanks', ' \n\n\t\n'], ['only comments', '# my deployments\n\n  # none yet\n'], ['a bare document marker', '---\n']];
  for (const [what, text] of empties) {
    it(`says that model_deployments.yaml with ${what} is empty and what it should hold`, () => {
      expect(messageOf(() => parseModelDeployments(text, 'prod_env/model_deployments.yaml'))).toBe(
        "prod_env/model_deployments.yaml is empty. It should hold a top-level 'model_deployments:' list, one entry per " +
          'deployment, with a name and a client_spec (see configs/model_deployments.yaml); ' +
          "write 'model_deployments: []' for none, or delete the file.",
      );
    });
  }

  it('says the same, with their own list, of model_metadata.yaml and tokenizer_configs.yaml', () => {
    expect(messageOf(() => parseModelMetadata('', 'm.yaml'))).toBe(
      "m.yaml is empty. It should hold a top-level 'models:' list, one entry per model, with a name " +
        "(see configs/model_metadata.yaml); write 'models: []' for none, or delete the file.",
    );
    expect(messageOf(() => parseTokenizerConfigs('# nothing\n', 't.yaml'))).toBe(
      "t.yaml is empty. It should hold a top-level 'tokenizer_configs:' list, one entry per tokenizer, with a name and a " +
        "tokenizer_spec (see configs/tokenizer_configs.yaml); write 'tokenizer_configs: []' for none, or delete the file.",
    );
  });
});

describe('secrets in config errors', () => {
  const SECRET = 'sk-SECRET123';

  it('masks an api_key in the lines a YAML error quotes', () => {
    const text = `model_deployments:\n  - name: acme/m\n    client_spec:\n      class_name: C\n      args:\n        api_key: ${SECRET}\n       base_url: http://x\n`;
    expect(messageOf(() => parseModelDeployments(text, 'd.yaml'))).toBe(
      'Malformed YAML in d.yaml:7:1: All mapping items must start at the same column.\n\n        api_key: ***\n       base_url: http://x\n^',
    );
  });

  it('masks a secret the YAML error quotes where it is no value (a key, an unclosed quote)', () => {
    for (const line of [`api_key: ${SECRET}: x`, `api_key: "${SECRET}`, `{api_key: ${SECRET}, base_url: [x}`]) {
      const text = `model_deployments:\n  - name: acme/m\n    client_spec:\n      args:\n        ${line}\n`;
      const message = messageOf(() => parseModelDeployments(text, 'd.yaml'));
      expect(message).toMatch(/^Malformed YAML in d\.yaml:\d+:\d+: /);
      expect(message).not.toContain('SECRET');
    }
  });

  it('masks an api_key in a message about a missing or ill-typed field', () => {
    const text = `model_deployments:\n  - name: acme/m\n    client_spec:\n      args:\n        api_key: ${SECRET}\n`;
    expect(messageOf(() => parseModelDeployments(text, 'd.yaml'))).toBe(
      `d.yaml: model_deployments entry 'acme/m': 'client_spec' must be a mapping with a string class_name (and optional args), got {"args":{"api_key":***}}.`,
    );
    const token = `tokenizer_configs:\n  - name: t\n    tokenizer_spec: {class_name: 5, args: {hf_token: ${SECRET}}}\n`;
    expect(messageOf(() => parseTokenizerConfigs(token, 't.yaml'))).not.toContain(SECRET);
  });

  it('leaves tokenizer vocabulary alone: end_of_text_token is no secret', () => {
    const text = 'tokenizer_configs:\n  - name: t\n    end_of_text_token: 5\n    tokenizer_spec: {class_name: C}\n';
    expect(messageOf(() => parseTokenizerConfigs(text, 't.yaml'))).toBe(
      "t.yaml: tokenizer_configs entry 't': 'end_of_text_token' must be a string (quote it), got 5.",
    );
  });
});
