/**
 * @module Moves a damaged cache file aside under a dated name, with its lock file, so that the run goes on with a
 * fresh one and nothing is deleted: `simple.lmdb` → `simple.lmdb.corrupt-2026-12-07T12-00-00Z` (and its `-lock`).
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnswerCount } from './cache-check.ts';
import { dropStamp } from './cache-stamp.ts';

/** `2026-12-07T12-00-00Z`: an ISO time without milliseconds, with no `:` (not allowed in Windows file names). */
const datedSuffix = (now: Date): string => now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');

/** The first `<path>.corrupt-<time>[-n]` that does not exist yet. */
function asideNameFor(path: string, now: Date): string {
  const base = `${path}.corrupt-${datedSuffix(now)}`;
  let aside = base;
  for (let n = 2; existsSync(aside) || existsSync(`${aside}-lock`); n++) aside = `${base}-${n}`;
  return aside;
}

/**
 * Moves the file at `path` (only if it is still the file `ino` that was judged damaged) and its lock file aside.
 * Returns the new name, or undefined when the file was already replaced (another process set it aside first).
 * @example setAsideDamaged('prod_env/cache/simple.lmdb', verdict.ino, new Date())
 */
export function setAsideDamaged(path: string, ino: bigint, now: Date): string | undefined {
  if (statSync(path, { bigint: true, throwIfNoEntry: false })?.ino !== ino) return undefined;
  const aside = asideNameFor(path, now);
  renameSync(path, aside);
  if (existsSync(`${path}-lock`)) renameSync(`${path}-lock`, `${aside}-lock`); // LMDB's name for the lock of `aside`
  dropStamp(path);
  return aside;
}

/** "1,234 answers" */
const answersInWords = (count: number): string => `${count.toLocaleString('en-US')} answer${count === 1 ? '' : 's'}`;

/** The line that tells the user what was set aside, how many answers it held, and that the run goes on. */
export function setAsideMessage(path: string, aside: string, why: string, answers: AnswerCount): string {
  const held =
    answers === undefined || (!answers.isExact && answers.count === 0)
      ? 'How many answers it held could not be counted (its meta pages are unreadable)'
      : answers.isExact
        ? `It held ${answersInWords(answers.count)}, set aside with it`
        : `It held at least ${answersInWords(answers.count)} (one of its two meta pages is unreadable), set aside with it`;
  return (
    `The request cache file ${path} is damaged (${why}). Moved it aside as ${basename(aside)}, with its lock file. ` +
    `${held}. The run goes on with a fresh cache: those requests are sent again as they come up.`
  );
}
