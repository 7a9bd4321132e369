/**
 * @module Which (instance, perturbation, train trial) keys a stream has shown, with one number per instance:
 * HELM writes keys train trial by train trial (`for train_trial_index …: for instance …`), so a key is behind
 * the stream once its instance has shown that trial or a later one. Used to tell whether two files follow the
 * same order; an order it does not expect only makes it answer "seen" too early (a safe false alarm).
 */

/** HELM's `stats_by_trial` key: the instance (id and perturbation, as one string) and the train trial. */
export interface TrialKey {
  /** `instanceKey(id, perturbation)`. */
  readonly instance: string;
  readonly trial: number;
}

/** One string for an instance id and its perturbation's identity (see `perturbationIdentity`). */
export const instanceKey = (id: string, perturbationIdentity: string): string =>
  perturbationIdentity === '' ? id : `${id}\u0000${perturbationIdentity}`;

/** Whether `a` and `b` are the same key (`a` may be absent). */
export const sameTrialKey = (a: TrialKey | undefined, b: TrialKey): boolean =>
  a !== undefined && a.instance === b.instance && a.trial === b.trial;

/** The keys seen so far, in order. */
export interface KeyOrder {
  /** Records `key`: `'same'` as the last key, `'new'`, or `'revisit'` of a key left behind earlier. */
  visit(key: TrialKey): 'same' | 'new' | 'revisit';
  /** Whether `key` is behind the stream: seen before, and not the last key. */
  isBehind(key: TrialKey): boolean;
}

/** A fresh record of keys (memory: one entry per instance key). */
export function keyOrder(): KeyOrder {
  const lastTrial = new Map<string, number>();
  let last: TrialKey | undefined;
  return {
    visit(key) {
      if (sameTrialKey(last, key)) return 'same';
      const seenTrial = lastTrial.get(key.instance);
      last = key;
      if (seenTrial !== undefined && key.trial <= seenTrial) return 'revisit';
      lastTrial.set(key.instance, key.trial);
      return 'new';
    },
    isBehind(key) {
      if (sameTrialKey(last, key)) return false;
      const seenTrial = lastTrial.get(key.instance);
      return seenTrial !== undefined && key.trial <= seenTrial;
    },
  };
}
