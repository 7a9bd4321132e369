/**
 * End-to-end: `node pipelines/run.js` given a user's mistake in a flag, a conf, credentials.conf or a model config, or
 * an output path it cannot write. Each stops before any run with exit 2, a message saying what was wrong and what would
 * be right, and no stack trace or parser internals; a secret in a malformed config never reaches stderr or a file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startHelmRun } from './__fixtures__/helm-run-child.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'helm-user-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** helm-run as a child process, awaited (a synchronous child would block this worker's event loop). */
const helmRun = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> =>
  startHelmRun(args, { ...process.env, ...env }).exited;

/** A fresh output root and --local-path holding `files`, and the arguments of a small run on the built-in model. */
function setUp(name: string, files: Readonly<Record<string, string>> = {}): { out: string; local: string; args: string[] } {
  const out = join(work, name);
  const local = join(work, `${name}-prod_env`);
  mkdirSync(local, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(local, file), text);
  return { out, local, args: ['-r', 'simple_mcqa:model=simple/model1', '-m', '3', '-o', out, '--local-path', local] };
}

/** Exit 2 (a UserError), `message` on stderr after `helm-run: `, no stack trace, no parser internals, nothing run. */
function expectRefused(run: Run, message: string | RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  if (typeof message === 'string') expect(run.stderr).toContain(`helm-run: ${message}`);
  else expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at |Source:|Node\.\d|Token:/);
  expect(run.stdout).toBe('');
}

describe('a flag a run could not honour is refused at once', () => {
  it('refuses -m beyond 2^53 - 1 (before: the whole run, then a DuckDB int64 error)', async () => {
    const { out, args } = setUp('huge-m');
    const run = await helmRun([...args, '-m', '99999999999999999999']);
    expectRefused(run, 'argument -m/--max-eval-instances: must be an integer from 0 to 9007199254740991, got 99999999999999999999.');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a --suite that would leave <output-path>/runs', async () => {
    const run = await helmRun([...setUp('suite').args, '--suite', '../elsewhere']);
    expectRefused(run, "argument --suite contains a '/', '\\' or NUL: it names one folder, <output-path>/runs/<suite>");
  });
});

describe('an output path that cannot be written is refused before any run', () => {
  it('names an output path that is a file', async () => {
    const { out, args } = setUp('output-file');
    writeFileSync(out, 'not a directory');
    expectRefused(await helmRun(args), `-o/--output-path ${out} is a file, not a directory`);
  });

  it('names the file in the way of the suite folder', async () => {
    const { out, args } = setUp('runs-file');
    mkdirSync(out);
    writeFileSync(join(out, 'runs'), '');
    expectRefused(await helmRun(args), `Cannot create the output directory ${join(out, 'runs', 'default')}: ${join(out, 'runs')} is a file`);
  });

  it('says the suite folder cannot be written (sysfs refuses new files even to root, whom chmod does not stop)', async () => {
    const { out, args } = setUp('read-only');
    mkdirSync(join(out, 'runs'), { recursive: true });
    symlinkSync('/sys/kernel/mm', join(out, 'runs', 'default'));
    expectRefused(await helmRun(args), `Cannot write in the output directory ${join(out, 'runs', 'default')}: permission denied.`);
  });
});

describe('configuration errors say file:line:column and what was wrong, in words', () => {
  it('explains a malformed conf instead of printing the parser’s nodes (before: "Source: ValueNode.2@…")', async () => {
    const { out, local } = setUp('conf');
    const conf = join(work, 'bad.conf');
    writeFileSync(conf, 'entries: [\n  {description: "simple_mcqa:model=simple/model1" priority: 1}\n]\n');
    const run = await helmRun(['-c', conf, '-m', '3', '-o', out, '--local-path', local]);
    expectRefused(run, `Malformed conf file ${conf}:2:59: unexpected ':': a key takes one value, so a comma or a line break is probably missing`);
  });

  it('names an unset ${VARIABLE} in credentials.conf and says to set it or remove the line', async () => {
    const { args } = setUp('unset', { 'credentials.conf': '# keys\nopenaiApiKey: ${HELM_E2E_UNSET_KEY}\n' });
    const run = await helmRun(args, { HELM_CREDENTIALS: '' });
    expectRefused(run, /credentials\.conf:2:15: \$\{HELM_E2E_UNSET_KEY\} has no value: .* Set the environment variable \(export HELM_E2E_UNSET_KEY=…\) or remove line 2/);
  });

  it('says an empty model_deployments.yaml is empty and what it should hold (before: read as no deployments)', async () => {
    const { local, args } = setUp('empty-yaml', { 'model_deployments.yaml': '# my deployments, one day\n\n' });
    expectRefused(
      await helmRun(args),
      `${join(local, 'model_deployments.yaml')} is empty. It should hold a top-level 'model_deployments:' list, one entry per deployment`,
    );
  });
});

describe('a secret in a malformed model_deployments.yaml is never shown', () => {
  const SECRET = 'sk-SECRET123';
  const deployment = (args: string): string =>
    `model_deployments:\n  - name: acme/model\n    model_name: acme/model\n    client_spec:\n${args}`;
  const cases: [string, string, RegExp][] = [
    [
      'malformed YAML, whose error quotes the lines around (before: the api_key line on stderr)',
      deployment(`      class_name: helm.clients.openai_client.OpenAIClient\n      args:\n        api_key: ${SECRET}\n       base_url: http://127.0.0.1:1/v1\n`),
      /Malformed YAML in .*model_deployments\.yaml:8:1: All mapping items must start at the same column\.\n\n {8}api_key: \*\*\*\n/,
    ],
    [
      'a missing class_name, whose error quotes the client_spec (before: {"args":{"api_key":"sk-…"}})',
      deployment(`      args:\n        api_key: ${SECRET}\n`),
      /'client_spec' must be a mapping with a string class_name \(and optional args\), got \{"args":\{"api_key":\*\*\*\}\}\./,
    ],
  ];
  for (const [what, yaml, message] of cases) {
    it(`masks it in ${what}`, async () => {
      const { out, local, args } = setUp(`secret-${cases.findIndex(([w]) => w === what)}`, { 'model_deployments.yaml': yaml });
      const run = await helmRun(args);
      expectRefused(run, message);
      expect(run.stderr + run.stdout).not.toContain('SECRET');
      const written = [out, local]
        .filter((dir) => existsSync(dir))
        .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name)))
        .filter((path) => statSync(path).isFile() && !path.endsWith('model_deployments.yaml'));
      for (const path of written) expect(readFileSync(path).includes(SECRET), path).toBe(false);
    });
  }
});

describe('--help', () => {
  it('marks the flags accepted but not supported here', async () => {
    const run = await helmRun(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('--mongo-uri <value> MongoDB URL for the request cache instead of the local one (accepted; not supported here: the request cache is LMDB under --local-path)');
  });
});
