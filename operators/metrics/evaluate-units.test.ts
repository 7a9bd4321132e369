import { lastValueFrom, of, Subject, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { PerInstanceStats } from '../../core/per-instance-stats.ts';
import type { CompletedRequest } from '../../core/request.ts';
import type { UnitStates } from '../flow/unit.ts';
import { goldenPerInstanceStats, goldenRunSpec, goldenStates, goldenStats, simpleWindowService } from './__fixtures__/golden.ts';
import { createMetricEvaluator, type MetricEvaluator } from './evaluate.ts';
import { evaluateUnits } from './evaluate-units.ts';

/** An evaluator that logs its calls; each unit's "stats" are one entry per metric naming the unit's first instance. */
function loggingEvaluator(log: string[]): MetricEvaluator {
  return {
    evaluateGroup: (trial, states) => {
      log.push(`group ${trial} ${states.map((s) => s.instance.id).join('+')}`);
      return [[{ instance_id: states[0]?.instance.id ?? '', train_trial_index: trial, stats: [] } as unknown as PerInstanceStats]];
    },
    endTrial: (trial) => void log.push(`end ${trial}`),
    finish: () => [],
  };
}

const state = (id: string): CompletedRequest => ({ ...goldenStates()[0]!, instance: { ...goldenStates()[0]!.instance, id } });
const unit = (seq: number, trial: number, ...ids: string[]): UnitStates<CompletedRequest> => ({ seq, trial, states: ids.map(state) });

describe('evaluateUnits', () => {
  it('evaluates each unit as it comes, ends a trial when the next one starts, and the last at completion', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ cold, expectObservable, flush }) => {
      const log: string[] = [];
      const units = { a: unit(0, 0, 'id1', 'id1'), b: unit(1, 0, 'id2'), c: unit(2, 1, 'id1') };
      const entry = (u: UnitStates<CompletedRequest>) => ({
        ...u,
        perMetric: [[{ instance_id: u.states[0]!.instance.id, train_trial_index: u.trial, stats: [] }]],
      });
      expectObservable(cold('-a-b-c-|', units).pipe(evaluateUnits(loggingEvaluator(log)))).toBe('-a-b-c-|', {
        a: entry(units.a),
        b: entry(units.b),
        c: entry(units.c),
      });
      flush();
      expect(log).toEqual(['group 0 id1+id1', 'group 0 id2', 'end 0', 'group 1 id1', 'end 1']);
    });
  });

  it('ends no trial when unsubscribed before completion (an abort), nor for no units', () => {
    const log: string[] = [];
    const units$ = new Subject<UnitStates<CompletedRequest>>();
    const subscription = units$.pipe(evaluateUnits(loggingEvaluator(log))).subscribe();
    units$.next(unit(0, 0, 'id1'));
    subscription.unsubscribe();
    of<UnitStates<CompletedRequest>>().pipe(evaluateUnits(loggingEvaluator(log))).subscribe();
    expect(log).toEqual(['group 0 id1']);
  });

  it('keeps each subscription’s trial apart', async () => {
    const log: string[] = [];
    const evaluate = evaluateUnits(loggingEvaluator(log));
    await lastValueFrom(of(unit(0, 3, 'id1')).pipe(evaluate));
    await lastValueFrom(of(unit(0, 4, 'id1')).pipe(evaluate));
    expect(log).toEqual(['group 3 id1', 'end 3', 'group 4 id1', 'end 4']);
  });

  it('reproduces the golden MMLU run’s per-instance stats and, after finish(), its stats.json', async () => {
    const { adapterSpec, metricSpecs } = goldenRunSpec();
    const evaluator = createMetricEvaluator({ metricSpecs, adapterSpec, windowService: simpleWindowService, isDryRun: false });
    const units = goldenStates().map((s, seq) => ({ seq, trial: 0, states: [s] }));
    const out = await lastValueFrom(of(...units).pipe(evaluateUnits(evaluator), toArray()));
    // HELM writes metric after metric: all of the first metric's entries, then the second's, …
    const perInstance = metricSpecs.flatMap((_, m) => out.flatMap((u) => u.perMetric[m]!));
    const expected = goldenPerInstanceStats() as { instance_id: string; stats: unknown[] }[];
    expect(perInstance.map((e) => e.instance_id)).toEqual(expected.map((e) => e.instance_id));
    perInstance.forEach((entry, i) => expect(entry.stats.map((s) => s.toJson())).toEqual(expected[i]!.stats));
    expect(evaluator.finish().map((s) => s.toJson())).toEqual(goldenStats());
  });
});
