/** @module HELM's FillerWordsPerturbation (`filler_words_perturbation.py`): filler phrases inserted before words. */
import { perturbationDescription } from '../../../core/metric-name.ts';
import { numberOf, pyFloat, type PyNumber } from '../../../core/py-float.ts';
import { loadFillerWords } from './perturbation-data.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/** HELM's constructor arguments and their defaults. */
export interface FillerWordsOptions {
  readonly insert_prob?: PyNumber; // default 0.333
  readonly max_num_insert?: number | null; // default None: no limit
  readonly speaker_ph?: boolean; // "I think", … (default true)
  readonly uncertain_ph?: boolean; // "maybe", … (default true)
  readonly fill_ph?: boolean; // "uhm", … (default true)
}

/**
 * For each `text.split(" ")` word, while under `max_num_insert`: `rng.random() <= insert_prob` →
 * insert `rng.choice(fillers)` before it; rejoin with `" "`. Fillers are speaker, uncertain, fill
 * phrases in that order. Description: `filler_words` + `insert_prob` (the only field HELM records).
 */
export function fillerWords(options: FillerWordsOptions = {}): TextPerturbation {
  const insertProb = options.insert_prob ?? pyFloat(0.333);
  const maxInserts = options.max_num_insert ?? null;
  const lists = loadFillerWords();
  const fillers = [
    ...(options.speaker_ph ?? true ? lists.speaker : []),
    ...(options.uncertain_ph ?? true ? lists.uncertain : []),
    ...(options.fill_ph ?? true ? lists.fill : []),
  ];
  const p = numberOf(insertProb);
  return {
    name: 'filler_words',
    description: perturbationDescription('filler_words', { robustness: true }, { insert_prob: insertProb }),
    perturbsReferences: false,
    perturb: (text, rng) => {
      const words: string[] = [];
      let inserted = 0;
      for (const word of text.split(' ')) {
        // The limit is checked first: once it is reached, no more draws are made.
        if ((maxInserts === null || inserted < maxInserts) && rng.random() <= p) {
          words.push(rng.choice(fillers));
          inserted += 1;
        }
        words.push(word);
      }
      return words.join(' ');
    },
  };
}
