/**
 * @module HELM's BLiMPScenario (`scenarios/blimp_scenario.py`): the Benchmark of Linguistic Minimal Pairs, one
 * JSONL file per paradigm (`{"sentence_good", "sentence_bad", …}`), read by phenomenon. HELM unzips BLiMP.zip
 * into `<cacheDir>/data` and reads `data/<paradigm>.jsonl` there (so `<cacheDir>/data/data/<paradigm>.jsonl`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import { reference, type RawInstance } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM's URL (no checksum there). */
const URL = 'https://github.com/alexwarstadt/blimp/blob/master/BLiMP.zip?raw=true';

/** HELM `phenomenon_to_paradigms`: the paradigms of each phenomenon, read in this order. */
export const BLIMP_PARADIGMS: Readonly<Record<string, readonly string[]>> = {
  island_effects: [
    'left_branch_island_simple_question',
    'sentential_subject_island',
    'wh_island',
    'coordinate_structure_constraint_object_extraction',
    'coordinate_structure_constraint_complex_left_branch',
    'adjunct_island',
    'complex_NP_island',
    'left_branch_island_echo_question',
  ],
  anaphor_agreement: ['anaphor_gender_agreement', 'anaphor_number_agreement'],
  argument_structure: [
    'animate_subject_passive',
    'animate_subject_trans',
    'transitive',
    'passive_1',
    'intransitive',
    'passive_2',
    'causative',
    'drop_argument',
    'inchoative',
  ],
  determiner_noun_agreement: [
    'determiner_noun_agreement_with_adj_irregular_2',
    'determiner_noun_agreement_1',
    'determiner_noun_agreement_with_adj_irregular_1',
    'determiner_noun_agreement_irregular_1',
    'determiner_noun_agreement_irregular_2',
    'determiner_noun_agreement_with_adjective_1',
    'determiner_noun_agreement_2',
    'determiner_noun_agreement_with_adj_2',
  ],
  subject_verb_agreement: [
    'distractor_agreement_relative_clause',
    'irregular_plural_subject_verb_agreement_2',
    'irregular_plural_subject_verb_agreement_1',
    'regular_plural_subject_verb_agreement_1',
    'distractor_agreement_relational_noun',
    'regular_plural_subject_verb_agreement_2',
  ],
  ellipsis: ['ellipsis_n_bar_1', 'ellipsis_n_bar_2'],
  control_raising: [
    'expletive_it_object_raising',
    'tough_vs_raising_1',
    'existential_there_subject_raising',
    'tough_vs_raising_2',
    'existential_there_object_raising',
  ],
  quantifiers: ['existential_there_quantifiers_1', 'superlative_quantifiers_1', 'superlative_quantifiers_2', 'existential_there_quantifiers_2'],
  irregular_forms: ['irregular_past_participle_verbs', 'irregular_past_participle_adjectives'],
  npi_licensing: [
    'sentential_negation_npi_licensor_present',
    'matrix_question_npi_licensor_present',
    'sentential_negation_npi_scope',
    'only_npi_licensor_present',
    'only_npi_scope',
    'npi_present_2',
    'npi_present_1',
  ],
  binding: [
    'principle_A_domain_2',
    'principle_A_domain_3',
    'principle_A_case_1',
    'principle_A_case_2',
    'principle_A_reconstruction',
    'principle_A_c_command',
    'principle_A_domain_1',
  ],
  filler_gap_dependency: [
    'wh_vs_that_with_gap',
    'wh_vs_that_no_gap',
    'wh_questions_object_gap',
    'wh_vs_that_no_gap_long_distance',
    'wh_questions_subject_gap',
    'wh_questions_subject_gap_long_distance',
    'wh_vs_that_with_gap_long_distance',
  ],
};

/** The paradigms of a phenomenon; an unknown one is a UserError (HELM: "Unsupported phenomenon") naming the known. */
export function blimpParadigms(phenomenon: unknown): readonly string[] {
  const known = Object.keys(BLIMP_PARADIGMS);
  if (typeof phenomenon === 'string' && Object.hasOwn(BLIMP_PARADIGMS, phenomenon)) return BLIMP_PARADIGMS[phenomenon]!;
  const close = typeof phenomenon === 'string' ? closeMatches(phenomenon, known) : [];
  throw new UserError(
    `Unsupported BLiMP phenomenon ${JSON.stringify(phenomenon)}.` +
      (close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '') +
      ` Phenomena: ${known.join(', ')}.`,
  );
}

function sentence(record: Readonly<Record<string, unknown>>, field: string, where: string): string {
  const text = record[field];
  if (typeof text !== 'string') throw new UserError(`${where}: expected a string field '${field}' (BLiMP's {"sentence_good", "sentence_bad", …}).`);
  return text;
}

async function* readBlimp(paradigms: readonly string[], cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  await ensureDownloaded({ url: URL, targetPath: dataPath, unpack: 'zip' }, downloadOptionsOf(context));
  for (const paradigm of paradigms) {
    const path = join(dataPath, 'data', `${paradigm}.jsonl`);
    if (!existsSync(path)) throw new UserError(`${path} is missing: HELM reads each paradigm's file at data/<paradigm>.jsonl under ${dataPath} (the unzipped ${URL}).`);
    for await (const { record, where } of readJsonLines(path)) {
      // An empty input; the good sentence is the correct reference, the bad one the other.
      const references = [reference(sentence(record, 'sentence_good', where), true), reference(sentence(record, 'sentence_bad', where), false)];
      yield { input: { text: '' }, references, split: 'test' };
    }
  }
}

/**
 * BLiMP: the minimal pairs of every paradigm of `phenomenon`, all in the test split.
 * @example for await (const instance of blimpSource.instances({ phenomenon: 'binding' }, 'benchmark_output/scenarios/blimp')) …
 */
export const blimpSource = defineScenario({
  className: 'helm.benchmark.scenarios.blimp_scenario.BLiMPScenario',
  metadata: scenarioMetadata('blimp_scenario', 'blimp', 'The Benchmark of Linguistic Minimal Pairs for English', [
    'linguistic_knowledge',
    'language_modeling',
    'minimal_pairs',
  ]),
  params: { required: ['phenomenon'], optional: [] },
  read(args, cacheDir, context) {
    const paradigms = blimpParadigms(args['phenomenon']);
    return () => readBlimp(paradigms, cacheDir, context);
  },
});
