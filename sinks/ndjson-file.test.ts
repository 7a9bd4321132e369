import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, range, map } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whenReady } from '../pipelines/__fixtures__/when-ready.ts';
import { PyFloat } from '../core/py-float.ts';
import { Stat } from '../core/stat.ts';
import { ndjsonFile, ndjsonSink } from './ndjson-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ndjson-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n');

describe('ndjsonFile', () => {
  it('writes one JSON.stringify per line, PyFloat as a plain number', async () => {
    const out = ndjsonFile(join(dir, 'stats.ndjson'));
    expect(out.path).toBe(join(dir, 'stats.ndjson'));
    await out.write({ run_name: 'r', ...new Stat({ name: 'x', split: 'test' }).add(new PyFloat(4)).toJson() });
    await out.write({ text: 'a\nb "é"', n: null });
    await out.close();
    expect(out.count).toBe(2);
    expect(lines(out.path)).toEqual([
      '{"run_name":"r","name":{"name":"x","split":"test"},"count":1,"sum":4,"sum_squared":16,"min":4,"max":4,' +
        '"mean":4,"variance":0,"stddev":0}',
      '{"text":"a\\nb \\"é\\"","n":null}',
      '',
    ]);
  });

  it('writes in batches under the final name, whole lines only, while it runs', async () => {
    const path = join(dir, 'states.ndjson');
    const out = ndjsonFile<{ seq: number; pad: string }>(path, { batchChars: 1000 });
    for (let seq = 0; seq < 95; seq++) await out.write({ seq, pad: 'x'.repeat(90) });
    // Every batch of ≥ 1000 characters has been handed to the stream; wait for it to reach the disk (a file event).
    await whenReady(dir, () => readFileSync(path, 'utf8').length > 0);
    const partial = readFileSync(path, 'utf8');
    expect(partial.endsWith('\n')).toBe(true); // never a half line
    await out.close();
    const full = readFileSync(path, 'utf8');
    expect(partial.length).toBeLessThan(full.length); // the tail was still queued until close
    expect(full.startsWith(partial)).toBe(true);
    const all = lines(path);
    expect(all).toHaveLength(96);
    expect(JSON.parse(all[94]!)).toEqual({ seq: 94, pad: 'x'.repeat(90) });
  });

  it('appends when resuming, and abort keeps the lines written so far', async () => {
    const path = join(dir, 'a.ndjson');
    const first = ndjsonFile(path);
    await first.write({ seq: 0 });
    await first.close();
    const second = ndjsonFile(path, { append: true });
    await second.write({ seq: 1 });
    await second.abort();
    expect(lines(path)).toEqual(['{"seq":0}', '{"seq":1}', '']);
    await expect(second.write({ seq: 2 })).rejects.toThrow(/closed/);
  });

  it('refuses a record JSON cannot represent', async () => {
    const out = ndjsonFile(join(dir, 'b.ndjson'));
    await expect(out.write(undefined)).rejects.toThrow(/cannot write/);
    await out.close();
    expect(readFileSync(out.path, 'utf8')).toBe('');
  });

  it('stays in order over many un-awaited writes through backpressure', async () => {
    const out = ndjsonFile<{ seq: number }>(join(dir, 'c.ndjson'), { batchChars: 64 });
    await Promise.all(Array.from({ length: 20000 }, (_, seq) => out.write({ seq })));
    await out.close();
    const seqs = lines(out.path).slice(0, -1).map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: 20000 }, (_, i) => i));
  });
});

describe('ndjsonSink', () => {
  it('writes an observable and reports the count once durable', async () => {
    const path = join(dir, 'd.ndjson');
    const report = await lastValueFrom(range(0, 3).pipe(map((seq) => ({ seq })), ndjsonSink(path)));
    expect(report).toEqual({ path, count: 3 });
    expect(lines(path)).toEqual(['{"seq":0}', '{"seq":1}', '{"seq":2}', '']);
  });
});
