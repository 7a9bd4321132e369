/**
 * @module What a failed dataset download means: whether the host is unreachable (not worth a retry), and what
 * the user is told, for every file that could not be fetched at once: its URL and the path to place it at by
 * hand (with its checksum and how to unpack it).
 */
import { basename } from 'node:path';
import { HTTPError, RequestError, TimeoutError } from 'got';
import type { DownloadSpec } from './download.ts';

/** One file that could not be downloaded, and why. */
export interface DownloadFailure {
  readonly spec: DownloadSpec;
  readonly error: unknown;
}

/** DNS failures: the host name does not resolve (no network, no DNS server, or a typo in the URL). */
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN']);
/** No connection at all: refused, or no route to the network or host. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Whether the error says this machine cannot reach the host at all, so that retrying within the next minute
 * will not help. Besides DNS failures (and a DNS server that never answers): a refused connection (nothing
 * listens there, or a firewall or sandbox refuses outbound connections, which is how "offline" looks on many
 * machines; the hosts of datasets are CDNs that do not refuse while restarting) and a network or host with no
 * route.
 */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof TimeoutError) return error.event === 'lookup';
  return error instanceof RequestError && (DNS_CODES.has(error.code) || UNREACHABLE_CODES.has(error.code));
}

/** The reason of one failure in a few words. */
export function describeError(error: unknown): string {
  if (error instanceof HTTPError) return `HTTP ${error.response.statusCode} ${error.response.statusMessage ?? ''}`.trim();
  const message = error instanceof Error ? error.message : String(error);
  const isDns = error instanceof RequestError && DNS_CODES.has(error.code);
  return isDns ? `${message} (the host name does not resolve: no internet access?)` : message;
}

/** "fetch <what> elsewhere (checksum), unpack it (…), and place it at <path>": how to do by hand what failed. */
function byHand(spec: DownloadSpec, what: string): string {
  const checksum = spec.sha256 === undefined ? ' (no checksum is recorded for it)' : ` (expected sha256 ${spec.sha256})`;
  const entry = spec.unpackedName === undefined ? 'its single top-level folder' : `its top-level '${spec.unpackedName}'`;
  const unpackArchive = `, unpack it (${entry} becomes '${basename(spec.targetPath)}')`;
  const unpack = spec.unpack === 'gzip' ? ', gunzip it' : spec.unpack === undefined ? '' : unpackArchive;
  return `fetch ${what} elsewhere${checksum}${unpack}, and place it at ${spec.targetPath}`;
}

/**
 * The message of a UserError for the files that could not be downloaded, in the order given. One file:
 * one sentence; several: one line each, so that a user offline can fetch them all in one go.
 */
export function downloadFailureMessage(failures: readonly DownloadFailure[], fileCount: number): string {
  if (failures.length === 1) {
    const { spec, error } = failures[0]!;
    return `Could not download ${spec.url}: ${describeError(error)}. Without internet access, ${byHand(spec, 'that URL')}.`;
  }
  const lines = failures.map(
    ({ spec, error }) => `  - ${spec.url}: ${describeError(error)}.\n    To do it by hand, ${byHand(spec, 'it')}.`,
  );
  return (
    `Could not download ${failures.length} of the ${fileCount} dataset files needed:\n${lines.join('\n')}\n` +
    'Files already in place are not downloaded again: once these are placed, run the same command again.'
  );
}
