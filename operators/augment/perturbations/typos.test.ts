import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import { typos } from './typos.ts';

// Expected strings: HELM v0.5.16 TyposPerturbation under CPython 3.11, rng = Random(id) / Random("1" + id).
const run = (prob: number, text: string, seed: string) => typos({ prob: pyFloat(prob) }).perturb(text, new PythonRandom(seed));

describe('typos', () => {
  it("reproduces HELM's docstring sentence at prob 0.1 and 0.5", () => {
    const text = 'After their marriage, she started a close collaboration with Karvelas.';
    expect(run(0.1, text, 'id0')).toBe('After tjeir marriage, she xrwrted a cloae dollabpration with Iarvwlas.');
    expect(run(0.1, text, '1id0')).toBe('Arter their maeriage, she started a clisf collaboration sith Karvelas.');
    expect(run(0.5, text, 'id0')).toBe('Agree thslf karristw, sur atzetse w cloar collabkratuon wktg Jarvelze.');
    expect(run(0.5, text, '1id0')).toBe('Arrdd thwie mzrdkage, whd stqthff s vlode xlllavogagikn witg Jwtcrlza.');
  });

  it('round-trips case like HELM: İ → I\u0307 and ǅ → Ǆ without a draw, the Kelvin sign draws as k', () => {
    expect(run(0.1, 'QWERTY keys: \u0130 \u01c5 \u00df K 123!', 'id9')).toBe('QWERTY keys: I\u0307 \u01c4 \u00df K 123!');
    expect(run(0.5, 'QWERTY keys: \u0130 \u01c5 \u00df K 123!', 'id9')).toBe('WWDRHY ldys: I\u0307 \u01c4 \u00df K 123!');
    expect(run(0.5, '\u212aelvin \u212a\u212a \u0130 \u01c5 \u00df', 'id9')).toBe('Oekvib KL I\u0307 \u01c4 \u00df');
    expect(run(0.5, '\u212aelvin \u212a\u212a \u0130 \u01c5 \u00df', '1id9')).toBe('Jekvom KK I\u0307 \u01c4 \u00df');
  });

  it('describes itself with prob', () => {
    expect(JSON.stringify(typos({ prob: pyFloat(0.5) }).description)).toBe(
      '{"name":"typos","robustness":true,"fairness":false,"computed_on":"perturbed","prob":0.5}',
    );
  });
});
