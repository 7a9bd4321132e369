/**
 * @module A file a component needs from the network, as the operators name it. The downloading itself is in
 * `sources/download.ts`; a pipeline hands operators an `EnsureFiles` built on it, so operators import only core.
 */

/** One remote file and where it goes (the subset of `sources/download.ts`'s DownloadSpec operators use). */
export interface RemoteFile {
  readonly url: string;
  readonly targetPath: string;
  /** Expected SHA-256 (hex), where one is recorded. */
  readonly sha256?: string | undefined;
}

/** Makes sure every file exists, fetching the missing ones; one UserError names every file it could not get. */
export type EnsureFiles = (files: readonly RemoteFile[]) => Promise<void>;
