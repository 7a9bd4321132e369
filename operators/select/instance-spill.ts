/**
 * @module A disk spill for instances that must come out in an order other than the one they are read in
 * (HELM's downsampling keeps the sampled order): records are appended to a temporary file, and only their
 * offsets (8 bytes per instance) stay in memory.
 */
import { closeSync, openSync, readSync, writeSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instance } from '../../core/instance.ts';

/** Instances stored by rank (0 … size−1), read back in rank order. */
export interface InstanceSpill {
  put(rank: number, instance: Instance): void;
  /** The instances in rank order; every rank must have been put. */
  inRankOrder(): Iterable<Instance>;
  /** Deletes the temporary file. */
  close(): void;
}

const FLUSH_BYTES = 1 << 20;

/** A spill for `size` instances in a fresh temporary directory. */
export function instanceSpill(size: number): InstanceSpill {
  const dir = mkdtempSync(join(tmpdir(), 'helm-spill-'));
  const fd = openSync(join(dir, 'instances.ndjson'), 'w+');
  const offsets = new Float64Array(size).fill(-1);
  const lengths = new Uint32Array(size);
  let written = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    let done = 0;
    while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done, written - pendingBytes + done);
    pending = [];
    pendingBytes = 0;
  };
  return {
    put(rank, instance) {
      const bytes = Buffer.from(JSON.stringify(instance), 'utf8');
      offsets[rank] = written;
      lengths[rank] = bytes.length;
      written += bytes.length;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= FLUSH_BYTES) flush();
    },
    *inRankOrder() {
      flush();
      for (let rank = 0; rank < size; rank++) {
        const offset = offsets[rank]!;
        if (offset < 0) throw new Error(`instanceSpill: rank ${rank} was never stored`);
        const buffer = Buffer.allocUnsafe(lengths[rank]!);
        readSync(fd, buffer, 0, buffer.length, offset);
        yield JSON.parse(buffer.toString('utf8')) as Instance;
      }
    },
    close() {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
