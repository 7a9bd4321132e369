/** @module `/config.js`, as HELM's server writes it (plus ours: where the API is, or null in a static export). */
import type { ServeTarget } from './serve-options.ts';

export function configJs(target: ServeTarget, project: string, api: 'api' | null): string {
  const line = (name: string, value: string | null) => `window.${name} = ${JSON.stringify(value)};\n`;
  return (
    line('BENCHMARK_OUTPUT_BASE_URL', 'benchmark_output') +
    line(target.kind === 'suite' ? 'SUITE' : 'RELEASE', target.name) +
    line('PROJECT_ID', project) +
    line('HELM_STREAM_API', api)
  );
}
