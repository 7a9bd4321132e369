import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.ts';
import { offlineLookup } from './__fixtures__/offline-lookup.ts';
import { ensureAllDownloaded, ensureDownloaded, type DownloadOptions } from './download.ts';

const work = mkdtempSync(join(tmpdir(), 'download-test-'));
const BODY = 'question,a,b,A\n';
/** BODY as a Zstandard frame (made with `zstd -c`). */
const BODY_ZSTD = Buffer.from('KLUv/QRYeQAAcXVlc3Rpb24sYSxiLEEKLBXJMA==', 'base64');
const BODY_SHA256 = createHash('sha256').update(BODY).digest('hex');
const FAST: DownloadOptions = { retries: 2, retryDelayMs: 1, timeoutMs: 2_000, log: () => undefined };

/** A tar of `data/dev/x_dev.csv` and `data/test/x_test.csv`, made with the system tar. */
function makeTar(): Buffer {
  const src = join(work, 'tar-src');
  mkdirSync(join(src, 'data', 'dev'), { recursive: true });
  mkdirSync(join(src, 'data', 'test'), { recursive: true });
  writeFileSync(join(src, 'data', 'dev', 'x_dev.csv'), BODY);
  writeFileSync(join(src, 'data', 'test', 'x_test.csv'), BODY);
  execFileSync('tar', ['-cf', join(work, 'data.tar'), '-C', src, 'data']);
  return readFileSync(join(work, 'data.tar'));
}

