import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.ts';
import { defaultHubCacheDir, tokenizerDirCandidates } from './huggingface-files.ts';
import { huggingFaceTokenizer, modelIdOf } from './huggingface.ts';

/** A ByteLevel BPE (GPT-2 style) over bytes 0–255 with merges up to "hello" (259) and "Ġworld" (264), added
 * tokens <|endoftext|> (265) and <s> (266), and a post-processor that would prepend <s>. */
const TINY = fileURLToPath(new URL('./__fixtures__/tiny-bpe/', import.meta.url));
const nowhere = { localPath: '/nonexistent/prod_env', hubCacheDir: '/nonexistent/hub' };
const tiny = (tokenizerName = 'acme/tiny', dir = TINY) =>
  huggingFaceTokenizer({ tokenizerName, args: { pretrained_model_name_or_path: dir }, ...nowhere });
const tempDir = () => mkdtempSync(join(tmpdir(), 'hf-tokenizer-'));

// HELM v0.5.16 tokenizers/huggingface_tokenizer.py
describe('huggingFaceTokenizer on a local tokenizer.json', () => {
  const tokenizer = tiny();

  it('encodes with the BPE merges and without special tokens (add_special_tokens=False)', () => {
    expect(tokenizer.encode('hello world')).toEqual([259, 264]);
    expect(tokenizer.encode('Hello')).toEqual([72, 101, 257, 111]);
    expect(tokenizer.encode(' é')).toEqual([32, 195, 169]);
    expect(tokenizer.countTokens?.('hello world hello')).toBe(4);
  });

  it('splits added tokens out of the text', () => {
    expect(tokenizer.encode('hello<|endoftext|>')).toEqual([259, 265]);
  });

  it('decodes with special tokens kept and no clean-up of spaces, though the config asks for it', () => {
    expect(tokenizer.decode([259, 264, 265])).toBe('hello world<|endoftext|>');
    // HELM test_gpt2_window_service.py: huggingface/transformers#17682
    const studio = "their 'studio'";
    expect(tokenizer.decode(tokenizer.encode(studio) as number[])).toBe(studio);
    expect(tokenizer.decode([195])).toBe('\ufffd');
    expect(tokenizer.decode([])).toBe('');
  });

  it('truncates to the first max_length tokens', () => {
    expect(tokenizer.encode('hello world hello', { truncation: true, maxLength: 2 })).toEqual([259, 264]);
    expect(tokenizer.encode('hello world hello', { truncation: true, maxLength: -3 })).toEqual([]);
  });

  it('keeps the last tokens when tokenizer_config.json says truncation_side "left"', () => {
    const dir = tempDir();
    cpSync(join(TINY, 'tokenizer.json'), join(dir, 'tokenizer.json'));
    writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ truncation_side: 'left' }));
    expect(tiny('acme/tiny', dir).encode('hello world hello', { truncation: true, maxLength: 2 })).toEqual([32, 259]);
  });

  it('tokenizes as HELM does: readable strings for "gpt" names, Ġ cleaned for huggingface/*, raw otherwise', () => {
    expect(tiny('acme/tiny-gpt').tokenize('hello world')).toEqual(['hello', ' world']);
    expect(tiny('acme/tiny-gpt').tokenize(' é')).toEqual([' ', '\ufffd', '\ufffd']);
    expect(tiny('huggingface/tiny').tokenize('hello world')).toEqual(['hello', ' world']);
    expect(tiny('acme/tiny').tokenize('hello world')).toEqual(['hello', 'Ġworld']);
  });
});

