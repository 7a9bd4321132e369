/** @module HELM's EncoderDecoderWindowService (`window_services/encoder_decoder_window_service.py`): T5-style models. */
import { localWindowService, type LocalWindowService, type LocalWindowServiceOptions } from './window-service.ts';

/**
 * A LocalWindowService for models whose input and output have separate limits: a prompt fits when its own
 * tokens are ≤ max_request_length, whatever the completion length, and truncation cuts to max_request_length.
 * (HELM also warns when the completion exceeds max_sequence_length; we do not log here.) Pure.
 * @example encoderDecoderWindowService({ tokenizerName: 'google/t5-11b', tokenizer, maxSequenceLength: 511 })
 */
export function encoderDecoderWindowService(options: LocalWindowServiceOptions): LocalWindowService {
  const local = localWindowService(options);
  return {
    ...local,
    fits: (text) => local.fits(text, 0),
    truncateFromRight: (text) => local.truncateFromRight(text, 0),
  };
}
