"""Writes helm-adapters.json: what HELM 0.5.16's ranking_binary, multiple_choice_joint_chain_of_thought and chat
adapters make of small instance sets, as HELM writes it (asdict_without_nones + json.dumps(indent=2)).

Run with the anchor (../shared/tools/helm-anchor/README.md):
    source /work/anchor/env.sh && python operators/adapt/__fixtures__/make-helm-adapters.py

Each case: `adapter_spec` (the spec's JSON text, as in run_spec.json), `instances` (every input instance's JSON
text, train first) and `request_states` (each RequestState's JSON text, in `adapt` order).
"""

import json
import os
import tempfile
from dataclasses import replace

from helm.benchmark.adaptation.adapter_spec import (
    ADAPT_CHAT,
    ADAPT_MULTIPLE_CHOICE_JOINT_CHAIN_OF_THOUGHT,
    AdapterSpec,
)
from helm.benchmark.adaptation.adapters.adapter_factory import AdapterFactory
from helm.benchmark.adaptation.common_adapter_specs import (
    get_multiple_choice_adapter_spec,
    get_ranking_binary_adapter_spec,
)
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package
from helm.benchmark.scenarios.scenario import CORRECT_TAG, Input, Instance, Output, Reference
from helm.benchmark.window_services.tokenizer_service import TokenizerService
from helm.common.cache_backend_config import BlackHoleCacheBackendConfig
from helm.common.general import asdict_without_nones
from helm.common.local_context import LocalContext

register_builtin_configs_from_helm_package()
TOKENIZERS = TokenizerService(
    LocalContext(base_path=tempfile.mkdtemp(), cache_backend_config=BlackHoleCacheBackendConfig())
)
MODEL = {"model": "simple/model1", "model_deployment": "simple/model1"}


def ref(text, *tags):
    return Reference(Output(text=text), tags=list(tags))


def text(obj):
    return json.dumps(asdict_without_nones(obj), indent=2)


def case(spec, instances):
    adapter = AdapterFactory.get_adapter(spec, TOKENIZERS)
    states = adapter.adapt(instances, parallelism=1)
    return {
        "adapter_spec": text(spec),
        "instances": [text(instance) for instance in instances],
        "request_states": [text(state) for state in states],
    }


# ranking_binary: msmarco's preset (max_train_instances=4 is halved to 2 by the preset)
ranking_train = [
    Instance(Input(text="what is a cat"), [ref("A cat is a small feline.", CORRECT_TAG), ref("Dogs bark.")], "train", id="rt0"),
    Instance(Input(text="how tall is everest"), [ref("Paris is in France."), ref("Everest is 8,849 m tall.", CORRECT_TAG)], "train", id="rt1"),
    Instance(Input(text="who wrote hamlet"), [ref("Shakespeare wrote Hamlet.", CORRECT_TAG), ref("Bananas are yellow.")], "train", id="rt2"),
]
ranking_eval = [
    Instance(
        Input(text="when did rome fall"),
        [
            ref("Rome fell in 476 AD.", "docid=11", CORRECT_TAG, "relevance=1", "rank=1"),
            ref("Pizza is from Naples.", "docid=12", "rank=2"),
            ref("The Western Roman Empire ended in 476.", "docid=13", CORRECT_TAG, "relevance=1", "rank=3"),
        ],
        "valid",
        id="re0",
    ),
    Instance(Input(text="caf\u00e9 au lait"), [ref("Coffee with hot milk \u2014 caf\u00e9.", "docid=21", "rank=1")], "valid", id="re1"),
    Instance(Input(text="no documents"), [], "valid", id="re2"),
]
msmarco = get_ranking_binary_adapter_spec(max_train_instances=4, stop_sequences=["\n"], **MODEL)

# The same with instructions and a max_tokens that leaves room for one train instance (two blocks) only,
# then one that leaves room for none, so that the prompt is cut.
window = AdapterFactory.get_adapter(msmarco, TOKENIZERS).window_service
instructed = replace(msmarco, instructions="Say whether the passage answers the query.\n")
one_eval = [ranking_eval[1]]
prompt_with_one = AdapterFactory.get_adapter(instructed, TOKENIZERS).construct_prompt(
    [ranking_train[0]], one_eval[0], include_output=False, reference_index=0
).text
fits_one = replace(instructed, max_tokens=window.max_sequence_length - window.get_num_tokens(prompt_with_one))
cut = replace(instructed, max_tokens=window.max_sequence_length - 20)

