import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { groupChoices, cellHref } = await import('./page-leaderboard.js' as string);

const golden = new URL('../../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, golden), 'utf8'));

describe('leaderboard helpers', () => {
  it('offers groups.json\'s groups that have models, by category, with schema display names', () => {
    const choices = groupChoices(read('groups.json'), read('schema.json'));
    expect(choices.map((c: { category: string }) => c.category)).toEqual(['All scenarios', 'Core scenarios', 'Targeted evaluations', 'Scenarios']);
    expect(choices[3].groups).toEqual([
      { name: 'mmlu', label: 'MMLU (Massive Multitask Language Understanding)' },
      { name: 'gsm', label: 'GSM8K (Grade school math word problems)' },
    ]);
    expect(choices[0].groups.map((g: { name: string }) => g.name)).toEqual(['core_scenarios', 'targeted_evaluations']);
  });

  it('links a cell to its run, its runs, or its group', () => {
    const row = read('groups/mmlu.json')[0].rows[0];
    expect(row[0].run_spec_names).toEqual(['mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_legacy-b']);
    expect(cellHref(row[0])).toBe('#/runs/mmlu%3Asubject%3Danatomy%2Cmethod%3Dmultiple_choice_joint%2Cmodel%3Doracle_legacy-b');
    expect(cellHref(row[1])).toBeNull();
    expect(cellHref({ value: 1, run_spec_names: ['a:b', 'c,d'] })).toBe('#/runs?names=a%3Ab&names=c%2Cd');
    expect(cellHref({ value: 'GSM8K', href: '?group=gsm' })).toBe('#/leaderboard/gsm');
    expect(cellHref({ value: 1 })).toBeNull();
  });
});
