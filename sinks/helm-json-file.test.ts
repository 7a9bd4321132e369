import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { from, lastValueFrom, map, throwError, concatWith, of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PyFloat } from '../core/py-float.ts';
// The reader that keeps Python's int/float distinction when reading HELM's files.
import { parsePythonJson } from '../core/python-json.ts';
import { Stat } from '../core/stat.ts';
import { whenReady } from '../pipelines/__fixtures__/when-ready.ts';
import { helmJsonFile, helmJsonFileSink, writeHelmJsonFile } from './helm-json-file.ts';

const GOLDEN_RUN = fileURLToPath(new URL('../../shared/golden/helm-0.5.16/mmlu-anatomy/run/', import.meta.url));
/** A file of HELM's own MMLU run. ../shared is always beside the checkout in CI: a missing file fails, never skips. */
const golden = (name: string): string => {
  const path = join(GOLDEN_RUN, name);
  if (!existsSync(path)) throw new Error(`HELM's golden run file is missing: expected ${path} (../shared beside the checkout)`);
  return readFileSync(path, 'utf8');
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'helm-json-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('helmJsonFile against the golden MMLU run (HELM 0.5.16)', () => {
  it.each(['per_instance_stats.json', 'stats.json', 'display_predictions.json', 'instances.json'])(
    'streams %s byte for byte, item by item in small batches',
    async (name) => {
      const items = parsePythonJson(golden(name)) as unknown[];
      const file = helmJsonFile(join(dir, name), { batchChars: 1000 });
      for (const item of items) await file.write(item);
      await file.close();
      expect(file.count).toBe(items.length);
      expect(readFileSync(join(dir, name), 'utf8')).toBe(golden(name));
    },
  );

  it('streams scenario_state.json as an object whose last field is the array', async () => {
    const whole = parsePythonJson(golden('scenario_state.json')) as { adapter_spec: unknown; request_states: unknown[] };
    const file = helmJsonFile(join(dir, 'scenario_state.json'), {
      head: { adapter_spec: whole.adapter_spec },
      arrayKey: 'request_states',
      batchChars: 4096,
    });
    for (const state of whole.request_states) await file.write(state);
    await file.close();
    expect(readFileSync(join(dir, 'scenario_state.json'), 'utf8')).toBe(golden('scenario_state.json'));
  });

  it.each(['run_spec.json', 'scenario.json'])('writes the small file %s whole', async (name) => {
    await writeHelmJsonFile(join(dir, name), parsePythonJson(golden(name)));
    expect(readFileSync(join(dir, name), 'utf8')).toBe(golden(name));
    expect(existsSync(join(dir, `${name}.tmp`))).toBe(false);
  });
});

describe('helmJsonFile', () => {
  it('writes [] for an empty list and an empty array field, as json.dumps does', async () => {
    const list = helmJsonFile(join(dir, 'stats.json'));
    await list.close();
    expect(readFileSync(join(dir, 'stats.json'), 'utf8')).toBe('[]');

    const object = helmJsonFile(join(dir, 'scenario_state.json'), {
      head: { adapter_spec: { method: 'generation', temperature: new PyFloat(0) } },
      arrayKey: 'request_states',
    });
    await object.close();
    expect(readFileSync(join(dir, 'scenario_state.json'), 'utf8')).toBe(
      '{\n  "adapter_spec": {\n    "method": "generation",\n    "temperature": 0.0\n  },\n  "request_states": []\n}',
    );
  });

  it('keeps the bytes under name.tmp until close, then renames', async () => {
    const path = join(dir, 'per_instance_stats.json');
    const file = helmJsonFile(path, { batchChars: 10 });
    await file.write({ instance_id: 'id1', train_trial_index: 0, stats: [new Stat({ name: 'x' }).add(1).toJson()] });
    expect(existsSync(`${path}.tmp`)).toBe(true);
    expect(existsSync(path)).toBe(false);
    await file.close();
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(
      '[\n  {\n    "instance_id": "id1",\n    "train_trial_index": 0,\n    "stats": [\n      {\n' +
        '        "name": {\n          "name": "x"\n        },\n        "count": 1,\n        "sum": 1,\n' +
        '        "sum_squared": 1,\n        "min": 1,\n        "max": 1,\n        "mean": 1.0,\n' +
        '        "variance": 0.0,\n        "stddev": 0.0\n      }\n    ]\n  }\n]',
    );
    await expect(file.write({})).rejects.toThrow(/already closed/);
  });

  it('removes the tmp file on abort and leaves no final file', async () => {
    const path = join(dir, 'stats.json');
    const file = helmJsonFile(path, { batchChars: 1 });
    await file.write({ a: 1 });
    await file.abort();
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(existsSync(path)).toBe(false);
  });

  it('stays exact over many items written through backpressure, awaited or not', async () => {
    const path = join(dir, 'many.json');
    const file = helmJsonFile(path, { batchChars: 512 });
    const items = Array.from({ length: 5000 }, (_, i) => ({ i, x: new PyFloat(i / 7), s: 'é'.repeat(i % 5) }));
    const pending: Promise<void>[] = [];
    for (const [i, item] of items.entries()) {
      if (i % 2 === 0) await file.write(item);
      else pending.push(file.write(item)); // not awaited: still queued in order
    }
    await Promise.all(pending);
    await file.close();
    const text = readFileSync(path, 'utf8');
    const parsed = JSON.parse(text) as { i: number; x: number; s: string }[];
    expect(parsed).toHaveLength(5000);
    expect(parsed[4999]).toEqual({ i: 4999, x: 4999 / 7, s: 'éééé' });
    expect(text).toContain('"x": 0.0,\n');
    expect(text).toContain('"s": "\\u00e9\\u00e9\\u00e9\\u00e9"\n');
  });

  it('rejects head without arrayKey', () => {
    expect(() => helmJsonFile(join(dir, 'x.json'), { head: { a: 1 } })).toThrow(/arrayKey/);
  });
});

describe('helmJsonFileSink', () => {
  it('writes an observable of items and reports once the file is in place', async () => {
    const path = join(dir, 'stats.json');
    const report = await lastValueFrom(
      from([1, 2, 3]).pipe(map((n) => new Stat({ name: `s${n}` }).toJson()), helmJsonFileSink(path)),
    );
    expect(report).toEqual({ path, count: 3 });
    expect((JSON.parse(readFileSync(path, 'utf8')) as { name: { name: string } }[]).map((s) => s.name.name)).toEqual([
      's1',
      's2',
      's3',
    ]);
  });

  it('aborts on an upstream error: no final file, no tmp file', async () => {
    const path = join(dir, 'stats.json');
    const items$ = of({ a: 1 }).pipe(concatWith(throwError(() => new Error('boom'))));
    await expect(lastValueFrom(items$.pipe(helmJsonFileSink(path)))).rejects.toThrow('boom');
    // abort() runs from finalize and completes asynchronously: wait for the tmp file's removal itself
    await whenReady(dir, () => !existsSync(`${path}.tmp`));
    expect(existsSync(path)).toBe(false);
  });
});
