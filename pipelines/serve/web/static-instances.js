// Static mode, instances: /api/instances and /api/compare built from a run's instances.json,
// display_predictions.json and display_requests.json (pure). HELM writes one prediction and one request per kept
// request state, in the same order, so predictions[i] goes with requests[i].

const keyOf = (id, perturbation) => `${id}\u0000${perturbation ? JSON.stringify(perturbation) : ''}`;

/** The text of a HELM request: its prompt, or its chat messages joined. */
function promptText(request) {
  if (request?.prompt) return request.prompt;
  if (Array.isArray(request?.messages)) return request.messages.map((m) => `${m.role}: ${m.content}`).join('\n');
  return request?.prompt ?? '';
}

function mean(values) {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** One variant (an instance as perturbed, or the original) in /api/instances' shape. */
function variantOf(instance, preds, reqs) {
  const p = instance.perturbation ?? null;
  const byTrial = new Map();
  preds.forEach((pred, i) => {
    const t = pred.train_trial_index ?? 0;
    if (!byTrial.has(t)) byTrial.set(t, []);
    const s = pred.stats ?? {};
    byTrial.get(t).push({
      seq: i, reference_index: pred.reference_index ?? null, request_mode: null,
      prompt: promptText(reqs[i]?.request), completion: pred.predicted_text ?? null,
      mapped_output: pred.mapped_output ?? null, success: null,
      request_time: s.inference_runtime ?? null, num_train_instances: s.num_train_instances ?? null,
      prompt_truncated: s.prompt_truncated === undefined ? null : s.prompt_truncated > 0,
    });
  });
  const stats = preds.flatMap((pred) => Object.entries(pred.stats ?? {}).map(([metric_name, v]) => ({
    metric_name, train_trial_index: pred.train_trial_index ?? 0, split: instance.split ?? null,
    sub_split: instance.sub_split ?? null, stat_perturbation_name: p?.name ?? null, computed_on: p?.computed_on ?? null,
    count: 1, sum: v, min: v, max: v, mean: v,
  })));
  return {
    perturbation_name: p?.name ?? null,
    perturbation: p,
    input: instance.input?.text ?? '',
    references: (instance.references ?? []).map((r) => ({ output: r.output?.text ?? '', tags: r.tags ?? [] })),
    trials: [...byTrial.entries()].sort((a, b) => a[0] - b[0]).map(([train_trial_index, requests]) => ({ train_trial_index, requests })),
    stats,
  };
}

/** The main metric's mean over a variant's trials (null when no trial has it). */
export function variantValue(variant, metricName) {
  if (!metricName) return null;
  const byTrial = variant.stats.filter((s) => s.metric_name === metricName).map((s) => s.mean);
  return mean(byTrial);
}

/** Every instance of a run, in run order, each with its variants (the original first), main value and outcome. */
export function buildInstances({ instances, predictions, requests }, mainMetric) {
  const predsByKey = new Map();
  predictions.forEach((pred, i) => {
    const k = keyOf(pred.instance_id, pred.perturbation);
    if (!predsByKey.has(k)) predsByKey.set(k, { preds: [], reqs: [] });
    predsByKey.get(k).preds.push(pred);
    predsByKey.get(k).reqs.push(requests[i]);
  });
  const byId = new Map();
  for (const inst of instances) {
    const { preds, reqs } = predsByKey.get(keyOf(inst.id, inst.perturbation)) ?? { preds: [], reqs: [] };
    if (!byId.has(inst.id)) byId.set(inst.id, { ordinal: byId.size, instance_id: inst.id, split: inst.split ?? null, sub_split: inst.sub_split ?? null, variants: [] });
    byId.get(inst.id).variants.push(variantOf(inst, preds, reqs));
  }
  return [...byId.values()].map((item) => {
    item.variants.sort((a, b) => (a.perturbation_name === null ? 0 : 1) - (b.perturbation_name === null ? 0 : 1));
    const main = item.variants.find((v) => v.perturbation_name === null) ?? item.variants[0];
    const main_value = main ? variantValue(main, mainMetric?.name) : null;
    return { ...item, main_value, outcome: main_value === null ? null : main_value >= 0.5 ? 'correct' : 'incorrect' };
  });
}

function mentions(variant, needle) {
  if (variant.input.toLowerCase().includes(needle)) return true;
  return variant.trials.some((t) => t.requests.some((r) =>
    r.prompt.toLowerCase().includes(needle) || (r.completion ?? '').toLowerCase().includes(needle)));
}

/**
 * /api/instances over built instances: split, perturbation ('original' → only originals; a name → the original and
 * that variant of the instances that have it), outcome, q (input, prompt or completion), then offset/limit.
 */
export function queryInstances(all, { split = '', perturbation = '', outcome = '', q = '', offset = 0, limit = 20 } = {}) {
  const needle = q.toLowerCase();
  const matches = [];
  for (const item of all) {
    if (split && item.split !== split) continue;
    if (outcome && item.outcome !== outcome) continue;
    let variants = item.variants;
    if (perturbation === 'original') variants = variants.filter((v) => v.perturbation_name === null);
    else if (perturbation) {
      if (!variants.some((v) => v.perturbation_name === perturbation)) continue;
      variants = variants.filter((v) => v.perturbation_name === null || v.perturbation_name === perturbation);
    }
    if (variants.length === 0) continue;
    if (needle && !variants.some((v) => mentions(v, needle))) continue;
    matches.push(variants === item.variants ? item : { ...item, variants });
  }
  return { total: matches.length, offset: Number(offset), limit: Number(limit), instances: matches.slice(Number(offset), Number(offset) + Number(limit)) };
}

/**
 * /api/compare over two runs' built instances, as the server does it: variants full-outer-joined on (instance id,
 * perturbation); a row differs when its main-metric values differ (a missing side has none); differing rows first,
 * then run A's order, then the rows only run B has.
 */
export function compareInstances(a, b, metric, { offset = 0, limit = 20 } = {}) {
  const vkey = (id, v) => `${id}\u0000${v.perturbation_name ?? ''}`;
  const none = { value: null, completion: null, mapped_output: null };
  const side = (v) => {
    if (!v) return none;
    const first = v.trials[0]?.requests[0];
    return { value: variantValue(v, metric?.name), completion: first?.completion ?? null, mapped_output: first?.mapped_output ?? null };
  };
  const variants = (items) => items.flatMap((item) => item.variants.map((v) => ({ item, v, key: vkey(item.instance_id, v) })));
  const inA = variants(a);
  const inB = new Map(variants(b).map((x) => [x.key, x]));
  const seen = new Set(inA.map((x) => x.key));
  const row = (x, va, vb) => {
    const sa = side(va);
    const sb = side(vb);
    return { instance_id: x.item.instance_id, perturbation_name: x.v.perturbation_name, split: x.item.split, a: sa, b: sb, input: x.v.input, differs: sa.value !== sb.value };
  };
  const rows = [
    ...inA.map((x) => row(x, x.v, inB.get(x.key)?.v)),
    ...[...inB.values()].filter((x) => !seen.has(x.key)).map((x) => row(x, null, x.v)),
  ];
  const ordered = [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)];
  return {
    total: rows.length, differing: rows.filter((r) => r.differs).length, offset: Number(offset), limit: Number(limit), metric,
    rows: ordered.slice(Number(offset), Number(offset) + Number(limit)),
  };
}
