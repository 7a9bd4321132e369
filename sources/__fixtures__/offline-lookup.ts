/** @module For tests: a machine offline, as a DNS lookup that fails for every host name (no packet leaves). */
import type { LookupFunction } from 'node:net';

/** Fails like getaddrinfo with no network: `ENOTFOUND <hostname>`. Pass it as `DownloadOptions.lookup`. */
export const offlineLookup: LookupFunction = (hostname, _options, callback) => {
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname, syscall: 'getaddrinfo' });
  callback(error, '', 4);
};
