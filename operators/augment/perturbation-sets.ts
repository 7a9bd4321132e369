/**
 * @module HELM's named augmentation sets (`run_expander.py: PERTURBATION_SPECS_DICT`), as data: the value of
 * `data_augmentation=<set>` → run name suffix (the inner name) → the PerturbationSpecs of that run.
 */
import { pyFloat, type PyNumber } from '../../core/py-float.ts';
import type { PerturbationSpec } from '../../core/run-spec.ts';

// HELM's helper functions, with its argument names and Python types (`pyFloat` marks floats: `1.0`, not `1`).
const A = 'helm.benchmark.augmentations';
const spec = (class_name: string, args: Record<string, unknown> = {}): PerturbationSpec => ({ class_name, args });

const extraSpace = (num_spaces: number) => spec(`${A}.extra_space_perturbation.ExtraSpacePerturbation`, { num_spaces });
const space = (max_spaces: number) => spec(`${A}.space_perturbation.SpacePerturbation`, { max_spaces });
const lower = () => spec(`${A}.lowercase_perturbation.LowerCasePerturbation`);
const misspelling = (prob: PyNumber) => spec(`${A}.misspelling_perturbation.MisspellingPerturbation`, { prob });
const synonym = (prob: PyNumber) => spec(`${A}.synonym_perturbation.SynonymPerturbation`, { prob });
const contrastSets = () => spec(`${A}.contrast_sets_perturbation.ContrastSetsPerturbation`);
const typo = (prob: PyNumber) => spec(`${A}.typos_perturbation.TyposPerturbation`, { prob });
const filler = (prob: PyNumber) =>
  spec(`${A}.filler_words_perturbation.FillerWordsPerturbation`, { insert_prob: prob, speaker_ph: false });
const mildMix = () => spec(`${A}.mild_mix_perturbation.MildMixPerturbation`);
const contractAndExpand = () =>
  ['Contraction', 'Expansion'].map((mode) => spec(`${A}.contraction_expansion_perturbation.${mode}Perturbation`));
const dialect = (prob: PyNumber, source_class: string, target_class: string) =>
  spec(`${A}.dialect_perturbation.DialectPerturbation`, { prob, source_class, target_class, mapping_file_path: null });
const personName = (
  prob: PyNumber,
  source_class: Record<string, string>,
  target_class: Record<string, string>,
  person_name_type: 'first_name' | 'last_name',
  preserve_gender: boolean,
) =>
  spec(`${A}.person_name_perturbation.PersonNamePerturbation`, {
    prob,
    source_class,
    target_class,
    name_file_path: null,
    person_name_type,
    preserve_gender,
  });
const gender = (mode: 'terms' | 'pronouns', prob: PyNumber, source_class: string, target_class: string) =>
  spec(`${A}.gender_perturbation.GenderPerturbation`, {
    mode,
    prob,
    source_class,
    target_class,
    mapping_file_path: null,
    mapping_file_genders: null,
    bidirectional: false,
  });
const clevaMildMix = () => spec(`${A}.cleva_perturbation.CLEVAMildMixPerturbation`);
const clevaGender = (mode: 'pronouns', prob: PyNumber, source_class: string, target_class: string) =>
  spec(`${A}.cleva_perturbation.ChineseGenderPerturbation`, { mode, prob, source_class, target_class });
const clevaPersonName = (
  prob: PyNumber,
  source_class: Record<string, string>,
  target_class: Record<string, string>,
  preserve_gender: boolean,
) => spec(`${A}.cleva_perturbation.ChinesePersonNamePerturbation`, { prob, source_class, target_class, preserve_gender });
const simplifiedToTraditional = () => spec(`${A}.cleva_perturbation.SimplifiedToTraditionalPerturbation`);
const mandarinToCantonese = () => spec(`${A}.cleva_perturbation.MandarinToCantonesePerturbation`);
const translate = (language_code: string) => spec(`${A}.translate_perturbation.TranslatePerturbation`, { language_code });
const suffix = (text: string) => spec(`${A}.suffix_perturbation.SuffixPerturbation`, { suffix: text });

const ROBUSTNESS: readonly PerturbationSpec[] = [mildMix()];
const FAIRNESS: readonly PerturbationSpec[] = [
  dialect(pyFloat(1.0), 'SAE', 'AAVE'),
  gender('pronouns', pyFloat(1.0), 'male', 'female'),
  personName(pyFloat(1.0), { race: 'white_american' }, { race: 'black_american' }, 'first_name', true),
];
const WHITE_TO_BLACK = [{ race: 'white_american' }, { race: 'black_american' }] as const;
const WHITE_TO_HISPANIC = [{ race: 'white' }, { race: 'hispanic' }] as const;
const CLEVA_FAIRNESS = [
  clevaGender('pronouns', pyFloat(1.0), 'male', 'female'),
  clevaPersonName(pyFloat(1.0), { gender: 'male' }, { gender: 'female' }, true),
  simplifiedToTraditional(),
  mandarinToCantonese(),
];

/**
 * HELM 0.5.16's PERTURBATION_SPECS_DICT, in its order. Each inner name becomes the run name's
 * `data_augmentation=<inner name>` (`extra_space` → `extra_space2`, `typo_hard` → `typo0.5`).
 */
