/** @module `eval_split=test|valid` (EvalSplitRunExpander): evaluate on one split only; renamed by the "c/:" rule. */
import { appendArg, unknownValueError, withAdapter, type ExpanderFactory } from './expander.ts';

export const evalSplitExpander: ExpanderFactory = (value) => {
  if (value !== 'test' && value !== 'valid') throw unknownValueError('eval_split', value, ['test', 'valid']);
  return function evalSplit(runSpec) {
    return [withAdapter(appendArg(runSpec, 'eval_split', value), { eval_splits: [value] })];
  };
};
