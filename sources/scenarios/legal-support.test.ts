import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { legalSupportInstance, legalSupportSource } from './legal-support.ts';

// Synthetic lines in LegalSupport's layout (legal_support/data/legal_support/{train,dev,test}.jsonl, as HELM's unzip
// leaves them), one with two equal parentheticals; HELM 0.5.16's LegalSupportScenario read them into helm-instances.json.
const fixtures = fixtureDir('legal_support');
const work = mkdtempSync(join(tmpdir(), 'legal-support-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const row = (fields: Record<string, unknown>): Record<string, unknown> => ({
  context: 'P.',
  citation_a: { parenthetical: 'a' },
  citation_b: { parenthetical: 'b' },
  label: 'b',
  ...fields,
});

describe('legalSupportSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(legalSupportSource.metadata).toEqual(helmInstances('legal_support').scenario_json);
  });

  it('gives every instance HELM gives: train, then valid (dev), then test', async () => {
    const instances = await readAll(legalSupportSource, {}, fixtures);
    expect(instances.map((i) => i.split)).toEqual(['train', 'train', 'train', 'train', 'valid', 'valid', 'test', 'test', 'test']);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helmInstances('legal_support').instances));
  });

  it('marks every parenthetical equal to the labelled one correct', () => {
    expect(legalSupportInstance(row({}), 'test', 'w').references.map((r) => r.tags)).toEqual([[], ['correct']]);
    const same = row({ citation_b: { parenthetical: 'a' }, label: 'a' });
    expect(legalSupportInstance(same, 'valid', 'w').references.map((r) => r.tags)).toEqual([['correct'], ['correct']]);
  });

  it('names the line of a malformed record and a missing file', async () => {
    expect(() => legalSupportInstance(row({ label: 'c' }), 'test', 'f:2')).toThrow('f:2: label must be "a" or "b", got "c".');
    expect(() => legalSupportInstance(row({ citation_a: 'a' }), 'test', 'f:2')).toThrow('f:2: expected a string citation_a.parenthetical');
    const dir = join(work, 'missing');
    cpSync(fixtures, dir, { recursive: true });
    rmSync(join(dir, 'data', 'legal_support', 'dev.jsonl'));
    await expect(readAll(legalSupportSource, {}, dir)).rejects.toThrow(`${join(dir, 'data', 'legal_support', 'dev.jsonl')} is missing`);
    writeFileSync(join(dir, 'data', 'legal_support', 'dev.jsonl'), '{"context": "x"}\n');
    await expect(readAll(legalSupportSource, {}, dir)).rejects.toThrow(`${join(dir, 'data', 'legal_support', 'dev.jsonl')}:1: expected a string citation_a.parenthetical`);
  });
});
