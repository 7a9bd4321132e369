"""Writes the ICE fixture (texts, .hdr and .xls metadata of our own, in ICE's layout under restricted/ice/, and a
pinned file order of our own in the cache), then keeps what HELM 0.5.16's ICEScenario gives for each argument set.

    source /work/anchor/env.sh
    PYTHONPATH=<the anchor's stubs without xlrd, plus a sitecustomize setting xlrd.__version__ = "2.0.1"> python3 make.py
    # needs Debian's python3-xlwt (to write the .xls files) and python3-xlrd (pandas.read_excel reads them)

Nothing here is ICE data: every text is made up, in ICE's markup.
"""
import json, os, shutil
import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
shutil.rmtree("restricted", ignore_errors=True)
shutil.rmtree("scenarios", ignore_errors=True)


def write(path, text, encoding="utf-8", newline="\n"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline=newline) as f:
        f.write(text)


IND = "restricted/ice/ICE India"
write(f"{IND}/Corpus/S1A-001.txt",
      "<ICE-IND:S1A-001#1:1:A>\n<$A> <#> He says one minute <,> uh <O>laughs</O>\n\n\n"
      "<#> About that <-> uh </-> letter sir &ersand; &eacute;t&eacute; <mention>x</mention>\n"
      "<$B> <#> I gave it you no <,,> BBBfoo bar bazRRR  text UUU III123 after\n"
      "<X>kept</X> <w> removed </w> <.>dot</.> </O> orphan <{1>overlap<}1> <[2>x</[2>\n"
      "S1A-001 <l> line <quote>q</quote> <foreign>f</foreign> <+>p</+> <=>e</=> <?>u</?>\n"
      "word><+_replaced> &obrack;1&cbrack; 5&percent; &hash;2 &dash; &ldquo;hi&atsign;\n  \n")
write(f"{IND}/Corpus/S2A-005.txt", "  <ICE-IND:S2A-005#1:1>\r\n<#> Monologue with \\r\\n line ends \r\n\r\n <#> and a tab\there  \r\n",
      newline="")
write(f"{IND}/Corpus/W2A-001.txt", "<h>Heading</h>\n<p> Written caf\xe9 text &percent; <bold>b</bold> <fnr>footnote</fnr> ICE-IND:W2A-001 </p>\n",
      encoding="iso-8859-1")
write(f"{IND}/Corpus/s1b-002.txt", "<$A> <#> lower-case file name <sb>x</sb> <del>gone</del> <marginalia>m</marginalia> ١٢٣\n")
write(f"{IND}/Corpus/W1A-009.txt", "<I> W1A-009 <#> a letter <*>star</*> <**/> </**> <&>amp</&>\n")
write(f"{IND}/Headers/S1A-001.hdr", "<header><speaker><gender>M</gender></speaker><speaker><gender>male</gender></speaker></header>\n")
write(f"{IND}/Headers/S2A-005.hdr", "<gender>F</gender>\n")
write(f"{IND}/Headers/W2A-001.hdr", "<gender>M</gender><gender>F</gender>\n")
write(f"{IND}/Headers/s1b-002.hdr", "<gender>m</gender> <gender>Male </gender>\n")
write(f"{IND}/Headers/W1A-00.hdr", "<author><gender>Female</gender></author>\n")  # a code that is a prefix of W1A-009
write(f"{IND}/Headers/X.HDR", "<gender>M</gender>\n")  # does not end in "hdr": not read
write(f"{IND}/Headers/latin1.hdr", "<gender>f\xe9male</gender>\n", encoding="iso-8859-1")

USA = "restricted/ice/ICE-USA"
write(f"{USA}/corpus/W2B-002.txt", "<p>The U.S. Mint:</p>\n\n\n  United States coins <it>are</it> made\n")
write(f"{USA}/corpus/W1B-001.txt", "Dear <@>name</@>, <ul>thanks</ul>\n")
write(f"{USA}/Headers/W2B-002.hdr", "<gender>F</gender>")
write(f"{USA}/Headers/W1B-001.hdr", "<gender>M</gender><gender>M</gender>")

