/** @module HELM perturbation `class_name` → factory, for the PerturbationSpecs of a DataAugmenterSpec. */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import { isOrderedJsonObject } from '../../core/python-json.ts';
import type { PerturbationSpec } from '../../core/run-spec.ts';
import { preparedFiles, type PerturbationResources } from './perturbation-resources.ts';
import { contraction } from './perturbations/contraction.ts';
import { contrastSets } from './perturbations/contrast-sets.ts';
import { dialect, parseDialectMapping } from './perturbations/dialect.ts';
import { expansion } from './perturbations/expansion.ts';
import { extraSpace } from './perturbations/extra-space.ts';
import { fillerWords, type FillerWordsOptions } from './perturbations/filler-words.ts';
import { gender, parseGenderMapping } from './perturbations/gender.ts';
import type { Perturbation } from './perturbations/instance-perturbation.ts';
import { lowercase } from './perturbations/lowercase.ts';
import { mildMix } from './perturbations/mild-mix.ts';
import { misspellings } from './perturbations/misspellings.ts';
import { booleanArg, checkArgNames, intArg, numberArg } from './perturbations/perturbation-args.ts';
import { parseNameFile, personName } from './perturbations/person-name.ts';
import { space } from './perturbations/space.ts';
import { synonym } from './perturbations/synonym.ts';
import type { PerturbationArgs, TextPerturbation } from './perturbations/text-perturbation.ts';
import { typos } from './perturbations/typos.ts';

const A = 'helm.benchmark.augmentations';

/**
 * Builds a perturbation from its spec's args, checking them as Python's `cls(**args)` would. A perturbation
 * that reads files takes them from `resources` (see perturbation-resources.ts: RESOURCE_FILES says which).
 */
type PerturbationFactory = (args: PerturbationArgs, className: string, resources: PerturbationResources | undefined) => Perturbation;

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
  [`${A}.synonym_perturbation.SynonymPerturbation`]: (args, c, resources) => {
    checkArgNames(c, args, { required: ['prob'] });
    if (resources?.wordnet === undefined) {
      throw new UserError(`Perturbation SynonymPerturbation reads WordNet, which was not prepared: build the augmenter with prepareAugmenter(spec, outputPath, ensureFiles).`);
    }
    return synonym({ prob: numberArg(c, args, 'prob'), resources: resources.wordnet });
  },
  [`${A}.contrast_sets_perturbation.ContrastSetsPerturbation`]: (args, c) => {
    checkArgNames(c, args, { required: [] });
    return contrastSets();
  },
  // Fairness: these read files, prepared before the run (perturbation-resources.ts).
  [`${A}.dialect_perturbation.DialectPerturbation`]: (args, c, resources) => {
    checkArgNames(c, args, { required: ['prob', 'source_class', 'target_class'], optional: ['mapping_file_path'] });
    const [file] = preparedFiles(c, args, resources);
    return dialect({
      prob: numberArg(c, args, 'prob'),
      source_class: stringArg(c, args, 'source_class'),
      target_class: stringArg(c, args, 'target_class'),
      mapping_file_path: file!.path,
      mapping: parseDialectMapping(file!.text, file!.path),
    });
  },
  [`${A}.gender_perturbation.GenderPerturbation`]: (args, c, resources) => {
    const optional = ['mapping_file_path', 'mapping_file_genders', 'bidirectional'];
    checkArgNames(c, args, { required: ['mode', 'prob', 'source_class', 'target_class'], optional });
    const [file] = preparedFiles(c, args, resources); // only with both mapping_file_path and mapping_file_genders
    return gender({
      mode: stringArg(c, args, 'mode'),
      prob: numberArg(c, args, 'prob'),
      source_class: stringArg(c, args, 'source_class'),
      target_class: stringArg(c, args, 'target_class'),
      bidirectional: args['bidirectional'] === undefined ? false : booleanArg(c, args, 'bidirectional'),
      mapping: file && parseGenderMapping(file.text, file.path, stringListArg(c, args, 'mapping_file_genders')),
    });
  },
  [`${A}.person_name_perturbation.PersonNamePerturbation`]: (args, c, resources) => {
    const optional = ['name_file_path', 'person_name_type', 'preserve_gender'];
    checkArgNames(c, args, { required: ['prob', 'source_class', 'target_class'], optional });
    const [file] = preparedFiles(c, args, resources);
    const type = args['person_name_type'] === undefined ? 'first_name' : stringArg(c, args, 'person_name_type');
    return personName({
      prob: numberArg(c, args, 'prob'),
      source_class: classArg(c, args, 'source_class'),
      target_class: classArg(c, args, 'target_class'),
      name_file_path: file!.path,
      person_name_type: type,
      preserve_gender: args['preserve_gender'] === undefined ? true : booleanArg(c, args, 'preserve_gender'),
      names: parseNameFile(file!.text, type.toLowerCase(), file!.path),
    });
  },
} as const satisfies Record<string, PerturbationFactory>;

/** A HELM class_name we can build. */
export type PerturbationClassName = keyof typeof perturbations;

/** HELM perturbations not implemented yet, with what they would need. */
const NOT_YET_SUPPORTED: Readonly<Record<string, string>> = {
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
 * The perturbation a PerturbationSpec names (HELM `create_perturbation`), reading its files (if any) from
 * `resources`. Throws `UserError` for an unknown class_name, a HELM perturbation not supported yet, args
 * the class would reject, or files it needs that were not prepared.
 */
export function createPerturbation(spec: PerturbationSpec, resources?: PerturbationResources): Perturbation {
  const className = spec.class_name;
  if (isImplemented(className)) return perturbations[className](spec.args, className, resources);
  const needs = NOT_YET_SUPPORTED[className];
  if (needs !== undefined) {
    const short = className.split('.').at(-1);
    throw new UserError(`Perturbation ${short} (${className}) is not supported yet: it needs ${needs}.`);
  }
  throw new UserError(unknownNameMessage('perturbation class_name', className, Object.keys(perturbations)));
}

/** A string arg. */
function stringArg(perturbation: string, args: PerturbationArgs, key: string): string {
  const value = args[key];
  if (typeof value === 'string') return value;
  throw new UserError(`Perturbation ${perturbation}: '${key}' must be a string, got ${JSON.stringify(value)}.`);
}

/** A list-of-strings arg. */
function stringListArg(perturbation: string, args: PerturbationArgs, key: string): string[] {
  const value = args[key];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  throw new UserError(`Perturbation ${perturbation}: '${key}' must be a list of strings, got ${JSON.stringify(value)}.`);
}

/** A `{category: value}` arg of strings (PersonNamePerturbation's source_class / target_class). */
function classArg(perturbation: string, args: PerturbationArgs, key: string): Record<string, string> {
  const value = args[key];
  const entries = isOrderedJsonObject(value) ? value.entries : typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
  if (entries.length > 0 && entries.every((e): e is [string, string] => typeof e[1] === 'string')) return Object.fromEntries(entries);
  throw new UserError(`Perturbation ${perturbation}: '${key}' must be a non-empty {category: value} of strings, e.g. {"race": "white_american"}, got ${JSON.stringify(value)}.`);
}
