/**
 * @module What the meta pages of an LMDB file say (lmdb-js 3.x, its LMDB's `MDB_meta`), read with plain file reads:
 * how many answers the file holds, the last page it uses, its last commit. Reading them never maps the file, so it
 * is safe on a damaged one.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The newest valid meta page of an LMDB file. */
export interface CacheMeta {
  readonly pageSize: number;
  /** Entries of the main tree: the cache's answers. */
  readonly entries: number;
  /** The last page the file uses; the file may legitimately end a few free pages earlier. */
  readonly lastPage: number;
  /** The last committed transaction. */
  readonly txnid: bigint;
  /** The file's size when read. */
  readonly fileSize: number;
  /**
   * Whether both meta pages were valid, so that this is surely the newest commit. With one, the other may have held
   * a newer one: `entries` is then a lower bound (answers are only ever added).
   */
  readonly isNewest: boolean;
}

const MAGIC = 0xbeefc0de;
const DATA_VERSION = 2;
// 64-bit layout (mdb.c): a page header of 24 bytes, then MDB_meta: magic u32, version u32, address 8, mapsize 8,
// two MDB_db of 48 bytes (free pages, main tree; the first one's md_pad is the page size), last page 8, txnid 8.
const PAGE_HEADER = 24;
const DB_RECORD = 48;
const META = { pageSize: 24, mainDb: 24 + DB_RECORD, lastPage: 24 + 2 * DB_RECORD, txnid: 32 + 2 * DB_RECORD } as const;
const DB_ENTRIES = 32;
const MIN_PAGE = 512;
const MAX_PAGE = 65536;

/** The meta record starting at `at` in `head`, if it is a valid one. */
function metaAt(head: Buffer, at: number, fileSize: number): CacheMeta | undefined {
  const m = at + PAGE_HEADER;
  if (m + META.txnid + 8 > head.length) return undefined;
  if (head.readUInt32LE(m) !== MAGIC || (head.readUInt32LE(m + 4) & 0xffff) !== DATA_VERSION) return undefined;
  const pageSize = head.readUInt32LE(m + META.pageSize);
  if (pageSize < MIN_PAGE || pageSize > MAX_PAGE || (pageSize & (pageSize - 1)) !== 0) return undefined;
  return {
    pageSize,
    entries: Number(head.readBigUInt64LE(m + META.mainDb + DB_ENTRIES)),
    lastPage: Number(head.readBigUInt64LE(m + META.lastPage)),
    txnid: head.readBigUInt64LE(m + META.txnid),
    fileSize,
    isNewest: false,
  };
}

/** Page 1's meta record when page 0 tells no page size: the first page size at which a valid one stands. */
function secondMetaAnySize(head: Buffer, fileSize: number): CacheMeta | undefined {
  for (let pageSize = MIN_PAGE; pageSize <= MAX_PAGE; pageSize *= 2) {
    const meta = metaAt(head, pageSize, fileSize);
    if (meta?.pageSize === pageSize) return meta;
  }
  return undefined;
}

/**
 * The newest valid meta page of the LMDB file at `path` (pages 0 and 1 hold one each; LMDB uses the one with the
 * higher transaction id), or undefined when neither is valid (not an LMDB file, garbled, cut shorter than a page).
 * @example readCacheMeta('prod_env/cache/simple.lmdb')?.entries
 */
export function readCacheMeta(path: string): CacheMeta | undefined {
  const fd = openSync(path, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    const head = Buffer.alloc(2 * MAX_PAGE);
    const read = readSync(fd, head, 0, head.length, 0);
    const valid = head.subarray(0, read);
    const first = metaAt(valid, 0, fileSize);
    // Page 1 starts one page in; when page 0 is garbled, its size is unknown: try each one LMDB allows.
    const second = first !== undefined ? metaAt(valid, first.pageSize, fileSize) : secondMetaAnySize(valid, fileSize);
    if (first === undefined || second === undefined) return first ?? second;
    return { ...(second.txnid > first.txnid ? second : first), isNewest: true };
  } finally {
    closeSync(fd);
  }
}

/** Bytes the file needs to hold every page its newest meta page counts. */
export const bytesOfPages = (meta: CacheMeta): number => (meta.lastPage + 1) * meta.pageSize;
