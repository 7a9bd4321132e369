/** @module The run's progress bar: instances done of total, throughput, cache hits and failures. */
import { SingleBar } from 'cli-progress';

/** What the run graph reports as it goes; injected so tests and `--quiet` can pass a silent one. */
export interface ProgressReporter {
  start(runName: string, totalUnits: number): void;
  requestDone(outcome: { cached: boolean; failed: boolean }): void;
  unitDone(): void;
  stop(): void;
}

/** Reports nothing. */
export const silentProgress: ProgressReporter = {
  start: () => undefined,
  requestDone: () => undefined,
  unitDone: () => undefined,
  stop: () => undefined,
};

/**
 * A cli-progress bar on stderr. Off a terminal it prints a snapshot every few seconds instead of redrawing.
 * @example const progress = barProgress(); progress.start(name, total)
 */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  let bar: SingleBar | undefined;
  let requests = 0;
  let cacheHits = 0;
  let failures = 0;
  let startedMs = 0;
  const payload = () => {
    const seconds = Math.max((performance.now() - startedMs) / 1000, 1e-3);
    return { rate: (requests / seconds).toFixed(1), hits: cacheHits, failures };
  };
  return {
    start(runName, totalUnits) {
      requests = cacheHits = failures = 0;
      startedMs = performance.now();
      bar = new SingleBar({
        stream,
        format: `${runName} [{bar}] {value}/{total} instances | {rate} req/s | cache hits {hits} | failures {failures} | {duration_formatted}`,
        noTTYOutput: true,
        notTTYSchedule: 5000,
        hideCursor: false,
        etaBuffer: 50,
      });
      bar.start(totalUnits, 0, payload());
    },
    requestDone(outcome) {
      requests += 1;
      if (outcome.cached) cacheHits += 1;
      if (outcome.failed) failures += 1;
    },
    unitDone() {
      bar?.increment(1, payload());
    },
    stop() {
      bar?.update(payload());
      bar?.stop();
      bar = undefined;
    },
  };
}
