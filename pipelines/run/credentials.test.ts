import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { requireApiKey } from '../../operators/request/clients/require-api-key.ts';
import { loadCredentials, parseCredentials } from './credentials.ts';

const work = mkdtempSync(join(tmpdir(), 'helm-credentials-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let dirs = 0;
/** A fresh --local-path, with a credentials.conf holding `text` when given. */
function localPath(text?: string): string {
  const dir = join(work, `prod_env${dirs++}`);
  if (text !== undefined) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'credentials.conf'), text);
  }
  return dir;
}

const SECRET = 'sk-canary-0123456789abcdef';

describe('loadCredentials: where keys come from (reference §6.5)', () => {
  it('reads <org>ApiKey and other keys from <local-path>/credentials.conf', async () => {
    const dir = localPath(`openaiApiKey: "${SECRET}"\nopenaiOrgId: org-1\n`);
    const credentials = await loadCredentials(dir, {});
    const lookup = credentials.forDeployment('openai/gpt-4o-mini-2024-07-18');
    expect(lookup.apiKey()).toBe(SECRET);
    expect(lookup.get('openaiOrgId')).toBe('org-1');
    expect(lookup.get('anthropicApiKey')).toBeUndefined();
    expect(credentials.source).toBe(join(dir, 'credentials.conf'));
  });

  it('prefers HELM_CREDENTIALS over the file, as HELM get_credentials does', async () => {
    const dir = localPath('openaiApiKey: "from-the-file"\n');
    const credentials = await loadCredentials(dir, { HELM_CREDENTIALS: 'openaiApiKey: "from-the-variable"' });
    expect(credentials.forDeployment('openai/gpt-4o').apiKey()).toBe('from-the-variable');
    expect(credentials.source).toBe('HELM_CREDENTIALS');
  });

  it('falls back to the file when HELM_CREDENTIALS is empty', async () => {
    const dir = localPath('anthropicApiKey: "from-the-file"\n');
    const credentials = await loadCredentials(dir, { HELM_CREDENTIALS: '' });
    expect(credentials.forDeployment('anthropic/claude-3-5-haiku-20241022').apiKey()).toBe('from-the-file');
  });

  it('looks up deployments[<deployment>] when there is no <org>ApiKey, and <org>ApiKey wins when both are set', async () => {
    const conf = 'deployments {\n  "together/llama-3.1-8b": "per-deployment"\n  "openai/gpt-4o": "per-deployment-openai"\n}\nopenaiApiKey: "org-wide"\n';
    const credentials = await loadCredentials(localPath(conf), {});
    expect(credentials.forDeployment('together/llama-3.1-8b').apiKey()).toBe('per-deployment');
    expect(credentials.forDeployment('openai/gpt-4o').apiKey()).toBe('org-wide');
    expect(credentials.forDeployment('together/other').apiKey()).toBeUndefined();
  });

  it('falls back to the provider environment variable (OPENAI_API_KEY, ANTHROPIC_API_KEY, TOGETHER_API_KEY)', async () => {
    const env = { OPENAI_API_KEY: 'env-openai', ANTHROPIC_API_KEY: 'env-anthropic', TOGETHER_API_KEY: 'env-together' };
    const none = await loadCredentials(localPath(), env);
    expect(none.source).toBeUndefined();
    expect(none.forDeployment('openai/gpt-4o').apiKey()).toBe('env-openai');
    expect(none.forDeployment('anthropic/claude-sonnet-4-20250514').apiKey()).toBe('env-anthropic');
    expect(none.forDeployment('together/llama-3.1-8b').apiKey()).toBe('env-together');
    expect(none.forDeployment('simple/model1').apiKey()).toBeUndefined();
    const conf = await loadCredentials(localPath('openaiApiKey: "from-conf"'), env);
    expect(conf.forDeployment('openai/gpt-4o').apiKey()).toBe('from-conf');
  });

  it('finds nothing without a file, a variable or an environment key', async () => {
    const credentials = await loadCredentials(localPath(), {});
    expect(credentials.forDeployment('openai/gpt-4o').apiKey()).toBeUndefined();
    expect(credentials.forDeployment('openai/gpt-4o').get('openaiOrgId')).toBeUndefined();
  });
});

