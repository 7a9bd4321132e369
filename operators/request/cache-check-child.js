// The deep check of one request-cache file, run by cache-check.ts in a child process: a damaged LMDB file can
// crash whoever reads it (SIGBUS past the end of a cut file, SIGSEGV or an assertion on garbled pages), so it is
// read here, where a crash kills only this process. Plain JavaScript: started without the TypeScript loader, node
// with lmdb loaded is ready in 0.13 to 0.25 s on the 2-core test machine under load, against 0.4 to 0.85 s with tsx.
//
// Usage: node cache-check-child.js <file.lmdb>. It reads every page of the main tree (keys, and the first and last
// byte of every stored value, not decoded) and prints one JSON line: {"entries": n} when the tree holds together,
// {"damage": "..."} when LMDB reports a damaged file or the tree breaks its own invariants, {"error": "..."} when the
// file could not be read for another reason (permissions, I/O). A crash prints nothing; the parent reads the signal.
// With --create, it creates the (absent or zero-length) file instead and prints {"created": true}: LMDB maps a new
// file before its first pages are on disk, so a disk too full to hold them crashes the process that creates it.
import { open } from 'lmdb';

// LMDB's codes for a file that is not, or no longer, a valid database (lmdb.h).
const DAMAGE_CODES = new Map([
  [-30797, 'MDB_PAGE_NOTFOUND'],
  [-30796, 'MDB_CORRUPTED'],
  [-30795, 'MDB_PANIC'],
  [-30794, 'MDB_VERSION_MISMATCH'],
  [-30793, 'MDB_INVALID'],
  [-30782, 'MDB_BAD_TXN'], // a garbled page's flags: "Invalid dupdata flag with no mc_xcursor"
  [-30781, 'MDB_BAD_VALSIZE'],
  [-30779, 'MDB_PROBLEM'],
  [-30778, 'MDB_BAD_CHECKSUM'],
]);

function check(path) {
  // readOnly: the check never writes, and may run while another process has the cache open for writing.
  const store = open({ path, readOnly: true, encoding: 'binary', keyEncoding: 'binary' });
  const snapshot = store.useReadTransaction(); // the count and the walk see the same commit
  try {
    const expected = store.getStats().entryCount;
    let entries = 0;
    let previous;
    let touched = 0;
    for (const { key, value } of store.getRange({ transaction: snapshot })) {
      if (previous !== undefined && Buffer.compare(previous, key) >= 0) return { damage: `its keys are out of order at entry ${entries + 1}` };
      touched ^= value.length > 0 ? value[0] ^ value[value.length - 1] : 0; // reads the value's first and last page
      previous = key;
      entries++;
    }
    if (entries !== expected) return { damage: `it lists ${expected} entries but ${entries} can be read` };
    return { entries, touched };
  } finally {
    snapshot.done();
    store.close();
  }
}

/** Creates the store with the cache's own flags (operators/request/request-cache.ts), and closes it. */
async function create(path) {
  const store = open({ path, compression: true, remapChunks: true });
  await store.close();
  return { created: true };
}

let verdict;
try {
  verdict = process.argv[3] === '--create' ? await create(process.argv[2]) : check(process.argv[2]);
} catch (error) {
  const name = DAMAGE_CODES.get(error?.code);
  const message = String(error?.message ?? error);
  verdict = name === undefined ? { error: message } : { damage: `LMDB: ${message.includes(name) ? message : `${message} (${name})`}` };
}
process.stdout.write(`${JSON.stringify(verdict)}\n`);
