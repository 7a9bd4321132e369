/**
 * @module A metric group's matchers against stats: `renderMatcher` fills a matcher's `${…}` templates from a run
 * group's environment (HELM's `MetricNameMatcher.substitute`, Mako), and `matcherMatches` says whether a stat is the
 * one a matcher asks for (HELM's `MetricNameMatcher.matches`).
 */
import { UserError } from '../../core/errors.ts';
import type { MetricNameMatcher } from './helm-schema-types.ts';

/** The part of a stat's MetricName that a matcher looks at (`core/metric-name.ts`'s MetricName is one). */
export interface MatchedStatName {
  readonly name: string;
  readonly split?: string;
  readonly sub_split?: string;
  readonly perturbation?: { readonly name: string; readonly computed_on?: string };
}

/** HELM's `PERTURBATION_WORST`: of a perturbed stat, only its worst-case version is ever shown. */
const WORST = 'worst';
/** The split that matches every split (HELM's `"__all__"`). */
export const ALL_SPLITS = '__all__';

/**
 * Whether `stat` is what `matcher` asks for, exactly as HELM decides: the name is equal; the split is equal unless the
 * matcher's is `__all__`; the sub-split is equal when the matcher gives one (none matches every sub-split); the
 * perturbation's name equals the matcher's (no perturbation on either side counts as equal); and a perturbed stat
 * matches only in its `computed_on: worst` version.
 * @example matcherMatches({ name: 'exact_match', split: 'test', perturbation_name: 'robustness' }, stat)
 */
export function matcherMatches(matcher: MetricNameMatcher, stat: MatchedStatName): boolean {
  if (matcher.name !== stat.name) return false;
  if (matcher.split !== ALL_SPLITS && matcher.split !== stat.split) return false;
  if (matcher.sub_split !== undefined && matcher.sub_split !== stat.sub_split) return false;
  if (matcher.perturbation_name !== stat.perturbation?.name) return false;
  if (stat.perturbation !== undefined && stat.perturbation.computed_on !== WORST) return false;
  return true;
}

// A Mako expression: everything from `${` to the first `}`. HELM's schemas only ever use a bare variable name.
const EXPRESSION = /\$\{([^}]*)\}/g;
const VARIABLE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** One template rendered: each `${name}` replaced by the environment's value. */
function render(template: string, environment: Readonly<Record<string, string>>, what: string, where: string): string {
  return template.replace(EXPRESSION, (whole, expression: string) => {
    const variable = VARIABLE.exec(expression)?.[1];
    if (variable === undefined) {
      throw new UserError(
        `The metric matcher ${what} '${template}'${where} uses the expression '${whole}'; only plain variables such as ` +
          '${main_name} are supported (HELM evaluates them as Python, with Mako).',
      );
    }
    const value = Object.hasOwn(environment, variable) ? environment[variable] : undefined;
    if (value === undefined) {
      // Mako (strict_undefined off) renders an undefined name as UNDEFINED, whose str() raises NameError: HELM stops.
      const defined = Object.keys(environment);
      throw new UserError(
        `The metric matcher ${what} '${template}'${where} needs the variable '${variable}', which the run group's ` +
          `environment does not define (${defined.length === 0 ? 'it has no environment' : `it defines: ${defined.join(', ')}`}). ` +
          `Add '${variable}' under the run group's 'environment:' or leave this metric group out of its metric_groups.`,
      );
    }
    return value;
  });
}

/**
 * A matcher with its templates filled from a run group's `environment`, as HELM's `substitute`: name, split and
 * perturbation_name are rendered, and the **sub_split is dropped** (HELM builds the new matcher without it; a table
 * for one sub-split sets it again afterwards). A variable the environment lacks is a `UserError` (HELM raises
 * NameError). `where` (e.g. " in run group 'mmlu'") is put into the message.
 * @example renderMatcher({ name: '${main_name}', split: '${main_split}' }, { main_name: 'exact_match', main_split: 'test' })
 */
export function renderMatcher(
  matcher: MetricNameMatcher,
  environment: Readonly<Record<string, string>>,
  where = '',
): MetricNameMatcher {
  const name = render(matcher.name, environment, 'name', where);
  const split = render(matcher.split, environment, 'split', where);
  if (matcher.perturbation_name === undefined) return { name, split };
  return { name, split, perturbation_name: render(matcher.perturbation_name, environment, 'perturbation_name', where) };
}
