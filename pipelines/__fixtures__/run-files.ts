/** Helpers of the end-to-end tests that compare run files: HELM JSON with its timing fields taken out. */
import { readFileSync } from 'node:fs';
import { helmJson } from '../../core/helm-json.ts';
import { parsePythonJson } from '../../core/python-json.ts';

const TIMING_STATS = new Set(['inference_runtime']);

/**
 * A run file with its timing fields (request_time, request_datetime, cached, the inference_runtime stats) removed,
 * re-serialized exactly (ints stay ints, floats floats).
 */
export function withoutTiming(path: string): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value
        .filter((v) => !(v !== null && typeof v === 'object' && TIMING_STATS.has((v as { name?: { name?: string } }).name?.name ?? '')))
        .map(strip);
    }
    if (value !== null && typeof value === 'object' && value.constructor === Object) {
      const { request_time: _t, request_datetime: _d, cached: _c, ...rest } = value as Record<string, unknown>;
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, strip(v)]));
    }
    return value;
  };
  return helmJson(strip(parsePythonJson(readFileSync(path, 'utf8'))));
}
