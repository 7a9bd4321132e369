/**
 * @module The thread side of parquet-worker.ts (plain JavaScript: a worker thread starts without the TypeScript
 * loader). It holds one in-memory DuckDB instance and runs the statements it is sent one at a time, on this thread
 * alone: each is prepared, then its tasks are run here synchronously (DuckDB has one thread and no threads of its
 * own), so every allocation of every conversion comes from the same thread and DuckDB's allocator reuses the same
 * memory conversion after conversion instead of faulting in fresh pages each time. Closing happens here too.
 *
 * It speaks to DuckDB through @duckdb/node-bindings, the C API under @duckdb/node-api (resolved from it, so the two
 * are one version): the API's JavaScript would cost this thread's heap ~5 MB more, for the few calls made here.
 *
 * Messages in: `{ sql, params, tmp, path }` (run `sql` with `params` — strings, numbers, null, arrays of strings as
 * a LIST — then rename `tmp` to `path`), or `{ close: true }`.
 * Messages out, one per message in and in the same order: `{}` when done, `{ error }` (a message) when not.
 */
import { rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const duckdb = createRequire(require.resolve('@duckdb/node-api'))('@duckdb/node-bindings');

const { config } = workerData;
let database;
let connection;

async function openDatabase() {
  const options = duckdb.create_config();
  for (const [name, value] of Object.entries(config)) duckdb.set_config(options, name, value);
  database = await duckdb.open(':memory:', options);
  connection = await duckdb.connect(database);
}

function closeDatabase() {
  if (connection !== undefined) duckdb.disconnect_sync(connection);
  if (database !== undefined) duckdb.close_sync(database);
  connection = undefined;
  database = undefined;
}

function bind(prepared, params) {
  for (const [name, value] of Object.entries(params)) {
    const index = duckdb.bind_parameter_index(prepared, name);
    if (value === null) duckdb.bind_null(prepared, index);
    else if (typeof value === 'string') duckdb.bind_varchar(prepared, index, value);
    else if (Number.isInteger(value)) duckdb.bind_int64(prepared, index, BigInt(value));
    else if (typeof value === 'number') duckdb.bind_double(prepared, index, value);
    else if (Array.isArray(value)) {
      const varchar = duckdb.create_logical_type(duckdb.Type.VARCHAR);
      duckdb.bind_value(prepared, index, duckdb.create_list_value(varchar, value.map((item) => duckdb.create_varchar(item))));
    } else throw new TypeError(`parameter $${name}: a string, number, null or array of strings, not ${typeof value}`);
  }
}

async function run({ sql, params, tmp, path }) {
  if (connection === undefined) await openDatabase();
  const prepared = await duckdb.prepare(connection, sql);
  try {
    bind(prepared, params);
    const pending = duckdb.pending_prepared(prepared);
    let state;
    do state = duckdb.pending_execute_task(pending);
    while (state === duckdb.PendingState.RESULT_NOT_READY);
    if (state === duckdb.PendingState.ERROR) throw new Error(duckdb.pending_error(pending));
    await duckdb.execute_pending(pending); // the result (a count) is ready: fetching it runs nothing more
  } finally {
    duckdb.destroy_prepare_sync(prepared);
  }
  await rename(tmp, path);
}

let queue = Promise.resolve();
parentPort.on('message', (message) => {
  queue = queue.then(async () => {
    if (message.close) {
      closeDatabase();
      parentPort.postMessage({});
      parentPort.close();
      return;
    }
    try {
      await run(message);
      parentPort.postMessage({});
    } catch (error) {
      parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  });
});
