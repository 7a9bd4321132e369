/**
 * Read-only directories in tests, as root too: root writes through any mode bits, so a test that needs a
 * directory it cannot write runs its child process as `nobody` (65534) when it runs as root, and as itself otherwise.
 */
import { chmodSync, chownSync } from 'node:fs';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** Spawn options that run a child as a user for whom mode bits hold. */
export const unprivilegedSpawn = (): { uid?: number; gid?: number } => (isRoot ? { uid: NOBODY, gid: NOBODY } : {});

/** Lets that user enter `directory` and write in it (a mkdtemp directory is the owner's only). */
export function openToUnprivileged(directory: string): void {
  if (isRoot) chownSync(directory, NOBODY, NOBODY);
  chmodSync(directory, 0o755);
}

/** Makes `directory` read-only for that user. */
export function makeReadOnly(directory: string): void {
  if (isRoot) chownSync(directory, NOBODY, NOBODY);
  chmodSync(directory, 0o555);
}
