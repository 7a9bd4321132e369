"""HELM 0.5.16's MSMARCOScenario instances on our fixture (a copy: HELM rewrites trec_qrels.tsv in place)."""
import json, os, shutil, tempfile, sys
from helm.benchmark.scenarios.msmarco_scenario import MSMARCOScenario
fixture = sys.argv[1]
out = {}
for track, topk in [("regular", None), ("regular", 11), ("trec", None), ("trec", 11)]:
    tmp = tempfile.mkdtemp()
    shutil.copytree(os.path.join(fixture, "data"), os.path.join(tmp, "data"))
    try:
        insts = MSMARCOScenario(track=track, valid_topk=topk).get_instances(tmp)
        out[f"{track}:{topk}"] = [{"input": i.input.text, "split": i.split, "references": [[r.output.text, r.tags] for r in i.references]} for i in insts]
    except Exception as e:
        out[f"{track}:{topk}"] = {"error": f"{type(e).__name__}: {e}"}
json.dump(out, open(sys.argv[2], "w"), indent=1, ensure_ascii=False)
