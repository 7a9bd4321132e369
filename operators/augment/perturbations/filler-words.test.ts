import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { fillerWords } from './filler-words.ts';

// Expected strings: HELM v0.5.16 FillerWordsPerturbation under CPython 3.11, rng = Random(id) / Random("1" + id).
const fox = 'The quick brown fox jumps over the lazy dog.';

describe('fillerWords', () => {
  it('inserts fillers before words as the `filler` set does (insert_prob 0.3, no speaker phrases)', () => {
    const p = fillerWords({ insert_prob: pyFloat(0.3), speaker_ph: false });
    expect(p.perturb(fox, new PythonRandom('id0'))).toBe('The quick brown fox jumps over like the lazy probably dog.');
    expect(p.perturb(fox, new PythonRandom('1id0'))).toBe('The perhaps quick brown fox jumps over the umm lazy dog.');
    expect(p.perturb('Is 70 even or odd?', new PythonRandom('1id60'))).toBe('naturally Is most likely 70 even or odd?');
    expect(p.perturb('', new PythonRandom('id5'))).toBe('');
  });

  it('uses every phrase list with the defaults (insert_prob 0.333)', () => {
    const p = fillerWords();
    expect(p.perturb(fox, new PythonRandom('id0'))).toBe(
      'The quick brown fox jumps over probably the I assume lazy you know dog.',
    );
    expect(p.perturb('Is 70 even or odd?', new PythonRandom('1id60'))).toBe('maybe Is I would say 70 even or odd?');
    expect(JSON.stringify(p.description)).toBe(
      '{"name":"filler_words","robustness":true,"fairness":false,"computed_on":"perturbed","insert_prob":0.333}',
    );
  });

  it('stops drawing once max_num_insert fillers are in', () => {
    const p = fillerWords({ insert_prob: pyFloat(0.9), max_num_insert: 1 });
    expect(p.perturb(fox, new PythonRandom('id0'))).toBe('uhm The quick brown fox jumps over the lazy dog.');
    expect(p.perturb(fox, new PythonRandom('1id0'))).toBe('The I guess quick brown fox jumps over the lazy dog.');
    expect(p.perturb('', new PythonRandom('1id5'))).toBe('you know ');
  });

  it('records only insert_prob in its description', () => {
    expect(JSON.stringify(fillerWords({ insert_prob: pyFloat(0.3), speaker_ph: false }).description)).toBe(
      '{"name":"filler_words","robustness":true,"fairness":false,"computed_on":"perturbed","insert_prob":0.3}',
    );
  });
});