/** A zip (stored, no compression) of the given files at its top level. */
function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  const tar = makeTar();
  const zip = makeZip({ 'a.txt': 'A', 'b.txt': 'B' });
  server = createServer((request, response) => {
    const path = request.url ?? '';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (path === '/file.csv') response.end(BODY);
    else if (path === '/flaky.csv' && n === 1) response.writeHead(500).end('try later');
    else if (path === '/flaky.csv') response.end(BODY);
    else if (path === '/data.tar') response.end(tar);
    else if (path === '/two.zip') response.end(zip);
    else if (path === '/file.csv.gz') response.end(gzipSync(BODY));
    else if (path === '/file.csv.zst') response.end(BODY_ZSTD);
    else if (path === '/hang') return; // never answers: the attempt times out
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => hits.clear());

let case_ = 0;
/** A fresh cache folder per test: `<output>/scenarios/<name>`. */
const cacheDir = (): string => join(work, `out${++case_}`, 'scenarios', 'x');
/** Nothing but the target is left beside it (no temporary files). */
const leftovers = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

describe('ensureDownloaded', () => {
  it('downloads a file into place, checking its sha256, and leaves no temporary file', async () => {
    const dir = cacheDir();
    await ensureDownloaded({ url: `${base}/file.csv`, targetPath: join(dir, 'file'), sha256: BODY_SHA256 }, FAST);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe(BODY);
    expect(leftovers(dir)).toEqual(['file']);
  });

  it('does nothing when the target exists (a HELM download or a file placed by hand)', async () => {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'file'), 'placed by hand');
    await ensureDownloaded({ url: `${base}/file.csv`, targetPath: join(dir, 'file'), sha256: BODY_SHA256 }, FAST);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('placed by hand');
    expect(hits.size).toBe(0);
  });

  it('rejects a checksum mismatch with the URL, the path to fill by hand and the checksum expected', async () => {
    const dir = cacheDir();
    const wrong = '0'.repeat(64);
    const error = await ensureDownloaded({ url: `${base}/file.csv`, targetPath: join(dir, 'file'), sha256: wrong }, FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Could not download ${base}/file.csv: checksum mismatch: got sha256 ${BODY_SHA256}. Without internet access, ` +
        `fetch that URL elsewhere (expected sha256 ${wrong}), and place it at ${join(dir, 'file')}.`,
    );
    expect(leftovers(dir)).toEqual([]);
  });

  it('retries a server error with backoff, then succeeds', async () => {
    const dir = cacheDir();
    const notes: string[] = [];
    await ensureDownloaded({ url: `${base}/flaky.csv`, targetPath: join(dir, 'file') }, { ...FAST, log: (m) => notes.push(m) });
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe(BODY);
    expect(hits.get('/flaky.csv')).toBe(2);
    expect(notes).toContain(`  ${base}/flaky.csv: HTTP 500 Internal Server Error; retrying in 1 ms (1 of 2)`);
    expect(leftovers(dir)).toEqual(['file']);
  });

  it('fails at once on 404, saying what to download and where to put it', async () => {
    const dir = cacheDir();
    const target = join(dir, 'data', 'train');
    await expect(ensureDownloaded({ url: `${base}/missing.jsonl`, targetPath: target }, FAST)).rejects.toThrow(
      new UserError(
        `Could not download ${base}/missing.jsonl: HTTP 404 Not Found. Without internet access, fetch that URL ` +
          `elsewhere (no checksum is recorded for it), and place it at ${target}.`,
      ),
    );
    expect(hits.get('/missing.jsonl')).toBe(1);
    expect(leftovers(join(dir, 'data'))).toEqual([]);
  });

  it('gives up on a server that never answers after its retries', async () => {
    const dir = cacheDir();
    const options = { ...FAST, retries: 1, timeoutMs: 100 };
    await expect(ensureDownloaded({ url: `${base}/hang`, targetPath: join(dir, 'file') }, options)).rejects.toThrow(
      /^Could not download http:\/\/127\.0\.0\.1:\d+\/hang: Timeout awaiting '\w+' for 100ms\. /,
    );
    expect(hits.get('/hang')).toBe(2);
  });

  it("unpacks a tar whose single top-level folder becomes the target (HELM's rule)", async () => {
    const dir = cacheDir();
    await ensureDownloaded({ url: `${base}/data.tar`, targetPath: join(dir, 'data'), unpack: 'tar' }, FAST);
    expect(readFileSync(join(dir, 'data', 'dev', 'x_dev.csv'), 'utf8')).toBe(BODY);
    expect(readFileSync(join(dir, 'data', 'test', 'x_test.csv'), 'utf8')).toBe(BODY);
    expect(leftovers(dir)).toEqual(['data']);
  });

  it('unpacks a zip of several entries into the target folder, or takes the entry named by unpackedName', async () => {
    const dir = cacheDir();
    await ensureDownloaded({ url: `${base}/two.zip`, targetPath: join(dir, 'both'), unpack: 'zip' }, FAST);
    expect(readdirSync(join(dir, 'both')).sort()).toEqual(['a.txt', 'b.txt']);
    await ensureDownloaded({ url: `${base}/two.zip`, targetPath: join(dir, 'b'), unpack: 'zip', unpackedName: 'b.txt' }, FAST);
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('B');
    expect(leftovers(dir).sort()).toEqual(['b', 'both']);
    await expect(
      ensureDownloaded({ url: `${base}/two.zip`, targetPath: join(dir, 'c'), unpack: 'zip', unpackedName: 'c.txt' }, FAST),
    ).rejects.toThrow(`the archive has no top-level 'c.txt' (it has: a.txt, b.txt)`);
    expect(leftovers(dir).sort()).toEqual(['b', 'both']);
  });

  it('gunzips a .gz download into the target', async () => {
    const dir = cacheDir();
    await ensureDownloaded({ url: `${base}/file.csv.gz`, targetPath: join(dir, 'file'), unpack: 'gzip' }, FAST);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe(BODY);
    expect(leftovers(dir)).toEqual(['file']);
  });

  it('decompresses a .zst download into the target (with the system zstd)', async () => {
    const dir = cacheDir();
    await ensureDownloaded({ url: `${base}/file.csv.zst`, targetPath: join(dir, 'data'), unpack: 'zstd' }, FAST);
    expect(readFileSync(join(dir, 'data'), 'utf8')).toBe(BODY);
    expect(leftovers(dir)).toEqual(['data']);
  });
});

describe('ensureDownloaded offline', () => {
  /** Options that would retry five times; each retry leaves a "retrying" note, so the notes count the attempts. */
  const noting = (): { options: DownloadOptions; notes: string[] } => {
    const notes: string[] = [];
    return { notes, options: { retries: 5, retryDelayMs: 1, timeoutMs: 2_000, log: (m) => notes.push(m) } };
  };

  it('fails at once when the host name does not resolve (.invalid never does, RFC 6761), without retrying', async () => {
    const target = join(cacheDir(), 'x');
    const { options, notes } = noting();
    const error = await ensureDownloaded({ url: 'http://files.example.invalid/x', targetPath: target }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^Could not download http:\/\/files\.example\.invalid\/x: getaddrinfo (ENOTFOUND|EAI_AGAIN) files\.example\.invalid \(the host name does not resolve: no internet access\?\)\. Without internet access, fetch that URL elsewhere \(no checksum is recorded for it\), and place it at /,
    );
    expect((error as Error).message.endsWith(` place it at ${target}.`)).toBe(true);
    expect(notes).toEqual([`Downloading http://files.example.invalid/x to ${target}`]); // one attempt, no "retrying"
  });

  it('does not retry a refused connection (nothing listens on that port of 127.0.0.1)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/x`;
    const target = join(cacheDir(), 'x');
    const { options, notes } = noting();
    await expect(ensureDownloaded({ url, targetPath: target }, options)).rejects.toThrow(
      new UserError(
        `Could not download ${url}: connect ECONNREFUSED 127.0.0.1:${port}. Without internet access, fetch that URL ` +
          `elsewhere (no checksum is recorded for it), and place it at ${target}.`,
      ),
    );
    expect(notes).toEqual([`Downloading ${url} to ${target}`]);
  });

  it('still retries a timeout (the network is there, the server is slow)', async () => {
    const { options, notes } = noting();
    await expect(ensureDownloaded({ url: `${base}/hang`, targetPath: join(cacheDir(), 'x') }, { ...options, retries: 1, timeoutMs: 100 })).rejects.toThrow(
      /Timeout awaiting/,
    );
    expect(notes.filter((n) => n.includes('retrying'))).toHaveLength(1);
    expect(hits.get('/hang')).toBe(2);
  });
});