CAN = "restricted/ice/ICE-CAN"
write(f"{CAN}/Corpus/S1A-001.txt", "<$A> <#> Canadian talk <O>cough</O>\n")
write(f"{CAN}/Corpus/S1A-002.txt", "<$A> <#> more talk\n")
write(f"{CAN}/Corpus/W1A-001.txt", "<#> an essay\n")
write(f"{CAN}/Corpus/W2A-003.txt", "<#> a column\n")
HK = "restricted/ice/ICE-HK"
write(f"{HK}/CORPUS/S1A-010.txt", "<$A> <#> Hong Kong <indig>lah</indig>\n")
write(f"{HK}/CORPUS/W2A-011.txt", "<#> news <smallcaps>HK</smallcaps>\n")
write(f"{HK}/CORPUS/S2A-012.txt", "<#> a speech\n")


def workbook(path, sheets):
    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets:
        sheet = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in row.items():
                sheet.write(r, c, value)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.save(path)


header = {0: "Text", 12: "Gender 1", 19: "Gender 2"}
workbook(f"{CAN}/Headers/Spoken ICE-CAN metadata.xls", [
    ("Spoken", [header, {0: "S1A-001", 12: "M"}, {0: "S1A-002", 12: "Female"}, {0: "NA", 12: "M"}, {12: "M"}, {0: "S1B-999", 12: "F"}]),
    ("Ignored", [header, {0: "S1A-002", 12: "M"}]),  # sheet_name=[0]: only the first sheet is read
])
workbook(f"{CAN}/Headers/Written ICE-CAN metadata.xls", [
    ("Written", [header, {0: "W1A-001", 12: "F", 19: "M"}, {0: "W2A-003", 12: "x", 19: "male"}, {0: "W2A-00", 12: 3, 19: "f"}]),
])
workbook(f"{HK}/Headers/HKRecords.xls", [
    ("Spoken", [{0: "Text", 16: "Sex"}, {0: "S1A-010", 16: "M"}, {0: "S2A-012", 16: "F"}]),
    ("Written", [{0: "Text", 16: "Sex"}, {0: "w2a-011", 16: "M"}]),  # matched case-insensitively
])

EA = "restricted/ice/ICE-EA/corpus/retagged for wsmith"
write(f"{EA}/all east africa/brdisc-K.txt", "S1A001K\n<$A> <#> first discussion\nS1A002K\n<$B> <#> second discussion\nS1A003aK\n")
write(f"{EA}/all east africa/Essays-T.txt", "W1A001T\n<#> an essay from Tanzania\n")
write(f"{EA}/all east africa/splect-K.txt", "S2B010K\n<#> a lecture\n")
write("restricted/ice/ICE-JA/Corpus/S1A-001.txt", "<$A> <#> Jamaica\n")
write("restricted/ice/ICE SINGAPORE/Corpus/W2A-001.txt", "<#> Singapore\n")
write("restricted/ice/ICE Philippines/Corpus/S2A-001.txt", "<#> Philippines\n")
write("restricted/ice/ICE-IRL/ICE-Ireland version 1.2#6DAE.2/ICE-Ireland txt/ICE combined running txt/s1a-001.txt", "<#> Ireland\n")

# HELM's pinned order (corpus path -> files) of our own: India in an order that is not sorted, Canada empty (the
# sorted listing is used), the rest absent.
write("scenarios/ice/ice_scenario_pinned_file_order.json", json.dumps({
    "restricted/ice/ICE India/Corpus": ["W2A-001.txt", "S1A-001.txt", "s1b-002.txt", "S2A-005.txt", "W1A-009.txt"],
    "restricted/ice/ICE-CAN/Corpus": [],
}, indent=1) + "\n")

from helm.benchmark.scenarios.ice_scenario import ICEScenario
from helm.common.general import asdict_without_nones

ARGS = [
    {}, {"subset": "ind"}, {"subset": "ind", "category": "S1"}, {"subset": "ind", "category": "W"}, {"subset": "usa"},
    {"subset": "ea", "category": "S"}, {"subset": "ea", "category": "W1"}, {"category": "S2"}, {"gender": "male"},
    {"gender": "female"}, {"subset": "can", "gender": "female"}, {"subset": "hk", "gender": "male"},
]
out = {"source": "HELM 0.5.16 ICEScenario(**args).get_instances('scenarios/ice') run in this folder (make.py)", "runs": []}
for args in ARGS:
    scenario = ICEScenario(**args)
    instances = scenario.get_instances(os.path.join("scenarios", "ice"))
    out["runs"].append({"args": args, "instances": [asdict_without_nones(i) for i in instances]})
d = asdict_without_nones(ICEScenario())
out["scenario_json"] = {k: d[k] for k in ("name", "description", "tags", "definition_path")}
with open("helm-instances.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
