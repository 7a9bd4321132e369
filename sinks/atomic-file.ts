/** @module A small text file written whole or not at all: `<path>.tmp`, fsync, then a rename onto `path`. */
import { open, rename } from 'node:fs/promises';
import { removeIfExists } from './batched-file.ts';

/**
 * Writes `text` (UTF-8) to `path` through `<path>.tmp`, synced to disk before the rename, so a crash leaves either
 * the old file or the whole new one, never a file that looks complete and is not. On failure the `.tmp` is removed.
 * @example await writeFileAtomically(join(runDir, 'run_spec.json'), helmJson(runSpec))
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const tmpPath = `${path}.tmp`;
  const handle = await open(tmpPath, 'w');
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmpPath, path);
  } catch (error) {
    await removeIfExists(tmpPath);
    throw error;
  }
}
