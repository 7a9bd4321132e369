import { describe, expect, it } from 'vitest';
import { sameInput } from './instance.ts';

describe('sameInput (HELM Input equality)', () => {
  const history = [{ role: 'user', content: 'Hi' }];

  it('compares text and class', () => {
    expect(sameInput({ text: 'a' }, { text: 'a' })).toBe(true);
    expect(sameInput({ text: 'a' }, { text: 'b' })).toBe(false);
    expect(sameInput({ text: 'a' }, { text: 'a', kind: 'passage_question' })).toBe(false);
  });

  it('compares messages by value, dict key order aside', () => {
    expect(sameInput({ text: '', messages: history }, { text: '', messages: [{ content: 'Hi', role: 'user' }] })).toBe(true);
    expect(sameInput({ text: '', messages: history }, { text: '', messages: [{ role: 'user', content: 'Ho' }] })).toBe(false);
    expect(sameInput({ text: '', messages: history }, { text: '', messages: [...history, ...history] })).toBe(false);
    expect(sameInput({ text: '', messages: [{ role: 'user' }] }, { text: '', messages: [{ role: 'user', content: '' }] })).toBe(false);
  });

  it('tells a perturbed copy (text only, as HELM makes it) from its chat original', () => {
    expect(sameInput({ text: '', messages: history }, { text: '' })).toBe(false);
    expect(sameInput({ text: '', messages: [] }, { text: '', messages: [] })).toBe(true);
  });
});
