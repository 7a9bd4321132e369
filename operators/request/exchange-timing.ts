/**
 * @module The time a request spent on the wire: from the moment its HTTP request is sent to the moment its response
 * is whole, as the HTTP layer sees them (`keep-alive-fetch.ts` marks both), rather than around the whole client call.
 * HELM's `request_time` wraps its client call, whose Python overhead is a millisecond or two; around ours it would
 * also take in the SDK's first-call warm-up (tens of milliseconds at a run's start) and the run's own work
 * meanwhile, enough to rank a 10 ms model behind a 20 ms one in HELM's efficiency tables.
 * The marks travel with the request through AsyncLocalStorage, so clients and the SDK are unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One attempt's marks (milliseconds, `performance.now()`); the last HTTP exchange of the attempt wins. */
export interface ExchangeTiming {
  sentAt?: number;
  receivedAt?: number;
}

const current = new AsyncLocalStorage<ExchangeTiming>();

/** Runs `work` (a client's call) with `timing` receiving the marks of the HTTP exchanges it makes. */
export const withExchangeTiming = <T>(timing: ExchangeTiming, work: () => T): T => current.run(timing, work);

/** Marks the start of an HTTP exchange (the request about to be sent). */
export function markSent(): void {
  const timing = current.getStore();
  if (timing === undefined) return;
  timing.sentAt = performance.now();
  delete timing.receivedAt;
}

/** Marks the end of an HTTP exchange (the response's body whole). */
export function markReceived(): void {
  const timing = current.getStore();
  if (timing !== undefined) timing.receivedAt = performance.now();
}

/** The exchange's seconds, when both marks were made; else undefined (a client without HTTP, or an in-process model). */
export const exchangeSeconds = (timing: ExchangeTiming): number | undefined =>
  timing.sentAt === undefined || timing.receivedAt === undefined ? undefined : (timing.receivedAt - timing.sentAt) / 1000;
