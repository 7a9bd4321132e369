# Stand-in for ought/raft's raft.py at revision 9ee50172ea9afda2f1033c6f1b986e568b862fb3, written for these tests: only the TASKS
# table that the scenario reads (data columns and label names of three subsets), in the script's format.

TASKS = {
    "ade_corpus_v2": {
        "name": "ade_corpus_v2",
        "description": "",
        "data_columns": ["Sentence", "ID"],
        "label_columns": {"Label": ["ADE-related", "not ADE-related"]},
    },
    "tai_safety_research": {
        "name": "tai_safety_research",
        "description": "",
        "data_columns": [
            "Title",
            "Abstract Note",
            "Url",
            "Publication Year",
            "Item Type",
            "Author",
            "Publication Title",
            "ID",
        ],
        "label_columns": {"Label": ["TAI safety research", "not TAI safety research"]},
    },
    "semiconductor_org_types": {
        "name": "semiconductor_org_types",
        "description": "",
        "data_columns": ["Paper title", "Organization name", "ID"],
        "label_columns": {"Label": ["company", "research institute", "university"]},  # three classes
    },
}
