/**
 * @module What happens to a shard's cache file before its store is opened: a whole file is used, a damaged one is
 * set aside with a message (how many answers it held; the run goes on with a fresh cache), an empty one is noted.
 */
import { checkCacheFile, createCacheFile } from './cache-check.ts';
import { RequestCacheFailure } from './cache-failure.ts';
import { setAsideDamaged, setAsideMessage } from './cache-set-aside.ts';
import { stampWhole } from './cache-stamp.ts';

export interface AdmitOptions {
  /** Where the messages go (stderr in helm-run). */
  readonly log: (line: string) => void;
  /** The clock of the dated names. */
  readonly now: () => Date;
}

// Another process may set the same file aside and start a fresh one between our check and our move: the fresh file
// is checked in turn. A few rounds are plenty; more means something else keeps damaging the file.
const MAX_ROUNDS = 3;

/**
 * Makes the cache file at `path` safe to open: after it returns, the file is whole (an absent or empty one is created
 * first, out of process: see createCacheFile).
 * @example await admitCacheFile('prod_env/cache/simple.lmdb', { log: console.warn, now: () => new Date() })
 */
export async function admitCacheFile(path: string, options: AdmitOptions): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const verdict = await checkCacheFile(path);
    if (verdict.kind === 'absent' || verdict.kind === 'empty') {
      if (verdict.kind === 'empty') options.log(`The request cache file ${path} is empty (0 bytes, no answers in it): it starts afresh.`);
      await createCacheFile(path);
      return;
    }
    if (verdict.kind === 'whole') {
      if (verdict.how === 'read in full') stampWhole(path, options.log);
      return;
    }
    const aside = setAsideDamaged(path, verdict.ino, options.now());
    if (aside !== undefined) {
      options.log(setAsideMessage(path, aside, verdict.why, verdict.answers));
      await createCacheFile(path);
      return;
    }
  }
  throw new RequestCacheFailure(`The request cache file ${path} was found damaged ${MAX_ROUNDS} times in a row while other processes replaced it. Run again, or run with --disable-cache.`);
}
