import { describe, expect, it } from 'vitest';
import { reference, type Instance } from '../../../core/instance.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { fixtureText, ourResults, perturbationsOf, vectors } from '../__fixtures__/fairness/helm-vectors.ts';
import { applyPerturbation } from '../augment.ts';
import { parseNameFile, personName, type PersonNameOptions } from './person-name.ts';

const WHITE = { race: 'white_american' };
const BLACK = { race: 'black_american' };
const options = (over: Partial<PersonNameOptions> = {}): PersonNameOptions => ({
  prob: pyFloat(1.0),
  source_class: WHITE,
  target_class: BLACK,
  name_file_path: 'names.txt',
  person_name_type: 'first_name',
  preserve_gender: true,
  names: parseNameFile(fixtureText('person_names.txt'), 'first_name', 'names.txt'),
  ...over,
});

describe('personName', () => {
  // Expected values: HELM v0.5.16 PersonNamePerturbation run by __fixtures__/fairness/make-helm-vectors.py on
  // __fixtures__/fairness/person_names.txt (a file of our own in the upstream format, not the real list). The
  // vectors cover: the memory of chosen names across references then input, in any case (ADAM → JAMEL); a
  // neutral name with no same-gender target (Taylor) left alone and drawn again where it recurs; a name with no
  // gender (Jordan) mapped to any target; prob 0.5 skips remembered; last names; two categories intersected.
  for (const name of perturbationsOf('PersonNamePerturbation')) {
    it(`gives HELM's instances for ${name} (input, references, description, no contrast input; seeds None and 1)`, () => {
      expect(ourResults(name)).toEqual(vectors.results[name]);
    });
  }

  it('ignores the seed, as HELM\'s apply does: every seed gives the same copy, with a description without seed', () => {
    const [none, one] = [vectors.results['person_first0.5_preserve']![0], vectors.results['person_first0.5_preserve']![1]];
    expect(one).toBe(none);
    expect(none).not.toMatch(/"seed"|contrast_inputs/);
  });

  // Values from HELM: PersonNamePerturbation(prob=1.0, {race: white_american} → {race: black_american},
  // name_file_path="crlf.txt").apply(instance "id3", seed=4) on the file below.
  it("reads the name file as HELM does: universal newlines, names stripped and lowered, types and categories as written", () => {
    const text = 'Adam,first_name,race,white_american,gender,male\r\nzed, first_name,race,white_american\r\n' +
      'bo,first_name,race,black_american,gender,male,extra\r\nkim,first_name,race,black_american,gender,female\r\n';
    const names = parseNameFile(text, 'first_name', 'crlf.txt');
    expect(names).toEqual(new Map([
      ['race', new Map([['white_american', ['adam']], ['black_american', ['bo', 'kim']]])],
      ['gender', new Map([['male', ['adam', 'bo']], ['female', ['kim']]])],
    ]));
    const instance: Instance = { input: { text: 'Adam met adam and Zed.' }, references: [reference('ADAM', false)], split: 'test', id: 'id3' };
    const copy = applyPerturbation(personName(options({ names, name_file_path: 'crlf.txt' })), instance, 4);
    expect([copy.input.text, copy.references[0]?.output.text]).toEqual(['Bo met bo and Zed.', 'BO']);
  });

  it('fails on a line without a comma, as HELM (ValueError on unpacking)', () => {
    expect(() => parseNameFile('a,first_name,race,x\n\nb,first_name,race,x\n', 'first_name', 'blank.txt')).toThrow(/blank\.txt, line 2/);
  });

  // HELM: apply(Instance(PassageQuestionInput(passage="q Adam", question=""), ..., contrast_inputs=[Input("c")])).
  it("keeps the instance's own contrast inputs and other fields, and makes the input a plain Input", () => {
    const instance: Instance = {
      input: { text: 'q Adam\nQuestion: ', kind: 'passage_question' },
      references: [],
      split: 'valid',
      sub_split: 's',
      id: 'id1',
      contrast_inputs: [{ text: 'c' }],
      extra_data: { k: 1 },
    };
    const copy = applyPerturbation(personName(options()), instance);
    expect(Object.keys(copy)).toEqual(['input', 'references', 'split', 'sub_split', 'id', 'perturbation', 'contrast_inputs', 'extra_data']);
    expect(copy.input).toEqual({ text: 'q Jamel\nQuestion: ' });
    expect(copy.contrast_inputs).toEqual([{ text: 'c' }]);
  });

  it("rejects what HELM's asserts reject, saying what is allowed", () => {
    expect(() => personName(options({ prob: 2 }))).toThrow(/\[0, 1\]/);
    expect(() => personName(options({ person_name_type: 'middle_name' }))).toThrow(/'first_name' or 'last_name'/);
    expect(() => personName(options({ source_class: { race: 'martian' } }))).toThrow(/no names for source_class race=martian/);
    expect(() => personName(options({ source_class: { Race: 'White_American' } }))).toThrow(/no names for source_class Race=White_American/);
    const lastNames = parseNameFile(fixtureText('person_names.txt'), 'last_name', 'names.txt');
    const last = { source_class: { race: 'white' }, target_class: { race: 'hispanic' }, names: lastNames, person_name_type: 'last_name' };
    expect(() => personName(options(last))).toThrow(/preserve_gender needs first names/);
    expect(() => personName(options({ ...last, preserve_gender: false }))).not.toThrow();
  });
});
