/**
 * @module A deployment's model weights from the Hugging Face hub. When a deployment's `client_spec.args` name
 * `hf_repo` and `hf_file` (as llama.cpp's own `--hf-repo` / `--hf-file`), pinned by `hf_revision` and checked against
 * `sha256`, the run fetches that file once, before the first request, into `<local-path>/models/<hf_repo>/<hf_file>`
 * (or to `model_path` when the args give one) and hands the client that file as `model_path`. The download is
 * sources/download.ts's — retried, its SHA-256 verified, renamed into place only when complete, reused as it is by
 * every later run (a file placed there by hand too) — with a progress bar. The hub is `HF_ENDPOINT` when set.
 * The built-in `huggingface/gpt2` deployment is served this way (configs/model_deployments.yaml).
 */
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { ensureDownloaded, type DownloadOptions } from '../../sources/download.ts';
import { hubFileUrl, type HubFile } from '../../sources/huggingface-hub.ts';
import { downloadBar, type DownloadProgress } from './download-bar.ts';
import type { ModelDeployment } from './model-configs.ts';

/** Where a deployment's weights come from and where they go. */
export interface HubModelFile {
  readonly file: HubFile;
  readonly url: string;
  /** Expected SHA-256 (hex) of the file; without one, what arrives is not checked. */
  readonly sha256?: string;
  /** Absolute path of the local copy. */
  readonly targetPath: string;
}

/** How `ensureModelWeights` downloads; the defaults suit real downloads, tests inject theirs. */
export interface ModelWeightsOptions {
  /** Retries, delays, timeouts and log of sources/download.ts (its progress goes to `progress`). */
  readonly download?: Omit<DownloadOptions, 'onProgress'>;
  /** The progress display of one file; default a cli-progress bar on stderr. */
  readonly progress?: (fileName: string) => DownloadProgress;
  /** Where `HF_ENDPOINT` is read. Default: process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The `client_spec.args` of a deployment whose weights come from the hub. */
export const HUB_ARGS = ['hf_repo', 'hf_revision', 'hf_file', 'sha256'] as const;

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * The hub file a deployment's args name, or undefined when they name none (`hf_repo` absent). Pure apart from
 * reading `HF_ENDPOINT`; a malformed arg is a UserError naming the deployment.
 * @example hubModelFile(registry.requireDeployment('huggingface/gpt2'), 'prod_env')?.targetPath
 */
export function hubModelFile(deployment: ModelDeployment, localPath: string, env: NodeJS.ProcessEnv = process.env): HubModelFile | undefined {
  const args = deployment.client_spec.args;
  const where = `Model deployment '${deployment.name}'`;
  const text = (name: string): string | undefined => {
    const value = args[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value === '') throw new UserError(`${where}: client_spec arg '${name}' must be a non-empty string.`);
    return value;
  };
  const repo = text('hf_repo');
  const path = text('hf_file');
  if (repo === undefined) {
    if (path !== undefined) throw new UserError(`${where}: client_spec arg hf_file needs hf_repo, the Hugging Face repository it is in.`);
    return undefined;
  }
  if (path === undefined) throw new UserError(`${where}: client_spec arg hf_repo needs hf_file, the GGUF file of ${repo} to run.`);
  const sha256 = text('sha256');
  if (sha256 !== undefined && !SHA256.test(sha256)) {
    throw new UserError(`${where}: client_spec arg sha256 must be 64 hexadecimal digits (the hub shows it on the file's page), got '${sha256}'.`);
  }
  const file: HubFile = { repo, revision: text('hf_revision') ?? 'main', path };
  const url = hubFileUrl(file, env);
  const modelPath = text('model_path');
  const targetPath = resolve(modelPath ?? resolve(localPath, 'models', ...repo.split('/'), ...path.split('/')));
  return { file, url, targetPath, ...(sha256 === undefined ? {} : { sha256: sha256.toLowerCase() }) };
}

/**
 * The `client_spec.args` the deployment's client gets: as they are when they name no hub file; otherwise with
 * `model_path` set to the local copy, fetched first if missing. A failed download is a UserError naming the
 * deployment, the URL, the exact path to place the file at by hand, and its checksum.
 * @example const args = await ensureModelWeights(deployment, options.localPath);
 */
export async function ensureModelWeights(
  deployment: ModelDeployment,
  localPath: string,
  options: ModelWeightsOptions = {},
): Promise<Readonly<Record<string, unknown>>> {
  const hub = hubModelFile(deployment, localPath, options.env);
  if (hub === undefined) return deployment.client_spec.args;
  const progress = (options.progress ?? downloadBar)(hub.file.path);
  try {
    await ensureDownloaded(
      { url: hub.url, targetPath: hub.targetPath, sha256: hub.sha256 },
      { ...options.download, onProgress: (transferred, total) => progress.update(transferred, total) },
    );
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(
      `Model deployment '${deployment.name}' (model ${deployment.model_name}) runs from ${hub.file.path} of the Hugging Face ` +
        `repository ${hub.file.repo} (revision ${hub.file.revision}), which is not on this machine yet. ${error.message} ` +
        '(HF_ENDPOINT sets another hub, such as a mirror.)',
      { cause: error },
    );
  } finally {
    progress.stop();
  }
  return { ...deployment.client_spec.args, model_path: hub.targetPath };
}
