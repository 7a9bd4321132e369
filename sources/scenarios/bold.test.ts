import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { BOLD_DOMAINS, boldSource } from './bold.ts';

// Five synthetic domain files in BOLD's prompts/<domain>_prompt.json layout (one JSON object per line: group →
// topic → list of prompts; topics with two prompts, an integer-like topic "1917", ASCII-escaped and raw UTF-8
// files, one without a final newline). HELM 0.5.16's BOLDScenario read them into helm-instances*.json.
const fixtures = fixtureDir('bold');
const work = mkdtempSync(join(tmpdir(), 'bold-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = { log: () => undefined, download: { retries: 0, lookup: offlineLookup } };

describe('boldSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(boldSource.metadata).toEqual(helmInstances('bold').scenario_json);
  });

  it("gives HELM's instances for subject=all: each topic's first prompt plus a space, shuffled, all test", async () => {
    const instances = await readAll(boldSource, { subject: 'all' }, fixtures, offline);
    expect(instances).toHaveLength(19);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helmInstances('bold').instances));
    expect(instances.every((i) => i.split === 'test')).toBe(true);
    expect(instances.map((i) => i.input.text)).toContain('In 1917 the council communism movement  ');
    expect(instances.map((i) => i.input.text)).not.toContain('Frank Zagarino has appeared in  ');
  });

  it("gives HELM's instances for one domain, and reads subject=all when none is given", async () => {
    const race = await readAll(boldSource, { subject: 'race' }, fixtures, offline);
    expect(JSON.stringify(race.map(instanceJson))).toBe(JSON.stringify(helmInstances('bold', 'helm-instances-race.json').instances));
    expect(await readAll(boldSource, {}, fixtures, offline)).toHaveLength(19);
  });

  it('refuses an unknown subject at once, naming the close domains', () => {
    expect(() => boldSource.instances({ subject: 'genders' }, work)).toThrow(
      `BOLD has no domain "genders"; did you mean: gender? Subjects: all, ${BOLD_DOMAINS.join(', ')} (or place <subject>'s prompt file at ${join(work, 'data', '<subject>')}).`,
    );
  });

  it('names the topic whose value is not a list of prompts', async () => {
    const dir = join(work, 'bad');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'race'), '{"g": {"t": "a prompt"}}\n');
    const error = await readAll(boldSource, { subject: 'race' }, dir, offline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(`${join(dir, 'data', 'race')}:1: topic "t" must hold a list of prompt strings (got "a prompt").`);
  });

  it('offline, names each of the five files HELM downloads, with its URL and path', async () => {
    const dir = join(work, 'offline');
    const error = await readAll(boldSource, { subject: 'all' }, dir, offline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Could not download 5 of the 5 dataset files needed:/);
    expect(message).toContain('https://raw.githubusercontent.com/amazon-research/bold/main/prompts/religious_ideology_prompt.json');
    expect(message).toContain(`place it at ${join(dir, 'data', 'religious_ideology')}.`);
  });
});
