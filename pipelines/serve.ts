/**
 * @module `helm-server`: the web viewer of a summarized suite or release (HELM 0.5.16's flags), paging instances on
 * the server through the results store; `--export-path` writes a static site instead. Binds 127.0.0.1 unless
 * `--host` says otherwise. Exit codes: 0 (stopped by a signal, or the export written), 1 a bug, 2 bad input.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { UserError } from '../core/errors.ts';
import { commandExit } from './cli/command-exit.ts';
import { apiRoutes } from './serve/api-routes.ts';
import { configJs } from './serve/config-js.ts';
import { exportSite } from './serve/export-site.ts';
import { viewerServer } from './serve/http-server.ts';
import { parseServeArgs, type ServeOptions } from './serve/serve-options.ts';
import { resolveServedSummary } from './serve/serve-target.ts';
import { openViewerDb } from './serve/viewer-db.ts';

async function serve(options: ServeOptions): Promise<number> {
  for (const warning of options.warnings) console.warn(warning);
  const served = resolveServedSummary(options.outputPath, options.target);
  if (options.exportPath !== undefined) {
    const runs = await exportSite(options.outputPath, served, options.project, options.exportPath);
    console.log(`helm-server: exported ${served.relativeDir} (${runs} run${runs === 1 ? '' : 's'}) to ${options.exportPath}: open its index.html through any static file host.`);
    return 0;
  }
  const db = await openViewerDb();
  const server = viewerServer({
    outputPath: options.outputPath,
    cacheOutputPath: options.cacheOutputPath,
    configJs: configJs(served.target, options.project, 'api'),
    api: apiRoutes(db, options.outputPath, served),
    onError: (error, url) => console.error(`helm-server: ${url}:`, error),
  });
  server.listen(options.port, options.host);
  try {
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error))]);
  } catch (error) {
    db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`Port ${options.port} on ${options.host} is in use: give another with -p (or -p 0 for any free port).`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`Cannot listen on --host ${options.host}: it is no address of this machine.`);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`helm-server: serving ${served.relativeDir} of ${options.outputPath} at http://${host}:${port}/`);
  const signal = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  void signal;
  server.close();
  server.closeAllConnections();
  db.close();
  return 0;
}

process.exitCode = await commandExit('helm-server', () => serve(parseServeArgs(process.argv.slice(2))));