describe('requireApiKey', () => {
  const contextFor = async (deploymentName: string, conf: string | undefined, env: NodeJS.ProcessEnv, args: Record<string, unknown> = {}) => {
    const credentials = await loadCredentials(localPath(conf), env);
    return { deploymentName, args, credentials: credentials.forDeployment(deploymentName) };
  };

  it('stops with a message naming every key that would do, and where', async () => {
    const dir = localPath('anthropicApiKey: "not this one"\n');
    const credentials = await loadCredentials(dir, {});
    const context = { deploymentName: 'openai/gpt-4o', args: {}, credentials: credentials.forDeployment('openai/gpt-4o') };
    expect(() => requireApiKey(context)).toThrow(UserError);
    expect(() => requireApiKey(context)).toThrow(
      `Model deployment 'openai/gpt-4o' needs an API key and none is set. Set openaiApiKey: "…" in ${join(dir, 'credentials.conf')}, ` +
        'or deployments { "openai/gpt-4o": "…" } there, or the environment variable OPENAI_API_KEY.',
    );
  });

  it('tells to quote a deployment name with dots, which HOCON would read as nesting', async () => {
    const context = await contextFor('together/llama-3.1-8b', 'deployments { together/llama-3.1-8b: "x" }', {});
    expect(() => requireApiKey(context)).toThrow(/deployments \{ "together\/llama-3\.1-8b": "…" \} there \(quote the name/);
  });

  it('names the key for an organization with no known environment variable', async () => {
    const context = await contextFor('acme/model-x', undefined, {});
    expect(() => requireApiKey(context)).toThrow(/Set acmeApiKey: "…" in credentials\.conf \(or HELM_CREDENTIALS\), or deployments \{ "acme\/model-x": "…" \} there\.$/);
  });

  it('returns the key when one is set, and client_spec.args.api_key first (HELM injects only a missing argument)', async () => {
    expect(requireApiKey(await contextFor('openai/gpt-4o', `openaiApiKey: "${SECRET}"`, {}))).toBe(SECRET);
    expect(requireApiKey(await contextFor('openai/gpt-4o', `openaiApiKey: "${SECRET}"`, {}, { api_key: 'EMPTY' }))).toBe('EMPTY');
  });
});

describe('malformed credentials', () => {
  const cases: [string, string, string][] = [
    ['an unclosed string', `openaiApiKey: "${SECRET}\nanthropicApiKey: "x"\n`, ':1:15: the quoted string starting here is not closed on its line'],
    ['an unclosed object', `deployments {\n  "openai/gpt-4o": "${SECRET}"\n`, ':1:13: this \'{\' is never closed'],
    ['a token the parser rejects', `openaiApiKey: ${SECRET},, :: x\n`, ":1:42: a comma with no value before it (two commas in a row, or one right after '[' or '{')."],
    ['an unclosed array', `keys: [1, ${SECRET} ]]\n`, ':1:39: unexpected \']\' with nothing open to close.'],
  ];
  for (const [what, text, where] of cases) {
    it(`names file:line:col for ${what}, and never the value`, async () => {
      const dir = localPath(text);
      const error = await loadCredentials(dir, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).toContain(`Malformed credentials in ${join(dir, 'credentials.conf')}${where}`);
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain('sk-canary');
      expect(String((error as UserError).cause ?? '')).not.toContain(SECRET);
    });
  }

  it('names HELM_CREDENTIALS as the source when the variable is malformed', async () => {
    const error = await loadCredentials(localPath(), { HELM_CREDENTIALS: `openaiApiKey: "${SECRET}` }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Malformed credentials in HELM_CREDENTIALS:1:15: the quoted string starting here is never closed.');
  });

  it('rejects deployments that is not an object, without its value', async () => {
    const error = await parseCredentials(`deployments: "${SECRET}"`, 'credentials.conf').catch((e: unknown) => e);
    expect((error as Error).message).toBe(`Credentials in credentials.conf: 'deployments' must be an object: deployments { "openai/gpt-4o": "…" }.`);
  });

  it('asks for quotes around a key of digits too long to survive as a number', async () => {
    const error = await parseCredentials('deployments { "x/y": 12345678901234567890 }', 'credentials.conf').catch((e: unknown) => e);
    expect((error as Error).message).toBe(`Credentials in credentials.conf: put the value of 'deployments.x/y' in quotes (as a number it would lose digits).`);
  });
});

describe('substitutions in credentials.conf', () => {
  it('reads a key from a set environment variable, as HOCON does, and redacts it', async () => {
    process.env['HELM_CREDENTIALS_TEST_SET_KEY'] = SECRET;
    const credentials = await loadCredentials(localPath('openaiApiKey: ${HELM_CREDENTIALS_TEST_SET_KEY}\n'), {});
    expect(credentials.forDeployment('openai/gpt-4o').apiKey()).toBe(SECRET);
    expect(credentials.redact(`got ${SECRET}`)).toBe('got ***');
  });

  it('names an unset variable and says to set it or remove the line', async () => {
    const dir = localPath('# keys\nopenaiApiKey: ${HELM_CREDENTIALS_TEST_UNSET}\n');
    const error = await loadCredentials(dir, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Malformed credentials in ${join(dir, 'credentials.conf')}:2:15: \${HELM_CREDENTIALS_TEST_UNSET} has no value: ` +
        'HELM_CREDENTIALS_TEST_UNSET is not a key of this file (or it refers back to itself) and no environment variable ' +
        'HELM_CREDENTIALS_TEST_UNSET is set. Set the environment variable (export HELM_CREDENTIALS_TEST_UNSET=…) or remove line 2; ' +
        '${?HELM_CREDENTIALS_TEST_UNSET} would make it optional.',
    );
  });
});

describe('redact', () => {
  it('replaces API keys, tokens, the deployments map and provider variables, and leaves short placeholders', async () => {
    const conf = `openaiApiKey: "${SECRET}"\nhuggingfaceAuthToken: "hf_abcdefghijkl"\nopenaiOrgId: "org-visible-123"\ndeployments { "a/b": "per-deployment-secret" }\nvllmApiKey: EMPTY\n`;
    const credentials = await loadCredentials(localPath(conf), { TOGETHER_API_KEY: 'together-env-secret' });
    const text = `401 for ${SECRET}, hf_abcdefghijkl, per-deployment-secret, together-env-secret, org-visible-123, EMPTY`;
    expect(credentials.redact(text)).toBe('401 for ***, ***, ***, ***, org-visible-123, EMPTY');
  });
});
