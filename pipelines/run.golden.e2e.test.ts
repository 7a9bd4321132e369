/**
 * The golden cases of single runs (`../shared/golden/helm-0.5.16/<case>` and our own), each run by
 * `../shared/tools/golden-run` as CI would: this project's helm-run on the case's input (against the oracle
 * model when the case names one), compared with HELM 0.5.16's own run directory by helm-parity.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { childProcess } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDir = join(root, '..', 'shared', 'golden', 'helm-0.5.16');
const work = mkdtempSync(join(tmpdir(), 'helm-run-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ownCasesDir = join(root, 'pipelines', '__fixtures__', 'helm-cases');

/**
 * Case folder → the number of checks helm-parity makes on it (all must be equal). Besides the public goldens, cases
 * of our own made the same way with `../shared/tools/helm-anchor` (HELM 0.5.16 run here; each case.json says how).
 */
const CASES: Readonly<Record<string, number>> = {
  [join(goldenDir, 'oracle-mmlu-anatomy-calibrated')]: 302,
  [join(goldenDir, 'the-pile-ubuntu-irc')]: 362,
  [join(ownCasesDir, 'oracle-the-pile-windows')]: 269,
  [join(ownCasesDir, 'oracle-boolq-canonical')]: 1046,
  [join(ownCasesDir, 'oracle-boolq-contrast-sets')]: 306,
  [join(ownCasesDir, 'oracle-mmlu-separate-original')]: 167,
  [join(ownCasesDir, 'oracle-mmlu-joint-cot')]: 233,
};

describe('helm-run on the golden cases', () => {
  for (const [caseDir, checks] of Object.entries(CASES)) {
    const name = basename(caseDir);
    it(`${name}: every helm-parity check equal`, async () => {
      const run = await childProcess(join(root, '..', 'shared', 'tools', 'golden-run'), ['--project', root, caseDir], work);
      const lastLine = run.stdout.trim().split('\n').at(-1);
      expect(lastLine, run.stdout + run.stderr).toBe(`${name}: parity: ${checks} of ${checks} checks equal`);
      expect(run.status).toBe(0);
    }, 300_000);
  }
});
