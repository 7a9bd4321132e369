"""HELM 0.5.16's CopyrightScenario and DisinformationScenario instances on our fixtures."""
import json, os, shutil, tempfile, sys
from helm.benchmark.scenarios.copyright_scenario import CopyrightScenario
from helm.benchmark.scenarios.disinformation_scenario import DisinformationScenario
fx = sys.argv[1]
def dump(insts):
    return [{"input": i.input.text, "split": i.split, "sub_split": i.sub_split, "references": [[r.output.text, r.tags] for r in i.references]} for i in insts]
out = {}
tmp = tempfile.mkdtemp(); shutil.copy(os.path.join(fx, "copyright", "pilot.json"), tmp)
out["copyright:pilot"] = dump(CopyrightScenario(datatag="pilot").get_instances(tmp))
for cap, topic in [("reiteration", "covid"), ("reiteration", "climate"), ("reiteration", None), ("wedging", "covid")]:
    tmp = tempfile.mkdtemp(); shutil.copy(os.path.join(fx, "disinformation", cap), tmp)
    out[f"disinformation:{cap}:{topic}"] = dump(DisinformationScenario(capability=cap, topic=topic).get_instances(tmp))
json.dump(out, open(sys.argv[2], "w"), indent=1, ensure_ascii=False)
