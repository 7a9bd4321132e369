/** @module A benchmark's child process under `/usr/bin/time -v`, with its peak RSS split into anonymous and file-backed. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface TimedRun {
  readonly status: number | null;
  /** The tail of stderr (64 KiB), `/usr/bin/time`'s report last. */
  readonly stderr: string;
  /** `/usr/bin/time`'s maximum resident set size, in kB. */
  readonly peakRssKb: number;
  readonly peakAnonKb: number;
  readonly peakFileKb: number;
}

/** `/usr/bin/time -v node …`, sampling the node process's RssAnon and RssFile; stderr keeps only its tail. */
export async function timedRun(args: string[]): Promise<TimedRun> {
  const time = spawn('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  time.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-64 * 1024)));
  let peakAnonKb = 0;
  let peakFileKb = 0;
  const sample = setInterval(() => {
    try {
      const child = readFileSync(`/proc/${time.pid}/task/${time.pid}/children`, 'utf8').trim().split(' ')[0];
      const status = readFileSync(`/proc/${child}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      peakAnonKb = Math.max(peakAnonKb, kb('RssAnon'));
      peakFileKb = Math.max(peakFileKb, kb('RssFile'));
    } catch {
      // not started yet, or already gone
    }
  }, 250);
  const status = await new Promise<number | null>((resolve) => time.on('close', resolve));
  clearInterval(sample);
  const peakRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
  return { status, stderr, peakRssKb, peakAnonKb, peakFileKb };
}