describe('huggingFaceTokenizer finds tokenizer.json locally, never downloading', () => {
  it('uses pretrained_model_name_or_path, else the HELM tokenizer name, as the model id', () => {
    expect(modelIdOf({ tokenizerName: 'huggingface/gpt2', args: { pretrained_model_name_or_path: 'openai-community/gpt2' } })).toBe(
      'openai-community/gpt2',
    );
    expect(modelIdOf({ tokenizerName: 'EleutherAI/gpt-j-6B', args: {} })).toBe('EleutherAI/gpt-j-6B');
  });

  it('finds <local-path>/tokenizers/<org>/<name>/tokenizer.json', () => {
    const localPath = tempDir();
    mkdirSync(join(localPath, 'tokenizers', 'acme', 'tiny'), { recursive: true });
    cpSync(join(TINY, 'tokenizer.json'), join(localPath, 'tokenizers', 'acme', 'tiny', 'tokenizer.json'));
    const tokenizer = huggingFaceTokenizer({ tokenizerName: 'acme/tiny', args: {}, localPath, hubCacheDir: nowhere.hubCacheDir });
    expect(tokenizer.encode('hello world')).toEqual([259, 264]);
  });

  it('finds the hub cache snapshot that refs/main names', () => {
    const hub = tempDir();
    const repo = join(hub, 'models--acme--tiny');
    mkdirSync(join(repo, 'refs'), { recursive: true });
    mkdirSync(join(repo, 'snapshots', 'aaa'), { recursive: true });
    mkdirSync(join(repo, 'snapshots', 'bbb'), { recursive: true });
    writeFileSync(join(repo, 'refs', 'main'), 'bbb\n');
    writeFileSync(join(repo, 'snapshots', 'aaa', 'tokenizer.json'), '{ not json');
    cpSync(join(TINY, 'tokenizer.json'), join(repo, 'snapshots', 'bbb', 'tokenizer.json'));
    const tokenizer = huggingFaceTokenizer({ tokenizerName: 'acme/tiny', args: {}, localPath: nowhere.localPath, hubCacheDir: hub });
    expect(tokenizer.encode('hello world')).toEqual([259, 264]);
  });

  it('looks in the config’s directory, the local-path tree, then the hub cache', () => {
    expect(
      tokenizerDirCandidates({ modelId: 'org/name', tokenizerName: 'helm/name', localPath: 'prod_env', hubCacheDir: '/nonexistent/hub' }),
    ).toEqual(['org/name', join('prod_env', 'tokenizers', 'org', 'name'), join('prod_env', 'tokenizers', 'helm', 'name')]);
  });

  it('follows HF_HUB_CACHE, then HF_HOME, then ~/.cache/huggingface for the hub cache', () => {
    expect(defaultHubCacheDir({ HF_HUB_CACHE: '/h/hub', HF_HOME: '/x' })).toBe('/h/hub');
    expect(defaultHubCacheDir({ HF_HOME: '/x' })).toBe(join('/x', 'hub'));
    expect(defaultHubCacheDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'huggingface', 'hub'));
  });

  it('stops with a UserError naming where to place a missing tokenizer.json', () => {
    const make = () => huggingFaceTokenizer({ tokenizerName: 'anthropic/claude', args: { pretrained_model_name_or_path: 'Xenova/claude-tokenizer' }, ...nowhere });
    expect(make).toThrow(UserError);
    expect(make).toThrow(`Place it at ${join(nowhere.localPath, 'tokenizers', 'Xenova/claude-tokenizer', 'tokenizer.json')}`);
    expect(make).toThrow(/never downloaded/);
  });

  it('stops with a UserError naming a malformed tokenizer.json', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tokenizer.json'), '{ "model": ');
    expect(() => tiny('acme/tiny', dir)).toThrow(UserError);
    expect(() => tiny('acme/tiny', dir)).toThrow(join(dir, 'tokenizer.json'));
  });

  it('serves GPT-2 from r50k_base when its tokenizer.json is nowhere', () => {
    const gpt2 = huggingFaceTokenizer({ tokenizerName: 'huggingface/gpt2', args: { pretrained_model_name_or_path: 'openai-community/gpt2' }, ...nowhere });
    expect(gpt2.encode('Hello world')).toEqual([15496, 995]);
  });

  it('prefers a GPT-2 tokenizer.json that is present', () => {
    const localPath = tempDir();
    mkdirSync(join(localPath, 'tokenizers', 'openai-community', 'gpt2'), { recursive: true });
    cpSync(join(TINY, 'tokenizer.json'), join(localPath, 'tokenizers', 'openai-community', 'gpt2', 'tokenizer.json'));
    const gpt2 = huggingFaceTokenizer({
      tokenizerName: 'huggingface/gpt2',
      args: { pretrained_model_name_or_path: 'openai-community/gpt2' },
      localPath,
      hubCacheDir: nowhere.hubCacheDir,
    });
    expect(gpt2.encode('hello world')).toEqual([259, 264]); // the tiny fixture's ids, not GPT-2's
  });
});
