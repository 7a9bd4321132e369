import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlString } from '../duckdb/open-database.ts';
import { openParquetWorker } from './parquet-worker.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquet-worker-'));
  writeFileSync(join(dir, 'a.ndjson'), '{"id":"a1","x":1}\n{"id":"a2","x":2}\n');
  writeFileSync(join(dir, 'b.ndjson'), '{"id":"b1","x":3}\n');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function rows(path: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  try {
    const connection = await db.connect();
    const result = (await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)})`)).getRowObjectsJS();
    connection.closeSync();
    return result;
  } finally {
    db.closeSync();
  }
}

const SELECT = `SELECT id, x + $add AS x, $label AS label, $half AS half, $none::VARCHAR AS none
  FROM read_json($file, format = 'newline_delimited', columns = {id: 'VARCHAR', x: 'BIGINT'})`;

describe('the Parquet worker', () => {
  it('writes Parquet files on its thread, in the order sent, with string, number, null and list parameters', async () => {
    const worker = openParquetWorker();
    const both = join(dir, 'both.parquet');
    const one = join(dir, 'one.parquet');
    const params = { add: 10, label: 'L', half: 0.5, none: null };
    await Promise.all([
      worker.copy(SELECT, { ...params, file: [join(dir, 'a.ndjson'), join(dir, 'b.ndjson')] }, both),
      worker.copy(SELECT, { ...params, file: join(dir, 'b.ndjson') }, one),
    ]);
    await worker.close();
    expect(await rows(both)).toEqual([
      { id: 'a1', x: 11n, label: 'L', half: 0.5, none: null },
      { id: 'a2', x: 12n, label: 'L', half: 0.5, none: null },
      { id: 'b1', x: 13n, label: 'L', half: 0.5, none: null },
    ]);
    expect(await rows(one)).toEqual([{ id: 'b1', x: 13n, label: 'L', half: 0.5, none: null }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects a failed copy alone, with DuckDB\'s message, leaving nothing at its path; the next copies still run', async () => {
    writeFileSync(join(dir, 'broken.ndjson'), '{"id":"c1","x":1}\n{"id": [\n');
    const worker = openParquetWorker();
    const params = { add: 0, label: 'L', half: 0, none: null };
    const missing = worker.copy(SELECT, { ...params, file: join(dir, 'missing.ndjson') }, join(dir, 'm.parquet'));
    const broken = worker.copy(SELECT, { ...params, file: join(dir, 'broken.ndjson') }, join(dir, 'c.parquet'));
    const fine = worker.copy(SELECT, { ...params, file: join(dir, 'a.ndjson') }, join(dir, 'a.parquet'));
    await expect(missing).rejects.toThrow(/No files found that match the pattern/);
    await expect(broken).rejects.toThrow(/Malformed JSON/);
    await fine;
    await worker.close();
    expect(existsSync(join(dir, 'm.parquet'))).toBe(false);
    expect(existsSync(join(dir, 'c.parquet'))).toBe(false);
    expect(await rows(join(dir, 'a.parquet'))).toHaveLength(2);
  });

  it('closes once however often asked, and refuses copies after', async () => {
    const worker = openParquetWorker();
    await Promise.all([worker.close(), worker.close()]);
    await worker.close();
    await expect(worker.copy('SELECT 1 AS one', {}, join(dir, 'late.parquet'))).rejects.toThrow(/Parquet worker has ended/);
  });

  it('keeps the process alive while a copy is awaited, and not when idle (a process that never closes it exits)', async () => {
    const module = fileURLToPath(new URL('./parquet-worker.ts', import.meta.url));
    const script = `import { openParquetWorker } from ${JSON.stringify(module)};
      const worker = openParquetWorker();
      await worker.copy("SELECT 42 AS answer", {}, ${JSON.stringify(join(dir, 'child.parquet'))});
      console.log('copied');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect({ code, out }).toEqual({ code: 0, out: 'copied\n' });
    expect(await rows(join(dir, 'child.parquet'))).toEqual([{ answer: 42 }]);
  });
});
