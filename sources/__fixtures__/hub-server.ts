/**
 * @module For tests: a Hugging Face hub on 127.0.0.1 (set HF_ENDPOINT to its `endpoint`). As the real hub does for a
 * file stored with Git LFS, `/<repo>/resolve/<revision>/<path>` answers with a redirect to the bytes on a CDN (here
 * `/cdn/<sha256>`), which come with their Content-Length. Anything else is a 404. Every request path is recorded.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubServer {
  /** `http://127.0.0.1:<port>`, the value for HF_ENDPOINT. */
  readonly endpoint: string;
  /** The paths asked for, in order (`/<repo>/resolve/…` and `/cdn/…`). */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `files`, keyed by `<repo>/resolve/<revision>/<path>` (no leading slash).
 * @example const hub = await startHubServer({ 'mradermacher/gpt2-GGUF/resolve/main/gpt2.f16.gguf': bytes });
 */
export async function startHubServer(files: Readonly<Record<string, Buffer>>): Promise<HubServer> {
  const blobs = new Map<string, Buffer>();
  const redirects = new Map<string, string>();
  for (const [key, bytes] of Object.entries(files)) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    blobs.set(`/cdn/${sha256}`, bytes);
    redirects.set(`/${key}`, `/cdn/${sha256}`);
  }
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://hub').pathname);
    requests.push(path);
    const location = redirects.get(path);
    const blob = blobs.get(path);
    if (location !== undefined) response.writeHead(302, { location }).end();
    else if (blob !== undefined) response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': blob.length }).end(blob);
    else response.writeHead(404, { 'x-error-code': 'EntryNotFound' }).end('Entry not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
