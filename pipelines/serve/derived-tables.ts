/**
 * @module Tables the viewer derives from a run once and reuses while a user pages (a text search's matches, each
 * instance's main-metric value, two runs joined for comparison): kept by key, at most `capacity` at a time, the
 * least recently used dropped, so memory is bounded by a few runs' worth of small rows whatever is browsed.
 */
import type { Params, ViewerDb } from './viewer-db.ts';

export interface DerivedTables {
  /** The name of the table for `key`, made with `select` (and its params) when not kept. */
  table(key: string, select: string, params: Params): Promise<string>;
}

export function derivedTables(db: ViewerDb, prefix: string, capacity: number): DerivedTables {
  const kept = new Map<string, Promise<string>>(); // in use order, oldest first
  let made = 0;
  return {
    async table(key, select, params) {
      const found = kept.get(key);
      if (found !== undefined) {
        kept.delete(key);
        kept.set(key, found);
        return found;
      }
      const name = `${prefix}_${++made}`;
      const making = db.run(`CREATE TABLE ${name} AS ${select}`, params).then(() => name);
      kept.set(key, making);
      making.catch(() => kept.delete(key));
      while (kept.size > capacity) {
        const [oldKey, oldTable] = kept.entries().next().value as [string, Promise<string>];
        kept.delete(oldKey);
        void oldTable.then((old) => db.run(`DROP TABLE IF EXISTS ${old}`)).catch(() => undefined);
      }
      return making;
    },
  };
}
