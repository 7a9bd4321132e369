import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stagedSegment, type StagedSegment } from './staged-segment.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staged-segment-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Pushes `units` units of `statesPerUnit` states and two entries each, numbered from 0, ending each unit. */
async function pushUnits(segment: StagedSegment, units: number, statesPerUnit = 1): Promise<void> {
  for (let unit = 0; unit < units; unit++) {
    for (let s = 0; s < statesPerUnit; s++) await segment.pushState(`{"seq":${unit},"s":${s}}\n`);
    await segment.pushEntry(`{"instance_id":"id${unit}","k":0}\n`);
    await segment.pushEntry(`{"instance_id":"id${unit}","k":1}\n`);
    segment.endUnit();
  }
}
const lineCount = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').length;
const lines = (paths: readonly string[]) => paths.flatMap((p) => readFileSync(p, 'utf8').split('\n').filter((l) => l !== ''));

describe('a staged segment', () => {
  it('writes its lines in files of 128 request states, a new pair at the first unit end past 128, in order', async () => {
    const segment = stagedSegment(dir, 3, 2048);
    await pushUnits(segment, 300);
    expect([segment.numStates, segment.numEntries, segment.offset]).toEqual([300, 600, 2048]);
    const files = await segment.close();
    expect(files?.offset).toBe(2048);
    expect(files?.requestStatesNdjson).toEqual([0, 1, 2].map((k) => join(dir, `segment3.${k}.scenario_state.ndjson`)));
    expect(files?.perInstanceStatsNdjson).toEqual([0, 1, 2].map((k) => join(dir, `segment3.${k}.per_instance_stats.ndjson`)));
    expect(files!.requestStatesNdjson.map(lineCount)).toEqual([128, 128, 44]);
    expect(files!.perInstanceStatsNdjson.map(lineCount)).toEqual([256, 256, 88]);
    expect(lines(files!.requestStatesNdjson)).toEqual(Array.from({ length: 300 }, (_, i) => `{"seq":${i},"s":0}`));
    expect(lines(files!.perInstanceStatsNdjson).slice(254, 258)).toEqual(
      ['{"instance_id":"id127","k":0}', '{"instance_id":"id127","k":1}', '{"instance_id":"id128","k":0}', '{"instance_id":"id128","k":1}']);
  });

  it('keeps a unit in one file: units of 3 states make files of 129', async () => {
    const segment = stagedSegment(dir, 0, 0);
    await pushUnits(segment, 100, 3);
    const files = await segment.close();
    expect(files!.requestStatesNdjson.map(lineCount)).toEqual([129, 129, 42]);
    expect(files!.perInstanceStatsNdjson.map(lineCount)).toEqual([86, 86, 28]);
  });

  it('drops the pair opened after its last unit, and closes to nothing (no file left) when it holds nothing', async () => {
    const full = stagedSegment(dir, 0, 0);
    await pushUnits(full, 128);
    const files = await full.close();
    expect(files!.requestStatesNdjson).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['segment0.0.per_instance_stats.ndjson', 'segment0.0.scenario_state.ndjson']);

    const empty = stagedSegment(dir, 1, 128);
    expect(await empty.close()).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.startsWith('segment1.'))).toEqual([]);
  });

  it('drops every file when destroyed, closed pairs and the open one', async () => {
    const segment = stagedSegment(dir, 0, 0);
    await pushUnits(segment, 200);
    await segment.destroy();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
