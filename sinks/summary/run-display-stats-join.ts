/**
 * @module HELM's `stats_by_trial[key]` for the request states of a run, in their order: each key's display
 * stats, merged over all its per-instance entries in file order (a later entry's value replaces an earlier one
 * and keeps its place, as Python's `dict.update`; a key without entries has none).
 *
 * `mergedStatsJoin` keeps memory bounded: it walks each pass of per_instance_stats.json (one per metric, see
 * `trialStatsSegments`) alongside the request states, taking a key's entries when the request states reach
 * that key. This needs each pass to list its keys in the request states' order, with a key's entries
 * together, which is what HELM and our helm-run write. When the files turn out otherwise, it says so
 * (`statsFor` answers undefined, or `finish` false) and the caller falls back to `indexedStatsJoin`, which
 * reads every entry first and holds each key's display stats in memory (as HELM holds the whole file).
 */
import { keyOrder, sameTrialKey, type TrialKey } from './run-display-key-order.ts';
import type { TrialStats } from './run-display-trial-stats.ts';

/** Display stats by trial key. */
export interface StatsJoin {
  /** The merged stats of `key` (empty when it has none); undefined when this join cannot answer in this order. */
  statsFor(key: TrialKey): Promise<ReadonlyMap<string, number> | undefined>;
  /** After the last key: true when every entry was joined to a key (closes what the join opened). */
  finish(): Promise<boolean>;
  /** Closes the readers without checking. */
  close(): Promise<void>;
}

const keyText = (key: TrialKey): string => `${key.instance}\u0000${key.trial}`;

/** A cursor over one pass of entries, with the next entry peeked. */
function cursor(entries: AsyncIterable<TrialStats>) {
  const iterator = entries[Symbol.asyncIterator]();
  let head: TrialStats | undefined;
  let isRead = false;
  return {
    async peek(): Promise<TrialStats | undefined> {
      if (!isRead) {
        const next = await iterator.next();
        head = next.done === true ? undefined : next.value;
        isRead = true;
      }
      return head;
    },
    take(): void {
      isRead = false;
    },
    close: async (): Promise<void> => {
      await iterator.return?.();
    },
  };
}

/**
 * Joins by walking the passes in step with the keys asked for (see the module comment). Memory: the current
 * key's stats, one entry per pass, and one number per instance key seen.
 */
export function mergedStatsJoin(passes: readonly AsyncIterable<TrialStats>[]): StatsJoin {
  const cursors = passes.map(cursor);
  const order = keyOrder();
  let current: { key: TrialKey; stats: Map<string, number> } | undefined;
  let isBroken = false;
  const close = async () => {
    for (const c of cursors) await c.close();
  };
  return {
    async statsFor(key) {
      if (isBroken) return undefined;
      if (sameTrialKey(current?.key, key)) return current!.stats;
      if (order.visit(key) === 'revisit') isBroken = true; // the request states came back to a key
      const stats = new Map<string, number>();
      for (const c of cursors) {
        for (let head = await c.peek(); head !== undefined && sameTrialKey(head.key, key); head = await c.peek()) {
          for (const [name, mean] of head.stats) stats.set(name, mean);
          c.take();
        }
        const head = await c.peek();
        if (head !== undefined && order.isBehind(head.key)) isBroken = true; // an entry for a key already passed
      }
      current = { key, stats };
      return isBroken ? undefined : stats;
    },
    async finish() {
      let isComplete = !isBroken;
      for (const c of cursors) if ((await c.peek()) !== undefined) isComplete = false;
      await close();
      return isComplete;
    },
    close,
  };
}

/** Joins through a map of every key's merged display stats (memory: all keys that have entries). */
export async function indexedStatsJoin(entries: AsyncIterable<TrialStats>): Promise<StatsJoin> {
  const byKey = new Map<string, Map<string, number>>();
  for await (const entry of entries) {
    const text = keyText(entry.key);
    let stats = byKey.get(text);
    if (stats === undefined) byKey.set(text, (stats = new Map()));
    for (const [name, mean] of entry.stats) stats.set(name, mean);
  }
  const none: ReadonlyMap<string, number> = new Map();
  return {
    statsFor: async (key) => byKey.get(keyText(key)) ?? none,
    finish: async () => true,
    close: async () => undefined,
  };
}
