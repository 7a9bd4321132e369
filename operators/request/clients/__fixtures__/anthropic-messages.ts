/**
 * Anthropic Messages API bodies as Anthropic documents them (`POST /v1/messages`): an answer, an error, and the
 * server-sent events of a streamed answer. Served by the scripted 127.0.0.1 server of openai-server.ts.
 */
import type { Reply } from './openai-server.ts';

/** A message whose content is the given blocks: a string is a text block, `{thinking}` a thinking block. */
export function anthropicMessage(model: string, blocks: readonly (string | { thinking: string })[], stopReason = 'end_turn'): unknown {
  return {
    id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
    type: 'message',
    role: 'assistant',
    model,
    content: blocks.map((block) =>
      typeof block === 'string' ? { type: 'text', text: block } : { type: 'thinking', thinking: block.thinking, signature: 'EqQBCgIYAhIM' }),
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 2095, output_tokens: 503, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

/** Anthropic's error body: `{"type": "error", "error": {"type", "message"}}`. */
export const anthropicError = (type: string, message: string): unknown => ({ type: 'error', error: { type, message } });

/** A streamed answer (`stream: true`): message_start, one text block's start/delta/stop, message_delta, message_stop. */
export function anthropicStream(model: string, text: string): Reply {
  const events: [string, unknown][] = [
    ['message_start', { type: 'message_start', message: { ...(anthropicMessage(model, []) as object), content: [], stop_reason: null } }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 15 } }],
    ['message_stop', { type: 'message_stop' }],
  ];
  return { text: events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join(''), contentType: 'text/event-stream' };
}
