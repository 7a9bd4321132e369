/** @module The benchmarks' generated MMLU-format scenario and their working directory (bench/.work, not committed). */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BENCH_WORK = join(root, 'bench', '.work');
export const BENCH_OUT = join(BENCH_WORK, 'out');
export const EVAL_ROWS = 1_000_000;

/** Writes an MMLU-format CSV (no header: question, 4 choices, answer letter) of `rows` rows. */
export async function writeMmluCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i++) {
    const line = `"Which structure, numbered ${i}, lies next to the ""medulla""?",artery ${i % 7},vein ${i % 5},nerve ${i % 3},bone ${i % 11},${'ABCD'[i % 4]}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The generated scenario under `<out>/scenarios/mmlu/data`, written once (`evalRows` test rows, 5 dev rows). */
export async function ensureMmluData(out: string, evalRows: number): Promise<void> {
  const data = join(out, 'scenarios', 'mmlu', 'data');
  const test = join(data, 'test', 'bench_test.csv');
  const marker = join(data, `.rows-${evalRows}`);
  if (existsSync(marker)) return;
  mkdirSync(join(data, 'dev'), { recursive: true });
  mkdirSync(join(data, 'test'), { recursive: true });
  await writeMmluCsv(join(data, 'dev', 'bench_dev.csv'), 5);
  await writeMmluCsv(test, evalRows);
  writeFileSync(marker, '');
}