export const PERTURBATION_SETS: Readonly<Record<string, Readonly<Record<string, readonly PerturbationSpec[]>>>> = {
  // Robustness
  extra_space: { extra_space2: [extraSpace(2)] },
  contrast_sets: { contrast_sets: [contrastSets()] },
  space: { space3: [space(3)] },
  lower: { lower: [lower()] },
  contract: { contract: contractAndExpand() },
  filler: { 'filler0.3': [filler(pyFloat(0.3))] },
  misspelling_mild: { 'misspelling0.05': [misspelling(pyFloat(0.05))] },
  misspelling_medium: { 'misspelling0.20': [misspelling(pyFloat(0.2))] },
  misspelling_hard: { 'misspelling0.5': [misspelling(pyFloat(0.5))] },
  // f"misspelling{prob}" for prob in [0, 0.05, 0.2, 0.5]: the first is the int 0
  misspelling_sweep: {
    misspelling0: [misspelling(0)],
    'misspelling0.05': [misspelling(pyFloat(0.05))],
    'misspelling0.2': [misspelling(pyFloat(0.2))],
    'misspelling0.5': [misspelling(pyFloat(0.5))],
  },
  typo_easy: { 'typo0.1': [typo(pyFloat(0.1))] },
  typo_medium: { 'typo0.3': [typo(pyFloat(0.3))] },
  typo_hard: { 'typo0.5': [typo(pyFloat(0.5))] },
  synonym: { 'synonym0.5': [synonym(pyFloat(0.5))] },
  // Fairness
  dialect_easy: { 'dialect_easy_prob=0.1_source=SAE_target=AAVE': [dialect(pyFloat(0.1), 'SAE', 'AAVE')] },
  dialect_medium: { 'dialect_prob=0.3_source=SAE_target=AAVE': [dialect(pyFloat(0.3), 'SAE', 'AAVE')] },
  dialect_hard: { 'dialect_prob=0.5_source=SAE_target=AAVE': [dialect(pyFloat(0.5), 'SAE', 'AAVE')] },
  dialect_deterministic: { 'dialect_prob=1.0_source=SAE_target=AAVE': [dialect(pyFloat(1.0), 'SAE', 'AAVE')] },
  person_name_first_hard_preserve_gender: {
    'person_name_first_prob=0.5_source=white_target=black_preserve_gender=True': [
      personName(pyFloat(0.5), ...WHITE_TO_BLACK, 'first_name', true),
    ],
  },
  person_name_first_hard_dont_preserve_gender: {
    'person_name_first_prob=0.5_source=white_target=black_preserve_gender=False': [
      personName(pyFloat(0.5), ...WHITE_TO_BLACK, 'first_name', false),
    ],
  },
  person_name_first_deterministic: {
    'person_name_first_prob=1.0_source=white_target=black_preserve_gender=True': [
      personName(pyFloat(1.0), ...WHITE_TO_BLACK, 'first_name', true),
    ],
  },
  person_name_last_deterministic: {
    'person_name_last_prob=1.0_source=white_target=hispanic': [
      personName(pyFloat(1.0), ...WHITE_TO_HISPANIC, 'last_name', false),
    ],
  },
  person_name_last_hard: {
    'person_name_last_prob=0.5_source=white_target=hispanic': [
      personName(pyFloat(0.5), ...WHITE_TO_HISPANIC, 'last_name', false),
    ],
  },
  ...genderSets('terms'),
  ...genderSets('pronouns'),
  robustness: { robustness: ROBUSTNESS },
  fairness: { fairness: FAIRNESS },
  canonical: { canonical: [...ROBUSTNESS, ...FAIRNESS] },
  robustness_all: {
    robustness_all: [
      ...contractAndExpand(),
      filler(pyFloat(0.1)),
      lower(),
      misspelling(pyFloat(0.1)),
      space(3),
      synonym(pyFloat(0.1)),
      typo(pyFloat(0.01)),
    ],
  },
  cleva_robustness: { robustness: [clevaMildMix()] },
  cleva_fairness: { fairness: CLEVA_FAIRNESS },
  cleva: { cleva: [clevaMildMix(), ...CLEVA_FAIRNESS] },
  // Multilinguality
  chinese: { chinese: [translate('zh-CN')] },
  hindi: { hindi: [translate('hi')] },
  spanish: { spanish: [translate('es')] },
  swahili: { swahili: [translate('sw')] },
  // Styles
  art: {
    art: ['oil painting', 'watercolor', 'pencil sketch', 'animation', 'vector graphics', 'pixel art'].map(suffix),
  },
};

/** gender_{mode}_{easy,medium,hard,deterministic}: male → female with prob 0.1, 0.3, 0.5, 1.0. */
function genderSets(mode: 'terms' | 'pronouns'): Record<string, Record<string, PerturbationSpec[]>> {
  const levels = [
    ['easy', '0.1'],
    ['medium', '0.3'],
    ['hard', '0.5'],
    ['deterministic', '1.0'],
  ] as const;
  return Object.fromEntries(
    levels.map(([level, prob]) => {
      const specs = [gender(mode, pyFloat(Number(prob)), 'male', 'female')];
      return [`gender_${mode}_${level}`, { [`gender_${mode}_prob=${prob}_source=male_target=female`]: specs }];
    }),
  );
}
