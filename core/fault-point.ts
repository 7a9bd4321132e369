/**
 * @module Named moments of a run where the crash tests stop a real helm-run process: with `HELM_PAUSE_AT=<name>`
 * in its environment, the process prints `paused at <name>` on stderr when it reaches that moment and waits there
 * (for the test's `kill -9`). Without the variable a fault point costs one comparison.
 */

/** The moments a test can pause at, in the order a rerun passes them. */
export type FaultPoint =
  | 'run-locked'
  | 'run-withdrawn'
  | 'run-files-renamed'
  | 'run-spec-written'
  | 'store-moved'
  | 'store-published';

/** Waits forever (keeping the process alive) when `HELM_PAUSE_AT` names `point`; else returns at once. */
export async function faultPoint(point: FaultPoint): Promise<void> {
  if (process.env['HELM_PAUSE_AT'] !== point) return;
  process.stderr.write(`paused at ${point}\n`);
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
