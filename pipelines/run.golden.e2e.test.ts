/**
 * Every single-run golden case, each run by `../shared/tools/golden-run` as CI would: this project's helm-run on the
 * case's input (against the oracle model when the case names one), compared with HELM 0.5.16's own run directory by
 * helm-parity. The cases are the public goldens of `../shared/golden/helm-0.5.16/` and the cases of our own in
 * `pipelines/__fixtures__/helm-cases/`, made the same way with `../shared/tools/helm-anchor` (each case.json says how).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startPerspectiveServer } from '../operators/request/clients/__fixtures__/perspective-server.ts';
import { childProcess } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDir = join(root, '..', 'shared', 'golden', 'helm-0.5.16');
const ownCasesDir = join(root, 'pipelines', '__fixtures__', 'helm-cases');
const work = mkdtempSync(join(tmpdir(), 'helm-run-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The case folders of `dir` that hold one run (a suite case, with a conf, is summarize.golden's). */
const singleRunCases = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .filter((caseDir) => {
      try {
        return !('conf' in (JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as object));
      } catch {
        return false;
      }
    });

const CASES = [...singleRunCases(goldenDir), ...singleRunCases(ownCasesDir)];

const caseJson = (caseDir: string): { perspective?: boolean } => JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as { perspective?: boolean };

/**
 * A case whose HELM run scored toxicity ("perspective": true) needs the Perspective stand-in, which golden-run does
 * not start: a copy of the case with the stand-in's URL in place of PERSPECTIVE_BASE_URL in its credentials.conf.
 */
async function withPerspective(caseDir: string, run: (caseDir: string) => Promise<void>): Promise<void> {
  if (caseJson(caseDir).perspective !== true) return run(caseDir);
  const server = await startPerspectiveServer({ apiKey: 'k123' });
  try {
    const copy = join(mkdtempSync(join(work, 'perspective-')), basename(caseDir));
    cpSync(caseDir, copy, { recursive: true });
    const credentials = join(copy, 'prod_env', 'credentials.conf');
    writeFileSync(credentials, readFileSync(credentials, 'utf8').replace('PERSPECTIVE_BASE_URL', server.url));
    await run(copy);
  } finally {
    await server.close();
  }
}

describe.concurrent('helm-run on the golden cases', () => {
  it('finds the public goldens and our own cases', () => {
    expect(CASES.map((caseDir) => basename(caseDir))).toEqual(expect.arrayContaining(['mmlu-anatomy', 'the-pile-ubuntu-irc', 'oracle-boolq-canonical']));
  });

  for (const caseDir of CASES) {
    const name = basename(caseDir);
    it(`${name}: every helm-parity check equal`, async () => {
      await withPerspective(caseDir, async (dir) => {
        const run = await childProcess(join(root, '..', 'shared', 'tools', 'golden-run'), ['--project', root, dir], work);
        const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
        const counts = /^(\S+): parity: (\d+) of (\d+) checks equal$/.exec(lastLine);
        expect(counts?.[1], run.stdout + run.stderr).toBe(name);
        expect(counts?.[2], run.stdout).toBe(counts?.[3]);
        expect(run.status).toBe(0);
      });
    }, 600_000);
  }
});
