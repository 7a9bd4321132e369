/**
 * @module A URL path turned into a file under one root, or nothing: the only way the server names a file. Each
 * segment is percent-decoded once (run names are URI-encoded one component at a time); a segment that decodes to
 * '..', '.', '' in the middle, or one holding '/', '\\' or NUL is refused, as is an absolute path, so no request
 * names a file outside the root. Symbolic links inside the root are checked by their real path too.
 */
import { realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** The segments of `urlPath` (after a route prefix), decoded; undefined when one is unsafe or badly encoded. */
export function decodeSegments(urlPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue; // '//' and a leading or trailing slash
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** Whether `path` is `root` or inside it (both absolute and normalized). */
const isInside = (root: string, path: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * The file that `urlPath` names under `root`, or undefined when it would lie outside it (by its segments, or by a
 * symbolic link that leads out). The file need not exist.
 */
export function fileUnder(root: string, urlPath: string): string | undefined {
  const segments = decodeSegments(urlPath);
  if (segments === undefined) return undefined;
  const absoluteRoot = resolve(root);
  const path = resolve(join(absoluteRoot, ...segments));
  if (!isInside(absoluteRoot, path)) return undefined;
  try {
    const real = realpathSync(path);
    return isInside(realpathSync(absoluteRoot), real) ? path : undefined;
  } catch {
    return path; // missing: the caller answers 404
  }
}
