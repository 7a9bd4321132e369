/** @module The run-spec functions a description can name, keyed by HELM's exact names. */
import { babiQa } from './babi-qa.ts';
import { boolq } from './boolq.ts';
import { civilComments } from './civil-comments.ts';
import { commonsense } from './commonsense.ts';
import { interactiveQaMmlu } from './interactive-qa-mmlu.ts';
import { lsatQa } from './lsat-qa.ts';
import { truthfulQa } from './truthful-qa.ts';
import { code } from './code.ts';
import { gsm } from './gsm.ts';
import { math } from './math.ts';
import { imdb } from './imdb.ts';
import { mmlu } from './mmlu.ts';
import { raft } from './raft.ts';
import { narrativeQa } from './narrative-qa.ts';
import { naturalQa } from './natural-qa.ts';
import { newsQa } from './news-qa.ts';
import { quac } from './quac.ts';
import type { RunSpecFunction } from './run-spec-function.ts';
import { simpleMcqa } from './simple-mcqa.ts';
import { dyckLanguage } from './dyck-language.ts';
import { syntheticEfficiency } from './synthetic-efficiency.ts';
import { syntheticReasoningNatural } from './synthetic-reasoning-natural.ts';
import { syntheticReasoning } from './synthetic-reasoning.ts';
import { thePile } from './the-pile.ts';
import { bbq } from './bbq.ts';
import { blimp } from './blimp.ts';
import { legalSupport } from './legal-support.ts';
import { pubmedQa } from './pubmed-qa.ts';
import { medQa } from './med-qa.ts';
import { bigBench } from './big-bench.ts';
import { empatheticdialogues } from './empatheticdialogues.ts';
import { entityDataImputation } from './entity-data-imputation.ts';
import { entityMatching } from './entity-matching.ts';
import { wikifact } from './wikifact.ts';
import { twitterAae } from './twitter-aae.ts';
import { wikitext103 } from './wikitext-103.ts';
import { ice } from './ice.ts';
import { realToxicityPrompts } from './real-toxicity-prompts.ts';
import { bold } from './bold.ts';
import { summarizationCnndm, summarizationXsum, summarizationXsumSampled } from './summarization.ts';
import { copyright } from './copyright.ts';
import { disinformation } from './disinformation.ts';
import { msmarco } from './msmarco.ts';

export const RUN_SPEC_FUNCTIONS = {
  babi_qa: babiQa,
  boolq,
  civil_comments: civilComments,
  code,
  gsm,
  math,
  imdb,
  mmlu,
  raft,
  simple_mcqa: simpleMcqa,
  the_pile: thePile,
  natural_qa: naturalQa,
  narrative_qa: narrativeQa,
  quac,
  news_qa: newsQa,
  dyck_language: dyckLanguage,
  synthetic_efficiency: syntheticEfficiency,
  synthetic_reasoning: syntheticReasoning,
  synthetic_reasoning_natural: syntheticReasoningNatural,
  commonsense,
  truthful_qa: truthfulQa,
  lsat_qa: lsatQa,
  interactive_qa_mmlu: interactiveQaMmlu,
  pubmed_qa: pubmedQa,
  med_qa: medQa,
  legal_support: legalSupport,
  bbq,
  blimp,
  wikifact,
  entity_matching: entityMatching,
  entity_data_imputation: entityDataImputation,
  empatheticdialogues,
  big_bench: bigBench,
  twitter_aae: twitterAae,
  wikitext_103: wikitext103,
  ice,
  real_toxicity_prompts: realToxicityPrompts,
  bold,
  copyright,
  disinformation,
  msmarco,
  summarization_xsum: summarizationXsum,
  summarization_xsum_sampled: summarizationXsumSampled,
  summarization_cnndm: summarizationCnndm,
} as const satisfies Record<string, RunSpecFunction>;

/** A run-spec function name. */
export type RunSpecName = keyof typeof RUN_SPEC_FUNCTIONS;

/** Whether `name` is a known run-spec function (own keys only). */
export const isRunSpecName = (name: string): name is RunSpecName => Object.hasOwn(RUN_SPEC_FUNCTIONS, name);
