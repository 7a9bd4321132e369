/** @module A progress bar for one large download (model weights): megabytes done of total, speed, time left. */
import { SingleBar } from 'cli-progress';

/** What a download reports as bytes arrive; injected so tests pass a silent one. */
export interface DownloadProgress {
  /** Bytes received so far, of `total` when the server said (Content-Length). */
  update(transferred: number, total: number | undefined): void;
  stop(): void;
}

/** Reports nothing. */
export const silentDownloadProgress: DownloadProgress = { update: () => undefined, stop: () => undefined };

const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);

/**
 * A cli-progress bar on stderr, started at the first bytes. Off a terminal it prints a snapshot every 5 seconds
 * instead of redrawing.
 * @example const bar = downloadBar('gpt2.f16.gguf'); bar.update(1e6, 3.3e8); bar.stop();
 */
export function downloadBar(label: string, stream: NodeJS.WriteStream = process.stderr): DownloadProgress {
  let bar: SingleBar | undefined;
  let startedMs = 0;
  const payload = (transferred: number, total: number | undefined) => {
    const seconds = Math.max((performance.now() - startedMs) / 1000, 1e-3);
    return { done: megabytes(transferred), size: total === undefined ? '?' : megabytes(total), speed: megabytes(transferred / seconds) };
  };
  return {
    update(transferred, total) {
      if (bar === undefined) {
        startedMs = performance.now();
        bar = new SingleBar({
          stream,
          format: `${label} [{bar}] {percentage}% | {done} of {size} MB | {speed} MB/s | ETA {eta_formatted}`,
          noTTYOutput: true,
          notTTYSchedule: 5000,
          hideCursor: false,
          etaBuffer: 200,
          stopOnComplete: true, // the last snapshot before download.ts says "Finished downloading"
        });
        bar.start(total ?? 0, transferred, payload(transferred, total));
        return;
      }
      if (total !== undefined && total !== bar.getTotal()) bar.setTotal(total);
      bar.update(transferred, payload(transferred, total));
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