# multiple_choice_joint_chain_of_thought: GPQA's few-shot chain-of-thought preset
gpqa = get_multiple_choice_adapter_spec(
    method=ADAPT_MULTIPLE_CHOICE_JOINT_CHAIN_OF_THOUGHT,
    max_tokens=200,  # the preset's 2000 leaves simple/model1's 2048-token window no room
    max_train_instances=3,
    instructions=(
        "Here are some example questions from experts. "
        "An explanation is given before the final answer. "
        "Answer the final question yourself, giving your reasoning beforehand."
    ),
    input_noun="Question",
    input_suffix="\nChoices: \n",
    reference_prefix="(A) ",
    chain_of_thought_prefix="Let's think step by step: ",
    chain_of_thought_suffix="The correct answer is ",
    output_noun="",
    output_prefix="",
    global_suffix=(
        "Give step by step reasoning before you answer, and when you\u2019re ready to answer, "
        'please use the format "The correct answer is (insert answer here)":'
    ),
    **MODEL,
)
choices = ["red", "green", "blue", "cyan"]
cot_train = [
    Instance(Input(text="Which is the color of grass?"), [ref(c, *([CORRECT_TAG] if i == 1 else [])) for i, c in enumerate(choices)], "train", id="ct0", extra_data={"chain_of_thought": "Grass has chlorophyll. "}),
    Instance(Input(text="Which is the color of the sky?"), [ref(c, *([CORRECT_TAG] if i == 2 else [])) for i, c in enumerate(choices)], "train", id="ct1", extra_data={"chain_of_thought": "Rayleigh scattering.\n"}),
    Instance(Input(text="Which is the color of blood?"), [ref(c, *([CORRECT_TAG] if i == 0 else [])) for i, c in enumerate(choices)], "train", id="ct2", extra_data={"source": "none"}),
    Instance(Input(text="Which mixes green and blue?"), [ref(c, *([CORRECT_TAG] if i == 3 else [])) for i, c in enumerate(choices)], "train", id="ct3"),
]
cot_eval = [
    Instance(Input(text="Which is a warm color?"), [ref(c, *([CORRECT_TAG] if i == 0 else [])) for i, c in enumerate(choices)], "test", id="ce0", extra_data={"chain_of_thought": "Not shown for eval."}),
    Instance(Input(text="Which two are primary in light?"), [ref(c, *([CORRECT_TAG] if i in (0, 1) else [])) for i, c in enumerate(choices[:3])], "test", id="ce1"),
]

# The same adapter, multi_label, on every train instance (sample_train=False keeps their order)
multi = AdapterSpec(
    method=ADAPT_MULTIPLE_CHOICE_JOINT_CHAIN_OF_THOUGHT,
    instructions="Pick.",
    reference_prefix="A. ",
    chain_of_thought_prefix="Reasoning: ",
    chain_of_thought_suffix="\nSo: ",
    multi_label=True,
    max_train_instances=5,
    sample_train=False,
    num_outputs=3,
    max_tokens=7,
    stop_sequences=["\n"],
    random="r",
    **MODEL,
)
multi_train = [
    Instance(Input(text="Two right"), [ref("x", CORRECT_TAG), ref("y"), ref("z", CORRECT_TAG)], "train", id="mt0", extra_data={"chain_of_thought": "Both x and z."}),
    Instance(Input(text="None right"), [ref("x"), ref("y")], "train", id="mt1", extra_data={"chain_of_thought": "Neither."}),
]

# MMLU-Pro's zero-shot chain-of-thought spec
mmlu_pro = AdapterSpec(
    method=ADAPT_MULTIPLE_CHOICE_JOINT_CHAIN_OF_THOUGHT,
    max_train_instances=0,
    max_tokens=400,  # the spec's 4096 is over simple/model1's window (HELM then loops for ever in truncate_from_right)
    input_prefix="What is the correct answer to this question: ",
    input_suffix="\nChoices:\n",
    output_prefix="",
    global_suffix=(
        "Let\u2019s think step by step. Based on your reasoning, what is the single, "
        "most likely answer choice? Format your response as follows: "
        '"The correct answer is (insert answer here)".'
    ),
    **MODEL,
)

# chat: WildBench's spec, messages as the eval inputs
wildbench = AdapterSpec(
    method=ADAPT_CHAT, input_prefix="", output_prefix="", max_tokens=2000, num_outputs=1, temperature=0.0, **MODEL
)
chat_instances = [
    Instance(Input(messages=[{"role": "user", "content": "train turn"}]), [ref("ignored", CORRECT_TAG)], "train", id="cht0"),
    Instance(
        Input(messages=[
            {"role": "user", "content": "Hi, caf\u00e9?"},
            {"role": "assistant", "content": "Yes.\nWhat else?"},
            {"role": "user", "content": "A poem, \"short\"."},
        ]),
        [],
        "test",
        id="che0",
        extra_data={"checklist": ["Is it short?", "Is it a poem?"]},
    ),
    Instance(Input(messages=[{"role": "user", "content": "Say 4"}]), [ref("4", CORRECT_TAG)], "valid", id="che1"),
]
chat_trials = replace(wildbench, num_trials=2, random="seed")

cases = {
    "ranking_binary_msmarco": case(msmarco, ranking_train + ranking_eval),
    "ranking_binary_fits_one": case(fits_one, ranking_train + one_eval),
    "ranking_binary_cut": case(cut, ranking_train + one_eval),
    "mcj_cot_gpqa_few_shot": case(gpqa, cot_train + cot_eval),
    "mcj_cot_multi_label": case(multi, multi_train + cot_eval[1:]),
    "mcj_cot_mmlu_pro": case(mmlu_pro, cot_train + cot_eval),
    "chat_wildbench": case(wildbench, chat_instances),
    "chat_trials": case(chat_trials, chat_instances),
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "helm-adapters.json")
with open(out, "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
print(f"wrote {out}: " + ", ".join(f"{k} ({len(v['request_states'])} states)" for k, v in cases.items()))
