import { describe, expect, it } from 'vitest';
import type { RemoteFile } from '../../core/remote-file.ts';
import { fetchRunSpecFiles } from './run-spec-files.ts';

describe('fetchRunSpecFiles', () => {
  it('asks once for the files the entries build from, under the output path; other entries need none', async () => {
    const asked: RemoteFile[][] = [];
    const entries = ['raft:subset=ade_corpus_v2,model=simple/model1', 'raft:subset=banking_77', 'big_bench:task=emoji_movie,subtask=', 'mmlu:subject=anatomy', 'nope:x=1'];
    await fetchRunSpecFiles(entries.map((description) => ({ description, priority: 1 })), 'out', async (files) => {
      asked.push([...files]);
    });
    expect(asked).toEqual([
      [
        { url: 'https://www.dropbox.com/s/a5cyevryzw8rt4f/prompt_construction_settings.json?dl=0', targetPath: 'out/scenarios/raft/prompt_construction_settings.json' },
        {
          url: 'https://raw.githubusercontent.com/google/BIG-bench/main/bigbench/benchmark_tasks/emoji_movie/task.json',
          targetPath: 'out/scenarios/big_bench/emoji_movie/task.json',
        },
      ],
    ]);
  });

  it('asks for nothing when no entry reads a file', async () => {
    let calls = 0;
    await fetchRunSpecFiles([{ description: 'mmlu:subject=anatomy', priority: 1 }], 'out', async () => {
      calls++;
    });
    expect(calls).toBe(0);
  });
});
