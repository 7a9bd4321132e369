/**
 * @module Where a Hugging Face `tokenizer.json` is found locally: a directory named by the config, the
 * `--local-path` tree, or the hub cache. Nothing is ever downloaded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../core/errors.ts';

/** The files of one tokenizer: `tokenizer.json`, and `tokenizer_config.json` when it sits beside it. */
export interface TokenizerFiles {
  readonly tokenizerJson: string;
  readonly tokenizerConfigJson?: string;
}

/** Where to look for a model id's files, in order. */
export interface TokenizerFileSearch {
  /** `pretrained_model_name_or_path`, else the HELM tokenizer name (as HELM's `get_wrapped_tokenizer`). */
  readonly modelId: string;
  /** The HELM tokenizer name, also tried under `<localPath>/tokenizers/`. */
  readonly tokenizerName: string;
  readonly localPath: string;
  readonly hubCacheDir: string;
}

/** The hub cache of `huggingface_hub`: `$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `~/.cache/huggingface/hub`. */
export function defaultHubCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['HF_HUB_CACHE']) return env['HF_HUB_CACHE'];
  const home = env['HF_HOME'] || join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'huggingface');
  return join(home, 'hub');
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/** `models--org--name/snapshots/<refs/main>/`, else the snapshots that exist, in name order. */
function hubSnapshotDirs(hubCacheDir: string, modelId: string): string[] {
  const repo = join(hubCacheDir, `models--${modelId.split('/').join('--')}`);
  const snapshots = join(repo, 'snapshots');
  if (!existsSync(snapshots)) return [];
  const main = join(repo, 'refs', 'main');
  const pinned = isFile(main) ? [join(snapshots, readFileSync(main, 'utf8').trim())] : [];
  return [...pinned, ...readdirSync(snapshots).sort().map((name) => join(snapshots, name))];
}

/** Every directory searched for `tokenizer.json`, in order. */
export function tokenizerDirCandidates(search: TokenizerFileSearch): string[] {
  const underLocalPath = [...new Set([search.modelId, search.tokenizerName])].map((id) => join(search.localPath, 'tokenizers', id));
  return [search.modelId, ...underLocalPath, ...hubSnapshotDirs(search.hubCacheDir, search.modelId)];
}

/** The first candidate directory holding a `tokenizer.json`, or undefined. */
export function findTokenizerFiles(search: TokenizerFileSearch): TokenizerFiles | undefined {
  for (const dir of tokenizerDirCandidates(search)) {
    const tokenizerJson = join(dir, 'tokenizer.json');
    if (!isFile(tokenizerJson)) continue;
    const tokenizerConfigJson = join(dir, 'tokenizer_config.json');
    return isFile(tokenizerConfigJson) ? { tokenizerJson, tokenizerConfigJson } : { tokenizerJson };
  }
  return undefined;
}

/** The UserError for a tokenizer whose files are nowhere: where to put them, and where we looked. */
export function missingTokenizerFilesError(search: TokenizerFileSearch): UserError {
  const target = join(search.localPath, 'tokenizers', search.modelId, 'tokenizer.json');
  return new UserError(
    `Tokenizer '${search.tokenizerName}' needs the Hugging Face tokenizer.json of '${search.modelId}', and none is ` +
      `on this machine (tokenizers are never downloaded). Place it at ${target} (with its tokenizer_config.json ` +
      `beside it), or set tokenizer_spec.args.pretrained_model_name_or_path to a directory holding it. ` +
      `Looked in: ${tokenizerDirCandidates(search).join(', ')}.`,
  );
}

/** Reads a JSON file of a tokenizer; a malformed one is a UserError naming the file. */
export function readTokenizerJsonFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UserError(`Cannot read the tokenizer file ${path}: ${(cause as Error).message}`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(`The tokenizer file ${path} must hold a JSON object.`);
  }
  return parsed as Record<string, unknown>;
}
