import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { bigBenchScenarioMetadata, bigBenchSource, bigBenchTaskPath, bigBenchTaskUrl, readBigBenchTask } from './big-bench.ts';

/** Two synthetic BIG-bench JSON tasks of our own: `mc_task/task.json` (target_scores) and `gen_task/sub_a/task.json` (target). */
const fixtures = fileURLToPath(new URL('__fixtures__/big_bench', import.meta.url));
/** What HELM 0.5.16's BIGBenchScenario gives on that folder (`__fixtures__/make-helm-instances.py`). */
const helm = (task: string) =>
  JSON.parse(readFileSync(join(fixtures, `helm-instances-${task}.json`), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'big-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = { log: () => undefined, download: { lookup: offlineLookup, retries: 0 } };

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of bigBenchSource.instances(args, cacheDir, offline)) out.push(instance);
  return out;
}

describe('bigBenchSource', () => {
  it("gives HELM's instances of a target_scores task: shuffled with seed 0, 8 train, 16 test, 16 valid", async () => {
    const instances = await read({ task: 'mc_task', subtask: '' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm('mc_task').instances)); // key order too
    expect(['train', 'test', 'valid'].map((s) => instances.filter((i) => i.split === s).length)).toEqual([8, 16, 16]);
  });

  it('keeps target_scores in file order, integer-like keys too, and marks every top-scored target correct', async () => {
    const instances = await read({ task: 'mc_task', subtask: '' }, fixtures);
    const sides = instances.find((i) => i.input.text.startsWith('How many sides does shape 3 '))!;
    expect(sides.references.map((r) => [r.output.text, r.tags.length])).toEqual([['10', 0], ['2', 1], ['7', 0]]);
    const tie = instances.find((i) => i.input.text === 'Is statement 6 true?')!; // scores 1 and 1.0
    expect(tie.references.map((r) => [r.output.text, r.tags.length])).toEqual([['yes', 1], ['certainly', 1], ['no', 0]]);
  });

  it("gives HELM's instances of a subtask with targets: 51 train, 17 test, 17 valid (int(0.2 · 85) = 17 > 16)", async () => {
    const instances = await read({ task: 'gen_task', subtask: 'sub_a' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm('gen_task').instances));
    expect(['train', 'test', 'valid'].map((s) => instances.filter((i) => i.split === s).length)).toEqual([51, 17, 17]);
  });

  it("writes HELM's scenario.json once the task is read: its description appended, its keywords as tags", () => {
    for (const [task, subtask] of [['mc_task', ''], ['gen_task', 'sub_a']] as const) {
      const path = bigBenchTaskPath(fixtures, task, subtask);
      const definition = readBigBenchTask(path, bigBenchTaskUrl(task, subtask));
      expect(bigBenchScenarioMetadata(definition, task, subtask, path)).toEqual(helm(task).scenario_json);
    }
  });

  it("fetches HELM's URLs, into HELM's cache paths", () => {
    const tasks = 'https://raw.githubusercontent.com/google/BIG-bench/main/bigbench/benchmark_tasks';
    expect(bigBenchTaskUrl('emoji_movie', '')).toBe(`${tasks}/emoji_movie/task.json`);
    expect(bigBenchTaskUrl('conceptual_combinations', 'contradictions')).toBe(`${tasks}/conceptual_combinations/contradictions/task.json`);
    expect(bigBenchTaskPath('c', 'conceptual_combinations', 'contradictions')).toBe(join('c', 'conceptual_combinations', 'contradictions', 'task.json'));
  });

  it('needs both task and subtask, as HELM does, and names an example without a target', async () => {
    expect(() => bigBenchSource.instances({ task: 'mc_task' }, fixtures)).toThrow(/needs argument\(s\): subtask/);
    const dir = join(work, 'no-target');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'mc_task', 'task.json'), JSON.stringify({ keywords: [], description: '', examples: [{ input: 'x' }] }));
    await expect(read({ task: 'mc_task', subtask: '' }, dir)).rejects.toThrow(/an example \("x"\): an example needs 'target' or 'target_scores'/);
  });

  it('names the task file and its URL when offline', async () => {
    await expect(read({ task: 'emoji_movie', subtask: '' }, join(work, 'empty'))).rejects.toThrow(/benchmark_tasks\/emoji_movie\/task\.json/);
  });
});
