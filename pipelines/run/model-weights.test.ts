/**
 * The built-in GPT-2's weights, fetched from a Hugging Face hub on 127.0.0.1 (HF_ENDPOINT) that serves the tiny GGUF
 * model of the llama.cpp tests under the pinned repo, revision and file: downloaded and verified once, then reused
 * without a request; a checksum mismatch or a refused connection is a UserError naming the URL and the exact path.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { writeTinyLlamaGguf } from '../../operators/request/clients/__fixtures__/tiny-gguf.ts';
import { startHubServer, type HubServer } from '../../sources/__fixtures__/hub-server.ts';
import type { ModelDeployment } from './model-configs.ts';
import { loadModelRegistry } from './model-registry.ts';
import { ensureModelWeights, hubModelFile, type ModelWeightsOptions } from './model-weights.ts';

const work = mkdtempSync(join(tmpdir(), 'model-weights-'));
const tinyPath = join(work, 'tiny.gguf');
writeTinyLlamaGguf(tinyPath, 3);
const TINY = readFileSync(tinyPath);
const TINY_SHA256 = createHash('sha256').update(TINY).digest('hex');

const REVISION = 'dd6e9dc496cea6b9b96327c72cba79501863de14';
const PINNED_SHA256 = '9fe9a48984acda9e18b8e469b360fed21d2e255ee1ab50168d5ecb406f366ca8';
const HUB_KEY = `mradermacher/gpt2-GGUF/resolve/${REVISION}/gpt2.f16.gguf`;
const gpt2 = loadModelRegistry(join(work, 'no-prod-env')).requireDeployment('huggingface/gpt2');
/** The built-in deployment with another checksum, as a user's <local-path>/model_deployments.yaml entry would give it. */
const withArgs = (args: Record<string, unknown>, deployment: ModelDeployment = gpt2): ModelDeployment => ({
  ...deployment,
  client_spec: { ...deployment.client_spec, args: { ...deployment.client_spec.args, ...args } },
});

let hub: HubServer;
const updates: [number, number | undefined][] = [];
const logged: string[] = [];
const options = (): ModelWeightsOptions => ({
  env: { HF_ENDPOINT: hub.endpoint },
  download: { retries: 2, retryDelayMs: 1, timeoutMs: 5_000, log: (m) => logged.push(m) },
  progress: () => ({ update: (transferred, total) => updates.push([transferred, total]), stop: () => undefined }),
});

beforeAll(async () => {
  hub = await startHubServer({ [HUB_KEY]: TINY });
});
afterAll(async () => {
  await hub.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the built-in huggingface/gpt2 deployment', () => {
  it("is HELM's (model openai/gpt2, tokenizer huggingface/gpt2, 1,024 tokens), served by llama.cpp from a pinned GGUF", () => {
    const registry = loadModelRegistry(join(work, 'no-prod-env'));
    expect(registry.defaultDeploymentForModel('openai/gpt2')).toBe('huggingface/gpt2');
    expect(registry.model('openai/gpt2')?.display_name).toBe('GPT-2 (1.5B)');
    expect(gpt2).toMatchObject({ model_name: 'openai/gpt2', tokenizer_name: 'huggingface/gpt2', max_sequence_length: 1024, max_request_length: 1025 });
    expect(gpt2.client_spec).toEqual({
      class_name: 'helm_stream.clients.LlamaCppClient',
      args: { hf_repo: 'mradermacher/gpt2-GGUF', hf_revision: REVISION, hf_file: 'gpt2.f16.gguf', sha256: PINNED_SHA256, end_of_text_token: '<|endoftext|>' },
    });
    expect(hubModelFile(gpt2, 'prod_env', {})).toEqual({
      file: { repo: 'mradermacher/gpt2-GGUF', revision: REVISION, path: 'gpt2.f16.gguf' },
      url: `https://huggingface.co/${HUB_KEY}`,
      sha256: PINNED_SHA256,
      targetPath: join(process.cwd(), 'prod_env', 'models', 'mradermacher', 'gpt2-GGUF', 'gpt2.f16.gguf'),
    });
  });
});

