/**
 * @module Suites for the viewer's tests, made by the real commands: the README's quickstart (run + summarize), and
 * a generated MMLU-format suite of many instances; and `helm-server` started on one of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeProcess, type Finished } from './when-ready.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const QUICKSTART_RUNS = ['simple_mcqa:model=simple_model1', 'simple_mcqa:model=simple_model1,data_augmentation=robustness'] as const;

function check(step: string, finished: Finished): void {
  if (finished.status !== 0) throw new Error(`${step} failed (${finished.status}): ${finished.stderr.slice(-3000)}`);
}

/** The quickstart suite under `<out>/runs/quickstart`, summarized with its schema. */
export async function makeQuickstartSuite(out: string): Promise<void> {
  check('helm-run', await nodeProcess([join(root, 'pipelines', 'run.js'), '-c', 'configs/quickstart.conf', '--suite', 'quickstart', '-m', '10', '-o', out, '--local-path', join(out, 'prod_env')], root));
  check('helm-summarize', await nodeProcess([join(root, 'pipelines', 'summarize.js'), '-o', out, '--suite', 'quickstart', '--schema-path', 'configs/schema_quickstart.yaml', '--local-path', join(out, 'prod_env')], root));
}

export const LARGE_RUN = 'mmlu:subject=viewer,method=multiple_choice_joint,model=simple_model1';
export const LARGE_ROBUST_RUN = `${LARGE_RUN},data_augmentation=robustness`;

/**
 * A suite `large` of MMLU runs on `instances` generated questions (simple/model1), summarized: the plain run, and
 * with `robustness: true` also its robustness copy (each instance with a perturbed variant).
 */
export async function makeLargeSuite(out: string, instances: number, options: { robustness?: boolean } = {}): Promise<void> {
  const data = join(out, 'scenarios', 'mmlu', 'data');
  for (const [split, rows] of [['dev', 5], ['test', instances]] as const) {
    mkdirSync(join(data, split), { recursive: true });
    const file = createWriteStream(join(data, split, `viewer_${split}.csv`));
    for (let i = 0; i < rows; i++) {
      if (!file.write(`"Question ${i} of ${split}: which one?",alpha ${i % 7},beta ${i % 5},gamma ${i % 3},delta ${i % 11},${'ABCD'[i % 4]}\n`)) await once(file, 'drain');
    }
    file.end();
    await once(file, 'finish');
  }
  const entries = ['mmlu:subject=viewer,model=simple/model1', ...(options.robustness === true ? ['mmlu:subject=viewer,model=simple/model1,data_augmentation=robustness'] : [])];
  check('helm-run', await nodeProcess([join(root, 'pipelines', 'run.js'), '-r', ...entries, '-m', String(instances), '--suite', 'large', '-o', out, '--local-path', join(out, 'prod_env')], root));
  check('helm-summarize', await nodeProcess([join(root, 'pipelines', 'summarize.js'), '-o', out, '--suite', 'large', '--local-path', join(out, 'prod_env')], root));
}

export interface ViewerServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `helm-server <args>` (add `-p 0`) and resolves once it prints where it listens. */
export function startViewer(args: readonly string[]): Promise<ViewerServer> {
  const child = spawn(process.execPath, [join(root, 'pipelines', 'serve.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (status) => reject(new Error(`helm-server exited (${status}) before listening: ${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /at (http:\/\/\S+\/)/.exec(stdout);
      if (found === null) return;
      resolve({
        url: found[1]!,
        child,
        async stop() {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          await once(child, 'exit');
        },
      });
    });
  });
}
