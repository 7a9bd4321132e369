import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.ts';
import { hubEndpoint, hubFileUrl } from './huggingface-hub.ts';

const GPT2 = { repo: 'mradermacher/gpt2-GGUF', revision: 'dd6e9dc496cea6b9b96327c72cba79501863de14', path: 'gpt2.f16.gguf' };

describe('Hugging Face hub URLs (huggingface_hub hf_hub_url)', () => {
  it('resolves <repo>/resolve/<revision>/<path> on huggingface.co', () => {
    expect(hubFileUrl(GPT2, {})).toBe(
      'https://huggingface.co/mradermacher/gpt2-GGUF/resolve/dd6e9dc496cea6b9b96327c72cba79501863de14/gpt2.f16.gguf',
    );
  });

  it('honours HF_ENDPOINT (a mirror, or a test server), without its trailing slash', () => {
    expect(hubEndpoint({ HF_ENDPOINT: 'http://127.0.0.1:8123/' })).toBe('http://127.0.0.1:8123');
    expect(hubFileUrl({ ...GPT2, revision: 'main' }, { HF_ENDPOINT: 'https://hf-mirror.com' })).toBe(
      'https://hf-mirror.com/mradermacher/gpt2-GGUF/resolve/main/gpt2.f16.gguf',
    );
    expect(hubEndpoint({ HF_ENDPOINT: '' })).toBe('https://huggingface.co');
  });

  it('percent-encodes each part of a path in a folder, and a branch name', () => {
    expect(hubFileUrl({ repo: 'a/b', revision: 'refs/pr/1', path: 'Q8 0/model #1.gguf' }, {})).toBe(
      'https://huggingface.co/a/b/resolve/refs%2Fpr%2F1/Q8%200/model%20%231.gguf',
    );
  });

  it('refuses a repo that is not <owner>/<name>, a path leaving the repo, and an endpoint that is no URL', () => {
    expect(() => hubFileUrl({ ...GPT2, repo: 'gpt2' }, {})).toThrow(new UserError("A Hugging Face repository is named '<owner>/<name>', got 'gpt2'."));
    expect(() => hubFileUrl({ ...GPT2, path: '../x.gguf' }, {})).toThrow("'../x.gguf' is not a file path inside the Hugging Face repository");
    expect(() => hubEndpoint({ HF_ENDPOINT: 'huggingface.co' })).toThrow(
      "HF_ENDPOINT must be an http(s) URL such as https://huggingface.co, got 'huggingface.co'.",
    );
  });
});