describe('ensureModelWeights: a GGUF file of the Hugging Face hub, fetched once into <local-path>/models/', () => {
  const local = join(work, 'prod_env');
  const modelsDir = join(local, 'models', 'mradermacher', 'gpt2-GGUF');
  const target = join(modelsDir, 'gpt2.f16.gguf');

  it('downloads the file on the first run, checks its SHA-256, renames it into place and hands its path to the client', async () => {
    const args = await ensureModelWeights(withArgs({ sha256: TINY_SHA256 }), local, options());
    expect(args).toEqual({ ...withArgs({ sha256: TINY_SHA256 }).client_spec.args, model_path: target });
    expect(readFileSync(target).equals(TINY)).toBe(true);
    expect(readdirSync(modelsDir)).toEqual(['gpt2.f16.gguf']); // no temporary file left beside it
    expect(hub.requests).toEqual([`/${HUB_KEY}`, `/cdn/${TINY_SHA256}`]); // the hub's redirect to its CDN, followed
    expect(updates.at(-1)).toEqual([TINY.length, TINY.length]); // the progress bar saw every byte, of a known total
    expect(logged[0]).toBe(`Downloading ${hub.endpoint}/${HUB_KEY} to ${target}`);
  });

  it('reuses the file on a later run without a request', async () => {
    hub.requests.length = 0;
    const args = await ensureModelWeights(withArgs({ sha256: TINY_SHA256 }), local, options());
    expect(args['model_path']).toBe(target);
    expect(hub.requests).toEqual([]);
  });

  it('refuses a file whose checksum is not the pinned one, and leaves nothing under the final name', async () => {
    const elsewhere = join(work, 'mismatch');
    const path = join(elsewhere, 'models', 'mradermacher', 'gpt2-GGUF', 'gpt2.f16.gguf');
    const url = `${hub.endpoint}/${HUB_KEY}`;
    const error = await ensureModelWeights(gpt2, elsewhere, options()).catch((e: unknown) => e); // the real pin; the tiny model served
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Model deployment 'huggingface/gpt2' (model openai/gpt2) runs from gpt2.f16.gguf of the Hugging Face repository ` +
        `mradermacher/gpt2-GGUF (revision ${REVISION}), which is not on this machine yet. ` +
        `Could not download ${url}: checksum mismatch: got sha256 ${TINY_SHA256}. Without internet access, fetch that URL ` +
        `elsewhere (expected sha256 ${PINNED_SHA256}), and place it at ${path}. (HF_ENDPOINT sets another hub, such as a mirror.)`,
    );
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(elsewhere, 'models', 'mradermacher', 'gpt2-GGUF'))).toEqual([]);
  });

  it('names the URL and the exact path to place the file at when the hub cannot be reached', async () => {
    const closed = await startHubServer({});
    await closed.close(); // nothing listens on its port any more: the connection is refused
    const elsewhere = join(work, 'offline');
    const path = join(elsewhere, 'models', 'mradermacher', 'gpt2-GGUF', 'gpt2.f16.gguf');
    const error = await ensureModelWeights(gpt2, elsewhere, { ...options(), env: { HF_ENDPOINT: closed.endpoint } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).toContain(`Could not download ${closed.endpoint}/${HUB_KEY}: connect ECONNREFUSED`);
    expect(message).toContain(`Without internet access, fetch that URL elsewhere (expected sha256 ${PINNED_SHA256}), and place it at ${path}.`);
    expect(existsSync(path)).toBe(false);
  });

  it("downloads to a deployment's own model_path, and leaves args naming no hub file as they are", async () => {
    hub.requests.length = 0;
    const own = join(work, 'own', 'gpt2.gguf');
    const args = await ensureModelWeights(withArgs({ sha256: TINY_SHA256, model_path: own }), local, options());
    expect(args['model_path']).toBe(own);
    expect(readFileSync(own).equals(TINY)).toBe(true);
    const plain = withArgs({}, { ...gpt2, client_spec: { class_name: gpt2.client_spec.class_name, args: { model_path: 'x.gguf' } } });
    expect(await ensureModelWeights(plain, local, options())).toBe(plain.client_spec.args);
    expect(hub.requests).toHaveLength(2);
  });

  it('refuses malformed hub args, naming the deployment', () => {
    expect(() => hubModelFile(withArgs({ sha256: 'abc' }), local, {})).toThrow(
      "Model deployment 'huggingface/gpt2': client_spec arg sha256 must be 64 hexadecimal digits (the hub shows it on the file's page), got 'abc'.",
    );
    expect(() => hubModelFile(withArgs({ hf_repo: null }), local, {})).toThrow(
      "Model deployment 'huggingface/gpt2': client_spec arg hf_file needs hf_repo, the Hugging Face repository it is in.",
    );
    expect(() => hubModelFile(withArgs({ hf_file: 7 }), local, {})).toThrow("client_spec arg 'hf_file' must be a non-empty string.");
  });
});
