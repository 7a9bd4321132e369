/** @module Scenario sources by the `scenario_spec.class_name` HELM writes in run_spec.json. */
import { editDistance, UserError } from '../../core/errors.ts';
import type { ScenarioSource } from '../scenario-source.ts';
import { babiQaSource } from './babi-qa.ts';
import { boolqSource } from './boolq.ts';
import { civilCommentsSource } from './civil-comments.ts';
import { commonsenseqaSource } from './commonsenseqa.ts';
import { hellaswagSource } from './hellaswag.ts';
import { interactiveQaMmluSource } from './interactive-qa-mmlu.ts';
import { lsatQaSource } from './lsat-qa.ts';
import { openbookqaSource } from './openbookqa.ts';
import { piqaSource } from './piqa.ts';
import { siqaSource } from './siqa.ts';
import { truthfulQaSource } from './truthful-qa.ts';
import { codeSource } from './code.ts';
import { gsmSource } from './gsm.ts';
import { mathSource } from './math.ts';
import { imdbSource } from './imdb.ts';
import { mmluSource } from './mmlu.ts';
import { raftSource } from './raft.ts';
import { narrativeQaSource } from './narrative-qa.ts';
import { naturalQaSource } from './natural-qa.ts';
import { newsQaSource } from './news-qa.ts';
import { quacSource } from './quac.ts';
import { simpleMcqaSource } from './simple-mcqa.ts';
import { dyckLanguageSource } from './dyck-language.ts';
import { syntheticEfficiencySource } from './synthetic-efficiency.ts';
import { syntheticReasoningNaturalSource } from './synthetic-reasoning-natural.ts';
import { syntheticReasoningSource } from './synthetic-reasoning.ts';
import { thePileSource } from './the-pile.ts';
import { bbqSource } from './bbq.ts';
import { blimpSource } from './blimp.ts';
import { legalSupportSource } from './legal-support.ts';
import { pubmedQaSource } from './pubmed-qa.ts';
import { medQaSource } from './med-qa.ts';
import { bigBenchSource } from './big-bench.ts';
import { empatheticDialoguesSource } from './empatheticdialogues.ts';
import { entityDataImputationSource } from './entity-data-imputation.ts';
import { entityMatchingSource } from './entity-matching.ts';
import { wikifactSource } from './wikifact.ts';
import { twitterAaeSource } from './twitter-aae.ts';
import { wikitext103Source } from './wikitext-103.ts';
import { iceSource } from './ice.ts';
import { realToxicityPromptsSource } from './real-toxicity-prompts.ts';
import { boldSource } from './bold.ts';
import { summarizationSource } from './summarization.ts';
import { copyrightSource } from './copyright.ts';
import { disinformationSource } from './disinformation.ts';
import { msmarcoSource } from './msmarco.ts';

/** Every scenario we can read: one line each (its class name is written once, in its own file). */
const SOURCES = [mmluSource, simpleMcqaSource, boolqSource, gsmSource, thePileSource, imdbSource, syntheticReasoningSource, syntheticReasoningNaturalSource, dyckLanguageSource, syntheticEfficiencySource, naturalQaSource, narrativeQaSource, quacSource, newsQaSource, babiQaSource, hellaswagSource, openbookqaSource, commonsenseqaSource, piqaSource, siqaSource, truthfulQaSource, lsatQaSource, interactiveQaMmluSource, pubmedQaSource, medQaSource, legalSupportSource, bbqSource, blimpSource, wikifactSource, entityMatchingSource, entityDataImputationSource, empatheticDialoguesSource, bigBenchSource, civilCommentsSource, raftSource, realToxicityPromptsSource, boldSource, mathSource, twitterAaeSource, wikitext103Source, iceSource, codeSource, summarizationSource, copyrightSource, disinformationSource, msmarcoSource] as const;

/** A HELM scenario class name we have a source for. */
export type ScenarioClassName = (typeof SOURCES)[number]['className'];

/** The sources by HELM's class name. */
export const scenarioSources: ReadonlyMap<string, ScenarioSource<ScenarioClassName>> = new Map(SOURCES.map((source) => [source.className, source]));

/**
 * Whether a typed name is close to a class: the whole dotted name within a few edits, or the class alone
 * ("BoolQScenario") or the scenario's name ("boolq"), which is what a user remembers.
 */
function isCloseTo(typed: string, className: ScenarioClassName): boolean {
  const lower = typed.toLowerCase();
  const typedClass = lower.slice(lower.lastIndexOf('.') + 1);
  const shortClass = className.slice(className.lastIndexOf('.') + 1).toLowerCase();
  return (
    editDistance(lower, className.toLowerCase()) <= 3 ||
    editDistance(typedClass, shortClass) <= Math.max(2, Math.floor(shortClass.length / 4)) ||
    editDistance(typedClass, scenarioSources.get(className)!.metadata.name) <= 2
  );
}

/** The source of a scenario class; an unknown one is a UserError naming the closest known classes. */
export function scenarioSourceFor(className: string): ScenarioSource {
  const source = scenarioSources.get(className);
  if (source !== undefined) return source;
  const known = [...scenarioSources.keys()] as ScenarioClassName[];
  const close = known.filter((name) => isCloseTo(className, name));
  throw new UserError(
    `Unknown scenario class '${className}'.` +
      (close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '') +
      ` Scenario classes this project can read: ${[...known].sort().join(', ')}.`,
  );
}
