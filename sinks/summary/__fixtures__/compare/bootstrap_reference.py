"""Reference paired bootstrap in Python/numpy, for the expected values of compare.test.ts and paired-bootstrap.test.ts.

Same generator as paired-bootstrap-indices.ts (xoshiro128** seeded by SplitMix64, masked rejection), so the
resamples are the same indices; the statistics are computed here independently with numpy (gather, mean,
np.percentile, the p-value count). Where the TypeScript counts classes instead of gathering, the two agree bit for
bit for integer- or dyadic-valued differences (every sum is exact), which is what the fixtures use.
Run with the anchor's python: source /work/anchor/env.sh && python bootstrap_reference.py
"""
import numpy as np

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


def splitmix64(seed):
    state = seed & M64
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        yield z ^ (z >> 31)


class Xoshiro128StarStar:
    def __init__(self, seed):
        mix = splitmix64(seed)
        a, b = next(mix), next(mix)
        self.s = [a & M32, a >> 32, b & M32, b >> 32]

    def next(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (32 - k))) & M32
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def indices(self, n):
        top = n - 1
        mask = 0 if top == 0 else (1 << top.bit_length()) - 1
        out = np.empty(n, dtype=np.int64)
        i = 0
        while i < n:
            j = self.next() & mask
            if j <= top:
                out[i] = j
                i += 1
        return out


def seq_sum(values):
    total = 0.0
    for v in values:
        total += float(v)
    return total


def paired_bootstrap(sum_a, count_a, sum_b, count_b, resamples, seed):
    """Returns dict(mean_a, mean_b, difference, ci_low, ci_high, p_value) as pairedBootstrap does."""
    sum_a, count_a, sum_b, count_b = (np.asarray(x, dtype=np.float64) for x in (sum_a, count_a, sum_b, count_b))
    n = len(sum_a)
    mean_a = seq_sum(sum_a) / seq_sum(count_a)
    mean_b = seq_sum(sum_b) / seq_sum(count_b)
    out = dict(mean_a=mean_a, mean_b=mean_b, difference=mean_b - mean_a, ci_low=None, ci_high=None, p_value=None)
    if n < 2:
        return out
    rng = Xoshiro128StarStar(seed)
    stats = np.empty(resamples)
    if np.all(count_a == 1) and np.all(count_b == 1):
        d = sum_b - sum_a
        if len(set(d.tolist())) <= 4096:
            d = np.sort(d)  # the TypeScript counts classes of the sorted differences
        for b in range(resamples):
            stats[b] = seq_sum(d[rng.indices(n)]) / n
        observed = seq_sum(d) / n
    else:
        for b in range(resamples):
            idx = rng.indices(n)
            stats[b] = seq_sum(sum_b[idx]) / seq_sum(count_b[idx]) - seq_sum(sum_a[idx]) / seq_sum(count_a[idx])
        observed = mean_b - mean_a
    low, high = np.percentile(stats, [2.5, 97.5])
    extreme = int(np.sum(np.abs(stats - observed) >= abs(observed)))
    out.update(ci_low=float(low), ci_high=float(high), p_value=(1 + extreme) / (resamples + 1))
    return out


if __name__ == '__main__':
    rng = Xoshiro128StarStar(0)
    print('first outputs, seed 0:', [rng.next() for _ in range(4)])
    # The gather path (more than 4096 distinct differences) and the ratio path, on exact rational data.
    n = 5000
    a = [((i * 7919) % 10007) / 10007 for i in range(n)]
    b = [((i * 104729) % 10009) / 10009 for i in range(n)]
    print('gather', paired_bootstrap(a, [1] * n, b, [1] * n, 200, 7))
    c_a = [1 + i % 2 for i in range(n)]
    c_b = [1 + i % 3 for i in range(n)]
    print('ratio', paired_bootstrap(a, c_a, b, c_b, 200, 7))
    # Ten 0/1 pairs, the class path.
    em_a = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]
    em_b = [1, 1, 1, 1, 0, 1, 1, 0, 1, 1]
    print('binary', paired_bootstrap(em_a, [1] * 10, em_b, [1] * 10, 1000, 0))
    # Eleven classes (compared with every bound) and seventeen (binary search), dyadic values.
    print('eleven', paired_bootstrap([(i * 37 % 5) / 4 for i in range(200)], [1] * 200,
                                   [(i * 11 % 7) / 4 for i in range(200)], [1] * 200, 300, 3))
    print('seventeen', paired_bootstrap([(i * 37 % 9) / 8 for i in range(300)], [1] * 300,
                                        [(i * 11 % 9) / 8 for i in range(300)], [1] * 300, 300, 3))
    # 10^5 pairs: the class table has buckets of two indices, some across a class bound.
    n = 100_000
    print('table', paired_bootstrap([(i * 37 % 9) / 8 for i in range(n)], [1] * n,
                                    [(i * 11 % 7) / 4 for i in range(n)], [1] * n, 20, 11))
    print('constant', paired_bootstrap([0, 1, 0], [1] * 3, [1, 2, 1], [1] * 3, 10, 0))
