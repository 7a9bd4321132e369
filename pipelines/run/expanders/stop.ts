/**
 * @module Stop sequences: `stop=none|hash|semicolon|br` replaces them (and, except for `none`, makes the
 * stop string plus a blank line the separator between examples); `add_to_stop=<s>` appends one.
 */
import {
  appendArgWithComma,
  lookup,
  requireString,
  unknownValueError,
  withAdapter,
  type ExpanderFactory,
  type RunExpander,
} from './expander.ts';

const STOPS: Readonly<Record<string, string | null>> = { none: null, hash: '###', semicolon: ';', br: '<br>' };

/** The StopRunExpander for a known value; used by `stop=` and for models tagged NO_NEWLINES_TAG. */
export function stopSequence(value: 'none' | 'hash' | 'semicolon' | 'br'): RunExpander {
  const stop = STOPS[value] ?? null;
  return function stopSequence(runSpec) {
    const renamed = appendArgWithComma(runSpec, 'stop', value);
    if (stop === null) return [withAdapter(renamed, { stop_sequences: [] })];
    return [withAdapter(renamed, { instance_prefix: `${stop}\n\n`, stop_sequences: [stop] })];
  };
}

/** `stop=<none|hash|semicolon|br>` (StopRunExpander); renamed `,stop=<value>`. */
export const stopExpander: ExpanderFactory = (value) => {
  if (lookup(STOPS, value) === undefined) {
    throw unknownValueError('stop', value, Object.keys(STOPS));
  }
  return stopSequence(value as 'none' | 'hash' | 'semicolon' | 'br');
};

/** `add_to_stop=newline|<text>` (AddToStopRunExpander): appends `\n` or the text; the name does not change. */
export const addToStopExpander: ExpanderFactory = (value) => {
  const text = requireString('add_to_stop', value);
  const stop = text === 'newline' ? '\n' : text;
  return function addToStop(runSpec) {
    return [withAdapter(runSpec, { stop_sequences: [...runSpec.adapter_spec.stop_sequences, stop] })];
  };
};
