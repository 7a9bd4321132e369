/**
 * @module A cache file's stamp (`<shard>.lmdb-checked`): the identity, size, modification time and last commit of
 * the file when it was last known whole (read in full by the deep check, or closed cleanly by the cache). While the
 * file still matches its stamp, nothing has touched it since, and the start-up check skips reading it in full.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readCacheMeta } from './cache-meta.ts';

/** Where the stamp of the cache file `path` is kept. */
export const stampPathOf = (path: string): string => `${path}-checked`;

/** The file's state as a stamp records it; undefined when the file is missing or has no valid meta page. */
function stateOf(path: string): string | undefined {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (stats === undefined) return undefined;
  const meta = readCacheMeta(path);
  if (meta === undefined) return undefined;
  return JSON.stringify({ dev: `${stats.dev}`, ino: `${stats.ino}`, size: `${stats.size}`, mtimeNs: `${stats.mtimeNs}`, txnid: `${meta.txnid}` });
}

/** Whether the file is exactly as its stamp recorded it (the same file, size, modification time and last commit). */
export function matchesStamp(path: string): boolean {
  let stamp: string;
  try {
    stamp = readFileSync(stampPathOf(path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  return stamp === stateOf(path);
}

/**
 * Records the file's current state as whole. Written under a temporary name and renamed, so a reader sees a whole
 * stamp or none; a stamp that cannot be written only costs the next start a full check.
 */
export function stampWhole(path: string, warn: (line: string) => void): void {
  const state = stateOf(path);
  if (state === undefined) return;
  const stampPath = stampPathOf(path);
  const temporary = `${stampPath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, state);
    renameSync(temporary, stampPath);
  } catch (error) {
    rmSync(temporary, { force: true });
    warn(`Could not record that ${path} is whole (${(error as Error).message}): the next run reads it in full to check it.`);
  }
}

/** Forgets the stamp (the file was set aside or replaced). */
export const dropStamp = (path: string): void => rmSync(stampPathOf(path), { force: true });
