/** @module For tests: a machine offline, as a DNS lookup that fails for every host name (no packet leaves). */
import type { LookupFunction } from 'node:net';
import type { EnsureFiles } from '../../core/remote-file.ts';
import { ensureAllDownloaded } from '../download.ts';

/** Fails like getaddrinfo with no network: `ENOTFOUND <hostname>`. Pass it as `DownloadOptions.lookup`. */
export const offlineLookup: LookupFunction = (hostname, _options, callback) => {
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname, syscall: 'getaddrinfo' });
  callback(error, '', 4);
};

/** `EnsureFiles` on a machine offline: files in place are used, a missing one is the download's UserError at once. */
export const offlineEnsureFiles: EnsureFiles = (files) => ensureAllDownloaded(files, { retries: 0, lookup: offlineLookup, log: () => undefined });
