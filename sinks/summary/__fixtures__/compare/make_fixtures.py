"""Writes the two small suites of compare.test.ts and the comparison expected of them, computed here: pairing with
Python dicts, means, and the bootstrap of bootstrap_reference.py (numpy). Also prints the expected comparison of
the golden oracle-suite-small runs (oracle/legacy-b as suite A, oracle/chat-c as suite B).
Run: source /work/anchor/env.sh && cd sinks/summary/__fixtures__/compare && python make_fixtures.py
"""
import json
import os
import random

from bootstrap_reference import paired_bootstrap

HERE = os.path.dirname(os.path.abspath(__file__))
RESAMPLES = 500
SEED = 0
TYPOS = {'name': 'typos', 'robustness': True, 'fairness': False, 'computed_on': 'perturbed', 'prob': 0.1}
REASONING = 'synthetic_reasoning:mode=pattern_match,model=simple_model1'
PILE = 'the_pile:subset=Ubuntu IRC,model=simple_model1'
MMLU = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1'


def stat(name, values, split='test', perturbation=None):
    metric = {'name': name, 'split': split}
    if perturbation is not None:
        metric['perturbation'] = perturbation
    n, total, squares = len(values), float(sum(values)), float(sum(v * v for v in values))
    out = {'name': metric, 'count': n, 'sum': total, 'sum_squared': squares}
    if n > 0:
        mean = total / n
        variance = squares / n - mean * mean
        out.update(min=float(min(values)), max=float(max(values)), mean=mean, variance=variance,
                   stddev=variance ** 0.5 if variance > 0 else 0.0)
    return out


def reasoning_entries(rng, ids, accuracy, extra_metric):
    """Per-instance entries: an original entry per instance, a typos entry for ids below 20."""
    entries = []
    for i in ids:
        correct = 1 if rng.random() < accuracy else 0
        stats = [stat('exact_match', [correct]), stat('f1_score', [rng.choice([0, 0.25, 0.5, 0.75, 1])]),
                 stat('num_output_tokens', [rng.randint(1, 30)])]
        if extra_metric:
            stats.append(stat('quasi_prefix_exact_match', [correct]))
        entries.append({'instance_id': f'id{i}', 'train_trial_index': 0, 'stats': stats})
        if i < 20:
            typo_correct = correct if rng.random() < 0.7 else 0
            entries.append({'instance_id': f'id{i}', 'perturbation': TYPOS, 'train_trial_index': 0,
                            'stats': [stat('exact_match', [typo_correct], perturbation=TYPOS)]})
    return entries


def pile_entries(rng, chunks):
    """Language-modeling entries: several per instance (one per window of a long document), in instance order."""
    entries = []
    for i, count in enumerate(chunks):
        for _ in range(count):
            tokens = rng.randint(20, 60)
            entries.append({'instance_id': f'id{i}', 'train_trial_index': 0, 'stats': [
                stat('logprob', [-rng.randint(10, 400) / 8]), stat('num_perplexity_tokens', [tokens])]})
    return entries


def run_stats(entries):
    """HELM's run-level stats: every per-instance stat of a MetricName merged (one train trial)."""
    merged = {}
    for entry in entries:
        for s in entry['stats']:
            key = json.dumps(s['name'])
            merged.setdefault(key, []).append(s)
    out = []
    for stats in merged.values():
        name = stats[0]['name']
        values = [s['sum'] for s in stats]  # count-1 stats: a stat's sum is its one value
        out.append(stat(name['name'], values, name['split'], name.get('perturbation')))
    return out


def suites():
    rng = random.Random(2024)
    a_ids, b_ids = list(range(40)), list(range(38)) + [40, 41]
    rng.shuffle(a_ids)
    rng.shuffle(b_ids)
    a_chunks = [rng.randint(1, 3) for _ in range(15)]
    b_chunks = list(a_chunks)
    b_chunks[3] += 1  # B's tokenizer cut document 3 into one more window
    return {
        'a': {REASONING: reasoning_entries(rng, a_ids, 0.5, False), PILE: pile_entries(rng, a_chunks)},
        'b': {REASONING: reasoning_entries(rng, b_ids, 0.75, True), PILE: pile_entries(rng, b_chunks),
              MMLU: reasoning_entries(rng, range(5), 0.5, False)},
    }


