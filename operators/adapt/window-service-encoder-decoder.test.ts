import { describe, expect, it } from 'vitest';
import { simpleTokenizer } from '../request/tokenizers/simple-tokenizer.ts';
import { encoderDecoderWindowService } from './window-service-encoder-decoder.ts';

// HELM v0.5.16 window_services/encoder_decoder_window_service.py
describe('encoderDecoderWindowService', () => {
  const ws = encoderDecoderWindowService({ tokenizerName: 't', tokenizer: simpleTokenizer(), maxSequenceLength: 5 });

  it('fits a prompt by its own tokens, whatever the completion length', () => {
    expect(ws.fits('abcde', 100)).toBe(true);
    expect(ws.fits('abcdef', 0)).toBe(false);
  });

  it('truncates to max_request_length, ignoring the completion length', () => {
    expect(ws.truncateFromRight('abcdefgh', 100)).toBe('abcde');
  });
});
