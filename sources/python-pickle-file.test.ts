import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPickleFile, scanPickleMemoReads, type PickleFileEvent } from './python-pickle-file.ts';
import type { PyDict, PyValue } from './python-pickle-values.ts';

// Made by CPython 3.11 (/work/anchor's python): pickle.dump({'train': [1200 examples], 'validation': [1], 'test': []})
// at protocols 0, 2 and 4, each example {'document': f'{split} d{i}\nx', 'summary': f's{i}', 'id': str(i)}.
const fixture = (name: string): string => fileURLToPath(new URL(`./__fixtures__/python-pickle/${name}`, import.meta.url));

async function collect(name: string, pieceBytes?: number): Promise<PickleFileEvent[]> {
  const events: PickleFileEvent[] = [];
  for await (const event of readPickleFile(fixture(name), pieceBytes === undefined ? {} : { pieceBytes })) events.push(event);
  return events;
}

const example = (split: string, i: number): PyDict =>
  new Map<PyValue, PyValue>([['document', `${split} d${i}\nx`], ['summary', `s${i}`], ['id', String(i)]]);

describe('readPickleFile', () => {
  for (const [protocol, pieceBytes] of [[0, 97], [2, 4096], [4, 1000], [4, undefined]] as const) {
    it(`streams the items of the top-level dict's lists at protocol ${protocol} (pieces of ${pieceBytes ?? 'default'} bytes)`, async () => {
      const events = await collect(`splits-p${protocol}.pk`, pieceBytes);
      const items = events.filter((e) => e.kind === 'item');
      expect(items).toHaveLength(1201);
      expect(items[0]).toEqual({ kind: 'item', key: 'train', item: example('train', 0) });
      expect(items[1000]).toEqual({ kind: 'item', key: 'train', item: example('train', 1000) }); // past the first batch of 1000
      expect(items[1199]).toEqual({ kind: 'item', key: 'train', item: example('train', 1199) });
      expect(items[1200]).toEqual({ kind: 'item', key: 'validation', item: example('validation', 0) });
      const end = events.at(-1)!;
      expect(end.kind).toBe('end');
      // The streamed lists are left empty; the keys stay in order.
      expect(end.kind === 'end' && [...(end.value as PyDict).entries()]).toEqual([['train', []], ['validation', []], ['test', []]]);
    });
  }

  it('streams an example each time it is appended when the memo reads it again', async () => {
    // pickle.dump({'test': [one], 'train': [one, one]}): the example is written once (memo slot 3), then BINGET twice.
    expect(await scanPickleMemoReads(fixture('splits-shared.pk'))).toEqual(new Set([3]));
    const events = await collect('splits-shared.pk');
    const one = example('both', 9);
    expect(events).toEqual([
      { kind: 'item', key: 'test', item: one },
      { kind: 'item', key: 'train', item: one },
      { kind: 'item', key: 'train', item: one },
      { kind: 'end', value: new Map([['test', []], ['train', []]]) },
    ]);
  });

  it('keeps a list whole, and streams none of it, when the memo reads the list itself again', async () => {
    // pickle.dump({'train': same, 'test': same}): one list object under two keys.
    const events = await collect('splits-same-list.pk');
    const same = [example('same', 1), example('same', 2)];
    expect(events).toEqual([{ kind: 'end', value: new Map([['train', same], ['test', same]]) }]);
  });

  it('says where a pickle ends too soon, and what to do', async () => {
    await expect(collect('truncated.pk')).rejects.toThrow(/truncated\.pk: the pickle ends at byte 300 before its STOP opcode \(an interrupted download\? delete it to fetch it again\)/);
  });

  it('names a file that cannot be opened', async () => {
    await expect(collect('missing.pk')).rejects.toThrow(/missing\.pk: cannot open the pickle \(ENOENT/);
  });

  it('refuses code before yielding anything', async () => {
    await expect(collect('evil.pk')).rejects.toThrow(/it names the Python callable posix\.system/);
  });
});