def units(entries):
    """(metric, split, perturbation, instance, trial) -> [sum, count, first position], first positions in file order."""
    out = {}
    for position, entry in enumerate(entries, start=1):
        for s in entry['stats']:
            if s['count'] == 0:
                continue  # a stat without values says nothing (compare-sql.ts leaves it out too)
            pert = json.dumps(s['name'].get('perturbation'), separators=(',', ':')) if 'perturbation' in s['name'] else None
            key = (s['name']['name'], s['name']['split'], pert, entry['instance_id'], entry['train_trial_index'])
            unit = out.setdefault(key, [0.0, 0.0, position])
            unit[0] += s['sum']
            unit[1] += s['count']
    return out


def compare(runs_a, runs_b, stats_a, stats_b):
    rows = []
    for run in sorted(set(runs_a) & set(runs_b)):
        ua, ub = units(runs_a[run]), units(runs_b[run])
        groups = sorted({k[:3] for k in list(ua) + list(ub)}, key=lambda g: (g[0], g[1], g[2] is not None, g[2] or ''))
        for metric, split, pert in groups:
            in_a = sorted((k for k in ua if k[:3] == (metric, split, pert)), key=lambda k: ua[k][2])
            in_b = {k for k in ub if k[:3] == (metric, split, pert)}
            paired = [k for k in in_a if k in in_b]
            row = {'run_name': run, 'metric': metric, 'split': split}
            if pert is not None:
                row['perturbation'] = pert
            row.update(n_paired=len(paired), n_only_a=len(in_a) - len(paired), n_only_b=len(in_b) - len(paired))
            result = dict(mean_a=None, mean_b=None, difference=None, ci_low=None, ci_high=None, p_value=None)
            if paired:
                result = paired_bootstrap([ua[k][0] for k in paired], [ua[k][1] for k in paired],
                                          [ub[k][0] for k in paired], [ub[k][1] for k in paired], RESAMPLES, SEED)
            row.update(result)
            name = {'name': metric, 'split': split, **({'perturbation': json.loads(pert)} if pert else {})}
            row['run_mean_a'] = next((s['mean'] for s in stats_a.get(run, []) if s['name'] == name), None)
            row['run_mean_b'] = next((s['mean'] for s in stats_b.get(run, []) if s['name'] == name), None)
            rows.append(row)
    return rows


def write_ndjson(path, records):
    with open(path, 'w') as f:
        for record in records:
            f.write(json.dumps(record, separators=(',', ':')) + '\n')


def main():
    all_runs = suites()
    all_stats = {suite: {run: run_stats(entries) for run, entries in runs.items()} for suite, runs in all_runs.items()}
    manifest = {}
    for suite, runs in all_runs.items():
        manifest[suite] = []
        for index, (run, entries) in enumerate(runs.items()):
            folder = os.path.join(HERE, f'suite-{suite}', f'run{index + 1}')
            os.makedirs(folder, exist_ok=True)
            write_ndjson(os.path.join(folder, 'per_instance_stats.ndjson'), [{'run_name': run, **e} for e in entries])
            write_ndjson(os.path.join(folder, 'stats.ndjson'), [{'run_name': run, **s} for s in all_stats[suite][run]])
            manifest[suite].append({'run_name': run, 'dir': f'suite-{suite}/run{index + 1}'})
    with open(os.path.join(HERE, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=2)
    rows = compare(all_runs['a'], all_runs['b'], all_stats['a'], all_stats['b'])
    with open(os.path.join(HERE, 'expected.json'), 'w') as f:
        json.dump({'resamples': RESAMPLES, 'seed': SEED, 'rows': rows}, f, indent=1)
    print(len(rows), 'rows in expected.json')

    golden = os.path.join(HERE, '../../../../../shared/golden/helm-0.5.16/oracle-suite-small/helm')
    runs = {}
    for model in ('oracle_legacy-b', 'oracle_chat-c'):
        for run in (f'gsm:model={model}', f'mmlu:subject=anatomy,method=multiple_choice_joint,model={model}'):
            with open(os.path.join(golden, run, 'per_instance_stats.json')) as f:
                entries = json.load(f)
            with open(os.path.join(golden, run, 'stats.json')) as f:
                stats = json.load(f)
            runs.setdefault(model, {})[run.replace(f',model={model}', '').replace(f':model={model}', '')] = (entries, stats)
    a, b = runs['oracle_legacy-b'], runs['oracle_chat-c']
    golden_rows = compare({r: e for r, (e, _) in a.items()}, {r: e for r, (e, _) in b.items()},
                          {r: s for r, (_, s) in a.items()}, {r: s for r, (_, s) in b.items()})
    for row in golden_rows:
        if row['metric'] in ('exact_match', 'quasi_exact_match', 'num_output_tokens', 'logprob'):
            print(json.dumps(row))
    print(len(golden_rows), 'golden rows')


if __name__ == '__main__':
    main()
