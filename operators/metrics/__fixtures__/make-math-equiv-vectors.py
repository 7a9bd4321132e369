"""HELM 0.5.16 is_equiv / is_equiv_chain_of_thought / _strip_string on pairs written for the tests (math-equiv.test.ts).

    source /work/anchor/env.sh && python3 make-math-equiv-vectors.py | grep -v WARNING > math-equiv-vectors.json
"""
import json
from helm.benchmark.scenarios.math_scenario import is_equiv, is_equiv_chain_of_thought, _strip_string
pairs = [
 ("\\frac{1}{2}", "0.5"), ("\\frac12", "\\frac{1}{2}"), ("\\dfrac{3}{4}", "3/4"), ("\\tfrac13", "\\frac{1}{3}"),
 ("\\sqrt3", "\\sqrt{3}"), ("10^\\circ", "10"), ("10^{\\circ}", "10"), ("6 \\text{ cm}", "6"), ("10\\%", "10"),
 ("\\$5", "5"), ("k = 5", "5"), ("x = y = 1", "1"), ("abc = 5", "5"), ("\\left(4\\right)", "(4)"), (".75", "0.75"),
 ("\\{.5\\}", "\\{0.5\\}"), ("1\\text{ m}\\text{ s}", "1\\text{ m}\\text{ s}"), ("1\\text{ m}\\text{ s}", "1"),
 ("\\frac", "\\frac"), ("\\frac", "x"), ("2\\sqrt", "2\\sqrt"), ("2\\sqrt", "2"), ("\\frac1", "\\frac1"), ("\\frac1", "1"),
 ("\\frac{1}2", "\\frac{1}{2}"), ("\\frac1{72}", "\\frac{1}{72}"), ("\\frac1b", "\\frac{1}{b}"), ("0.5", "1/2"),
 ("01/2", "\\frac{01}{2}"), ("-1/2", "\\frac{-1}{2}"), ("-0/2", "\\frac{0}{2}"), ("1/2/3", "1/2/3"), ("+1/2", "\\frac{1}{2}"),
 ("a/b", "\\frac{a}{b}"), ("", ""), ("", " "), ("\n", ""), ("\\!1", "1"), ("2\\\\3", "2\\3"), ("𝑥=5", "5"), ("𝑥𝑦=5", "5"), ("𝑥𝑦𝑧=5", "5"),
 ("\\sqrt𝑥", "\\sqrt{𝑥}"), ("\\frac𝑥𝑦", "\\frac{𝑥}{𝑦}"), ("\\frac𝑥{𝑦}", "\\frac{𝑥}{𝑦}"), ("\\frac𝑥", "\\frac𝑥"),
 ("1 .5", "10.5"), ("\\frac{1}{2}", "\\frac {1}{2}"), ("\\frac 12", "\\frac{1}{2}"), ("\\sqrt 2", "\\sqrt{2}"), ("١/٢", "\\frac{1}{2}"),
 ("\\text{ cm}", ""), ("3 \\text{ cm}", "3\\text{ cm}"), ("5", "5.0"), ("=5", "5"), ("==5", "5"), ("a=", ""),
]
cot = [
 ("so \\boxed{\\frac12}", "we get \\boxed{0.5} then"), ("\\boxed{1}", "no box"), ("no box", "none either"), ("\\fbox{1}", "\\fbox{2}"),
 ("\\boxed{1} and \\boxed{2}", "\\boxed{2}"), ("\\boxed{\\{1}", "\\boxed{x}"), ("\\boxed 5", "5"), ("}\\boxed{}", "\\boxed{}"),
]
out = {"math_equiv": [[a, b, is_equiv(a, b)] for a, b in pairs], "math_equiv_chain_of_thought": [[a, b, is_equiv_chain_of_thought(a, b)] for a, b in cot]}
strip = {}
for a, b in pairs:
    for s in (a, b):
        try: strip[s] = _strip_string(s)
        except Exception as e: strip[s] = "!" + type(e).__name__
out["strip"] = strip
print(json.dumps(out, ensure_ascii=False))