describe('ensureAllDownloaded', () => {
  it('tries every file and names each one missing, with its URL and path, in one error', async () => {
    const dir = cacheDir();
    const specs = [
      { url: `${base}/train.jsonl`, targetPath: join(dir, 'data', 'train') },
      { url: `${base}/file.csv`, targetPath: join(dir, 'data', 'ok'), sha256: BODY_SHA256 },
      { url: `${base}/dev.jsonl`, targetPath: join(dir, 'data', 'dev'), sha256: 'ab'.repeat(32) },
      { url: `${base}/data.tar`, targetPath: join(dir, 'tar'), unpack: 'tar', sha256: 'cd'.repeat(32) },
    ] as const;
    await expect(ensureAllDownloaded(specs, FAST)).rejects.toThrow(
      new UserError(
        [
          'Could not download 3 of the 4 dataset files needed:',
          `  - ${base}/train.jsonl: HTTP 404 Not Found.`,
          `    To do it by hand, fetch it elsewhere (no checksum is recorded for it), and place it at ${join(dir, 'data', 'train')}.`,
          `  - ${base}/dev.jsonl: HTTP 404 Not Found.`,
          `    To do it by hand, fetch it elsewhere (expected sha256 ${'ab'.repeat(32)}), and place it at ${join(dir, 'data', 'dev')}.`,
          `  - ${base}/data.tar: checksum mismatch: got sha256 ${createHash('sha256').update(readFileSync(join(work, 'data.tar'))).digest('hex')}.`,
          `    To do it by hand, fetch it elsewhere (expected sha256 ${'cd'.repeat(32)}), unpack it (its single top-level folder becomes 'tar'), ` +
            `and place it at ${join(dir, 'tar')}.`,
          'Files already in place are not downloaded again: once these are placed, run the same command again.',
        ].join('\n'),
      ),
    );
    expect(readFileSync(join(dir, 'data', 'ok'), 'utf8')).toBe(BODY); // what arrived stays
    expect(leftovers(join(dir, 'data'))).toEqual(['ok']);
    expect([hits.get('/train.jsonl'), hits.get('/dev.jsonl'), hits.get('/data.tar')]).toEqual([1, 1, 1]);
  });

  it('offline, fails every file of a list at once and says so for each', async () => {
    const dir = cacheDir();
    const notes: string[] = [];
    const urls = ['https://huggingface.co/a.jsonl', 'https://raw.githubusercontent.com/b.jsonl'];
    const specs = urls.map((url, i) => ({ url, targetPath: join(dir, `f${i}`) }));
    const error = await ensureAllDownloaded(specs, { ...FAST, retries: 5, lookup: offlineLookup, log: (m) => notes.push(m) }).catch((e: unknown) => e);
    expect((error as UserError).message.split('\n').slice(0, 5)).toEqual([
      'Could not download 2 of the 2 dataset files needed:',
      `  - ${urls[0]}: getaddrinfo ENOTFOUND huggingface.co (the host name does not resolve: no internet access?).`,
      `    To do it by hand, fetch it elsewhere (no checksum is recorded for it), and place it at ${join(dir, 'f0')}.`,
      `  - ${urls[1]}: getaddrinfo ENOTFOUND raw.githubusercontent.com (the host name does not resolve: no internet access?).`,
      `    To do it by hand, fetch it elsewhere (no checksum is recorded for it), and place it at ${join(dir, 'f1')}.`,
    ]);
    expect(((error as Error).cause as AggregateError).errors).toHaveLength(2);
    expect(notes.filter((n) => n.includes('retrying'))).toEqual([]);
  });

  it('does nothing for an empty list or files all in place', async () => {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a'), 'A');
    await ensureAllDownloaded([], FAST);
    await ensureAllDownloaded([{ url: `${base}/file.csv`, targetPath: join(dir, 'a') }], FAST);
    expect(hits.size).toBe(0);
  });
});
