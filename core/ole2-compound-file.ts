/**
 * @module One stream of an OLE2 compound file (Microsoft's Compound File Binary format, the container of `.xls`,
 * `.doc`, `.msg`): the header, the sector allocation table (with its DIFAT extension), the directory, and the mini
 * stream that holds streams smaller than the cutoff. Read from bytes held whole.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const STREAM = 2;
const ROOT = 5;

interface DirectoryEntry {
  readonly name: string;
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

/**
 * The bytes of the first stream whose name is one of `names` (compared without case, tried in order), e.g.
 * `['Workbook', 'Book']`. Throws a plain Error saying what is wrong for bytes that are not such a file.
 * @example readCompoundStream(readFileSync('book.xls'), ['Workbook'])
 */
export function readCompoundStream(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  if (bytes.length < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not an OLE2 compound file (an Excel 97–2003 .xls)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => view.getUint32(at, true);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const miniSectorSize = 1 << view.getUint16(0x20, true);
  const miniCutoff = u32(0x38);
  const sectorAt = (id: number): number => {
    const at = (id + 1) * sectorSize;
    if (at >= bytes.length) throw new Error(`sector ${id} lies outside the file`);
    return at;
  };
  const perSector = sectorSize / 4;

  // The sectors of the allocation table: 109 in the header, then a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(0x4c + 4 * i));
  for (let id = u32(0x44), hops = 0; id !== END_OF_CHAIN && id !== FREE && hops < bytes.length / sectorSize; hops++) {
    const at = sectorAt(id);
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(u32(at + 4 * i));
    id = u32(at + sectorSize - 4);
  }
  const fat: number[] = [];
  for (const id of fatSectors.slice(0, u32(0x2c))) {
    if (id === FREE || id === END_OF_CHAIN) continue;
    const at = sectorAt(id);
    for (let i = 0; i < perSector; i++) fat.push(u32(at + 4 * i));
  }

  const chain = (table: readonly number[], start: number): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN && id !== FREE; id = table[id] ?? END_OF_CHAIN) {
      if (ids.length > table.length) throw new Error('a sector chain loops');
      ids.push(id);
    }
    return ids;
  };
  const readChain = (start: number, size?: number): Uint8Array => {
    const ids = chain(fat, start);
    const out = new Uint8Array(ids.length * sectorSize);
    ids.forEach((id, i) => out.set(bytes.subarray(sectorAt(id), sectorAt(id) + sectorSize), i * sectorSize));
    return size === undefined ? out : out.subarray(0, size);
  };

  const directory = readChain(u32(0x30));
  const dirView = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: DirectoryEntry[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(Math.max(dirView.getUint16(at + 0x40, true) - 2, 0), 62);
    entries.push({
      name: new TextDecoder('utf-16le').decode(directory.subarray(at, at + nameBytes)),
      type: directory[at + 0x42]!,
      start: dirView.getUint32(at + 0x74, true),
      size: dirView.getUint32(at + 0x78, true),
    });
  }
  const root = entries.find((e) => e.type === ROOT);
  if (root === undefined) throw new Error('the compound file has no root entry');

  for (const name of names) {
    const entry = entries.find((e) => e.type === STREAM && e.name.toLowerCase() === name.toLowerCase());
    if (entry === undefined) continue;
    if (entry.size >= miniCutoff) return readChain(entry.start, entry.size);
    // A small stream lives in the mini stream (the root's data), in mini sectors chained by the mini FAT.
    const miniStream = readChain(root.start, root.size);
    const miniFatBytes = readChain(u32(0x3c));
    const miniFatView = new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset, miniFatBytes.byteLength);
    const miniFat = Array.from({ length: Math.min(miniFatBytes.length / 4, u32(0x40) * perSector) }, (_, i) => miniFatView.getUint32(4 * i, true));
    const ids = chain(miniFat, entry.start);
    const out = new Uint8Array(ids.length * miniSectorSize);
    ids.forEach((id, i) => out.set(miniStream.subarray(id * miniSectorSize, (id + 1) * miniSectorSize), i * miniSectorSize));
    return out.subarray(0, entry.size);
  }
  throw new Error(`the compound file has no stream named ${names.join(' or ')}`);
}
