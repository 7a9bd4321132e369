/**
 * @module Where a file of the Hugging Face hub is downloaded from: `<endpoint>/<repo>/resolve/<revision>/<path>`,
 * the URL `huggingface_hub.hf_hub_download` builds. The endpoint is `HF_ENDPOINT` when set (a mirror, or a server
 * on 127.0.0.1 in tests), as every Hugging Face tool honours it; otherwise https://huggingface.co.
 */
import { UserError } from '../core/errors.ts';

/** One file of a model repository on the hub, pinned to a revision (a commit hash, or a branch such as `main`). */
export interface HubFile {
  /** `<owner>/<name>`, e.g. `mradermacher/gpt2-GGUF`. */
  readonly repo: string;
  readonly revision: string;
  /** The file's path inside the repository, e.g. `gpt2.f16.gguf`. */
  readonly path: string;
}

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

const REPO = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;

/** The hub's base URL: `HF_ENDPOINT` without its trailing slashes, or https://huggingface.co. */
export function hubEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  const endpoint = env['HF_ENDPOINT']?.trim();
  if (endpoint === undefined || endpoint === '') return DEFAULT_HUB_ENDPOINT;
  if (!/^https?:\/\/[^/]/.test(endpoint)) {
    throw new UserError(`HF_ENDPOINT must be an http(s) URL such as ${DEFAULT_HUB_ENDPOINT}, got '${endpoint}'.`);
  }
  return endpoint.replace(/\/+$/, '');
}

/**
 * The download URL of `file`. Each part of the path is percent-encoded; a repo that is not `<owner>/<name>` or a path
 * with `.` or `..` parts is a UserError.
 * @example hubFileUrl({ repo: 'mradermacher/gpt2-GGUF', revision: 'main', path: 'gpt2.f16.gguf' })
 *   // 'https://huggingface.co/mradermacher/gpt2-GGUF/resolve/main/gpt2.f16.gguf'
 */
export function hubFileUrl(file: HubFile, env: NodeJS.ProcessEnv = process.env): string {
  if (!REPO.test(file.repo)) throw new UserError(`A Hugging Face repository is named '<owner>/<name>', got '${file.repo}'.`);
  const parts = file.path.split('/');
  if (file.path === '' || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new UserError(`'${file.path}' is not a file path inside the Hugging Face repository ${file.repo}.`);
  }
  if (file.revision === '') throw new UserError(`The revision of ${file.repo}/${file.path} is empty: give a commit hash or a branch.`);
  const path = parts.map(encodeURIComponent).join('/');
  return `${hubEndpoint(env)}/${file.repo}/resolve/${encodeURIComponent(file.revision)}/${path}`;
}
