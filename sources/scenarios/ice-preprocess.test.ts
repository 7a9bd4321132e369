import { describe, expect, it } from 'vitest';
import { preprocessIceText } from './ice-preprocess.ts';

// Each expected text is what HELM 0.5.16's ICEScenario().preprocess_text gave for the input (CPython 3.11).
const HELM: readonly (readonly [string, string])[] = [
  ['  <ICE-CAN:S1A-001#1:1:A> text <b> more> end  ', 'end'], // ICE.+ runs to the line's last ">"
  ['W2A-010 x S1B-0٣5  tail', 'x tail'], // \d is any Unicode digit
  ['a <,> b <,,,> c', 'a, b, c'],
  ['x\n\n \n \n\ny', 'x\n\ny'],
  ['<O>a<O>b</O>c</O>d', 'd'], // each closing tag takes back to the last opening one before it
  ['</O>only close', 'only close'],
  ['<-> <.> nested </.> </->', ''],
  ['tag><+_ok> and ab><+_cd>ef>', 'ok and cd>ef'],
  ['BBBx y z RRR BBBq  RRRw  III9 UUU', 'y z RRR'],
  ['<ICE\u2028x> kept?', 'kept?'], // Python's "." matches U+2028
  ['<[1>a</[1> <{23>b<}23> <}> <=> <?>', 'a b'],
  ['\u00a0\u3000 spaces \x1c', 'spaces'], // Python's strip() whitespace
];

describe('preprocessIceText', () => {
  it.each(HELM)('%j → %j, as HELM gives it', (raw, expected) => {
    expect(preprocessIceText(raw)).toBe(expected);
  });
});
