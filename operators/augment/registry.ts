/** @module HELM perturbation `class_name` → factory, for the PerturbationSpecs of a DataAugmenterSpec. */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import type { PerturbationSpec } from '../../core/run-spec.ts';
import { contraction } from './perturbations/contraction.ts';
import { expansion } from './perturbations/expansion.ts';
import { extraSpace } from './perturbations/extra-space.ts';
import { fillerWords, type FillerWordsOptions } from './perturbations/filler-words.ts';
import { lowercase } from './perturbations/lowercase.ts';
import { mildMix } from './perturbations/mild-mix.ts';
import { misspellings } from './perturbations/misspellings.ts';
import { booleanArg, checkArgNames, intArg, numberArg } from './perturbations/perturbation-args.ts';
import { space } from './perturbations/space.ts';
import type { PerturbationArgs, TextPerturbation } from './perturbations/text-perturbation.ts';
import { typos } from './perturbations/typos.ts';

const A = 'helm.benchmark.augmentations';

/** Builds a perturbation from its spec's args, checking them as Python's `cls(**args)` would. */
type PerturbationFactory = (args: PerturbationArgs, className: string) => TextPerturbation;

const noArgs =
  (make: () => TextPerturbation): PerturbationFactory =>
  (args, className) => {
    checkArgNames(className, args, { required: [] });
    return make();
  };

/** The implemented perturbations, keyed by HELM's class_name (written as data, never imported). */
export const perturbations = {
  [`${A}.extra_space_perturbation.ExtraSpacePerturbation`]: (args, c) => {
    checkArgNames(c, args, { required: ['num_spaces'] });
    return extraSpace({ num_spaces: intArg(c, args, 'num_spaces') });
  },
  [`${A}.space_perturbation.SpacePerturbation`]: (args, c) => {
    checkArgNames(c, args, { required: ['max_spaces'] });
    return space({ max_spaces: intArg(c, args, 'max_spaces') });
  },
  [`${A}.lowercase_perturbation.LowerCasePerturbation`]: noArgs(lowercase),
  [`${A}.contraction_expansion_perturbation.ContractionPerturbation`]: noArgs(contraction),
  [`${A}.contraction_expansion_perturbation.ExpansionPerturbation`]: noArgs(expansion),
  [`${A}.misspelling_perturbation.MisspellingPerturbation`]: (args, c) => {
    checkArgNames(c, args, { required: ['prob'] });
    return misspellings({ prob: numberArg(c, args, 'prob') });
  },
  [`${A}.typos_perturbation.TyposPerturbation`]: (args, c) => {
    checkArgNames(c, args, { required: ['prob'] });
    return typos({ prob: numberArg(c, args, 'prob') });
  },
  [`${A}.filler_words_perturbation.FillerWordsPerturbation`]: (args, c) => {
    const flags = ['speaker_ph', 'uncertain_ph', 'fill_ph'] as const;
    checkArgNames(c, args, { required: [], optional: ['insert_prob', 'max_num_insert', ...flags] });
    const options: { -readonly [K in keyof FillerWordsOptions]: FillerWordsOptions[K] } = {};
    if (args['insert_prob'] !== undefined) options.insert_prob = numberArg(c, args, 'insert_prob');
    if (args['max_num_insert'] !== undefined && args['max_num_insert'] !== null) {
      options.max_num_insert = intArg(c, args, 'max_num_insert');
    }
    for (const flag of flags) if (args[flag] !== undefined) options[flag] = booleanArg(c, args, flag);
    return fillerWords(options);
  },
  [`${A}.mild_mix_perturbation.MildMixPerturbation`]: noArgs(mildMix),
} as const satisfies Record<string, PerturbationFactory>;

/** A HELM class_name we can build. */
export type PerturbationClassName = keyof typeof perturbations;

/** HELM perturbations not implemented yet, with what they would need. */
const NOT_YET_SUPPORTED: Readonly<Record<string, string>> = {
  [`${A}.dialect_perturbation.DialectPerturbation`]: 'a downloaded SAE→AAVE word mapping',
  [`${A}.gender_perturbation.GenderPerturbation`]: 'its gender word tables',
  [`${A}.person_name_perturbation.PersonNamePerturbation`]: 'a downloaded person-name list',
  [`${A}.synonym_perturbation.SynonymPerturbation`]: 'spaCy tagging and a downloaded WordNet synonym file',
  [`${A}.contrast_sets_perturbation.ContrastSetsPerturbation`]: "the scenario's contrast sets",
  [`${A}.translate_perturbation.TranslatePerturbation`]: 'the Google Translate API',
  [`${A}.suffix_perturbation.SuffixPerturbation`]: 'an implementation (HEIM style suffixes)',
  [`${A}.cleva_perturbation.CLEVAMildMixPerturbation`]: 'Chinese resources (CLEVA)',
  [`${A}.cleva_perturbation.ChineseGenderPerturbation`]: 'Chinese resources (CLEVA)',
  [`${A}.cleva_perturbation.ChinesePersonNamePerturbation`]: 'Chinese resources (CLEVA)',
  [`${A}.cleva_perturbation.SimplifiedToTraditionalPerturbation`]: 'Chinese resources (CLEVA)',
  [`${A}.cleva_perturbation.MandarinToCantonesePerturbation`]: 'Chinese resources (CLEVA)',
  [`${A}.cleva_perturbation.ChineseTyposPerturbation`]: 'Chinese resources (CLEVA)',
  [`${A}.cleva_perturbation.ChineseSynonymPerturbation`]: 'Chinese resources (CLEVA)',
};

const isImplemented = (name: string): name is PerturbationClassName => Object.hasOwn(perturbations, name);

/**
 * The perturbation a PerturbationSpec names (HELM `create_perturbation`). Throws `UserError` for an
 * unknown class_name, a HELM perturbation not supported yet, or args the class would reject.
 */
export function createPerturbation(spec: PerturbationSpec): TextPerturbation {
  const className = spec.class_name;
  if (isImplemented(className)) return perturbations[className](spec.args, className);
  const needs = NOT_YET_SUPPORTED[className];
  if (needs !== undefined) {
    const short = className.split('.').at(-1);
    throw new UserError(`Perturbation ${short} (${className}) is not supported yet: it needs ${needs}.`);
  }
  throw new UserError(unknownNameMessage('perturbation class_name', className, Object.keys(perturbations)));
}
