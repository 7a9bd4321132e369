/**
 * The public golden cases of single runs (`../shared/golden/helm-0.5.16/<case>`), each run by
 * `../shared/tools/golden-run` as CI would: this project's helm-run on the case's input (against the oracle
 * model when the case names one), compared with HELM 0.5.16's own run directory by helm-parity.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { childProcess } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDir = join(root, '..', 'shared', 'golden', 'helm-0.5.16');
const work = mkdtempSync(join(tmpdir(), 'helm-run-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Case → the number of checks helm-parity makes on it (all must be equal). */
const CASES: Readonly<Record<string, number>> = {
  'oracle-mmlu-anatomy-calibrated': 302,
};

describe('helm-run on the golden cases', () => {
  for (const [name, checks] of Object.entries(CASES)) {
    it(`${name}: every helm-parity check equal`, async () => {
      const run = await childProcess(join(root, '..', 'shared', 'tools', 'golden-run'), ['--project', root, join(goldenDir, name)], work);
      const lastLine = run.stdout.trim().split('\n').at(-1);
      expect(lastLine, run.stdout + run.stderr).toBe(`${name}: parity: ${checks} of ${checks} checks equal`);
      expect(run.status).toBe(0);
    }, 300_000);
  }
});
