#!/usr/bin/python3
"""High-precision references for clusters of singular values and eigenvalues (60 digits, mpmath).

Matrices whose repeated values are exact in binary: A = U diag(s) V^T with orthogonal U, V whose entries are in
{0, +-1/2, +-1} (signed permutations of blocks of the 4 x 4 Hadamard matrix / 2) and dyadic s, so every entry of A is
a short dyadic number and the repeats survive rounding to double exactly. Directions E are random doubles, or built
so that U_c^T E V_c = 0 exactly (then the branches split only at order 2).

Only SVDs / symmetric eigenvalues of A + tE at Chebyshev nodes are used (no resolvent, recursion or reduction):
- the cluster mean (the mean of the members' sorted values, analytic) from nodes on [-h, h], orders 1..6;
- the branches as the members' sorted values on (0, h] (right-sided) and on [-h, 0) (left-sided), interpolated on that
  half interval and expanded at t = 0, orders 1..4 (for small t > 0 the sorted values are the branches, largest first);
- for nearly repeated groups also each member's own derivatives (they blow up like spread^(1 - n)).
h is a sixteenth of the group's convergence radius d / (2 ||E||_2).

Output: tests/SpectralSensitivity.Tests/Fixtures/cluster-reference.json. Run (Debian python3-mpmath, about a minute):
  /usr/bin/python3 scripts/reference/make-cluster-reference.py [output-directory]
"""
import json
import os
import random
import sys

import mpmath as mp

mp.mp.dps = 60
NODES = 48
MEAN_ORDER = 6
BRANCH_ORDER = 4
DIRECTORY = sys.argv[1] if len(sys.argv) > 1 else "tests/SpectralSensitivity.Tests/Fixtures"
OUTPUT = os.path.join(DIRECTORY, "cluster-reference.json")
HADAMARD = [[1, 1, 1, 1], [1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]]


def orthogonal(n, rng):
    """Signed, permuted block diagonal of H4/2 blocks (and +-1 for the remainder): entries in {0, +-1/2, +-1}."""
    q = [[0.0] * n for _ in range(n)]
    i = 0
    while i + 4 <= n:
        for r in range(4):
            for c in range(4):
                q[i + r][i + c] = HADAMARD[r][c] / 2
        i += 4
    while i < n:
        q[i][i] = 1.0
        i += 1
    rows = list(range(n))
    columns = list(range(n))
    rng.shuffle(rows)
    rng.shuffle(columns)
    signs = [rng.choice([-1.0, 1.0]) for _ in range(n)]
    return [[signs[r] * q[rows[r]][columns[c]] for c in range(n)] for r in range(n)]


def product(u, s, v, rows, columns):
    """U diag(s) V^T with s padded by zeros, in exact (dyadic) float arithmetic via mpmath then checked exact."""
    a = []
    for i in range(rows):
        row = []
        for j in range(columns):
            total = mp.fsum(mp.mpf(u[i][k]) * mp.mpf(s[k]) * mp.mpf(v[j][k]) for k in range(len(s)))
            assert float(total) == total, "entry not exact in double"
            row.append(float(total))
        a.append(row)
    return a


def random_matrix(rows, columns, rng):
    return [[rng.gauss(0.0, 1.0) for _ in range(columns)] for _ in range(rows)]


def split_at_two(u, v, members, rows, columns, rng):
    """E = (I - U_c U_c^T) E0 with E0 in multiples of 1/8: U_c^T E = 0 exactly, so M_1 = 0."""
    e0 = [[rng.randint(-16, 16) / 8 for _ in range(columns)] for _ in range(rows)]
    p = [[(1 if i == j else 0) - mp.fsum(mp.mpf(u[i][c]) * mp.mpf(u[j][c]) for c in members) for j in range(rows)] for i in range(rows)]
    e = []
    for i in range(rows):
        row = []
        for j in range(columns):
            total = mp.fsum(p[i][k] * mp.mpf(e0[k][j]) for k in range(rows))
            assert float(total) == total
            row.append(float(total))
        e.append(row)
    return e


def values_svd(a, e, t):
    m = mp.matrix([[mp.mpf(a[i][j]) + t * mp.mpf(e[i][j]) for j in range(len(a[0]))] for i in range(len(a))])
    return sorted(mp.svd_r(m, compute_uv=False), reverse=True)


def values_sym(a, e, t):
    m = mp.matrix([[mp.mpf(a[i][j]) + t * mp.mpf(e[i][j]) for j in range(len(a))] for i in range(len(a))])
    return sorted(mp.eigsy(m, eigvals_only=True))


def taylor(samples, nodes, low, high, order):
    """Taylor coefficients at t = 0 of the Chebyshev interpolant on [low, high] through the samples."""
    n = len(samples)
    coefficients = []
    for j in range(n):
        total = mp.fsum(samples[p] * mp.cos(mp.pi * j * (p + mp.mpf(1) / 2) / n) for p in range(n))
        coefficients.append(total * (1 if j == 0 else 2) / n)
    # x = (2t - (low + high)) / (high - low) = alpha t + beta; T_j(alpha t + beta) expanded in powers of t
    alpha = 2 / (high - low)
    beta = -(low + high) / (high - low)
    result = [mp.mpf(0)] * (order + 1)
    previous = [mp.mpf(1)]
    current = [beta, alpha]
    for j in range(n):
        poly = previous if j == 0 else current
        for power in range(min(len(poly), order + 1)):
            result[power] += coefficients[j] * poly[power]
        if j >= 1:
            nxt = [mp.mpf(0)] * (len(current) + 1)
            for power, c in enumerate(current):
                nxt[power] += 2 * beta * c
                nxt[power + 1] += 2 * alpha * c
            for power, c in enumerate(previous):
                nxt[power] -= c
            previous, current = current, nxt
    return result


def derivatives(coefficients, order):
    return [mp.nstr(coefficients[j] * mp.factorial(j), 30) for j in range(1, order + 1)]


def chebyshev_nodes(low, high):
    return [(low + high) / 2 + (high - low) / 2 * mp.cos(mp.pi * (p + mp.mpf(1) / 2) / NODES) for p in range(NODES)]


def reference(kind, a, e, first, count, zero, individual):
    values = values_svd if kind == "svd" else values_sym
    v0 = values(a, e, mp.mpf(0))
    members = list(range(first - 1, first - 1 + count))
    if kind == "svd":
        rows, columns = len(a), len(a[0])
        others = [x for i, x in enumerate(v0) if i not in members]
        d = min([abs(v0[c] - x) for c in members for x in others] + [v0[c] + x for c in members for x in v0] +
                ([v0[c] for c in members] if rows != columns else []))
        if zero:
            d = min(x for x in v0 if x > mp.mpf("1e-30"))
        e_norm = max(mp.svd_r(mp.matrix(e), compute_uv=False))
    else:
        others = [x for i, x in enumerate(v0) if i not in members]
        d = min(abs(v0[c] - x) for c in members for x in others)
        e_norm = max(abs(x) for x in mp.eigsy(mp.matrix(e), eigvals_only=True))
    h = d / (2 * e_norm) / 16
    result = {"gap": mp.nstr(d, 20)}
    order = max(MEAN_ORDER, BRANCH_ORDER)
    if not zero:
        nodes = chebyshev_nodes(-h, h)
        samples = [values(a, e, t) for t in nodes]
        mean = [mp.fsum(s[c] for c in members) / count for s in samples]
        result["mean"] = derivatives(taylor(mean, nodes, -h, h, MEAN_ORDER), MEAN_ORDER)
    # right-sided: members' sorted values on (0, h]; branches largest first (singular values are descending already)
    for side, low, high in (("branches", mp.mpf(0), h), ("leftBranches", -h, mp.mpf(0))):
        if side == "leftBranches" and not zero:
            continue
        nodes = chebyshev_nodes(low, high)
        samples = [values(a, e, t) for t in nodes]
        positions = members if kind == "svd" else list(reversed(members))
        result[side] = [derivatives(taylor([s[c] for s in samples], nodes, low, high, BRANCH_ORDER), BRANCH_ORDER) for c in positions]
    if individual:
        rest = min(abs(v0[c] - v0[i]) for c in members for i in members if i != c)
        hi = rest / (2 * e_norm) / 16
        nodes = chebyshev_nodes(-hi, hi)
        samples = [values(a, e, t) for t in nodes]
        result["individual"] = [derivatives(taylor([s[c] for s in samples], nodes, -hi, hi, 5), 5) for c in members]
    return result


def svd_case(name, rows, columns, s, first, count, seed, zero=False, direction="random", individual=False):
    rng = random.Random(seed)
    u = orthogonal(rows, rng)
    v = orthogonal(columns, rng)
    a = product(u, s, v, rows, columns)
    e = split_at_two(u, v, list(range(first - 1, first - 1 + count)), rows, columns, rng) if direction == "split" else random_matrix(rows, columns, rng)
    case = {"name": name, "kind": "svd", "a": a, "e": e, "first": first, "count": count, "zero": zero}
    case.update(reference("svd", a, e, first, count, zero, individual))
    return case


def sym_case(name, n, mu, first, count, seed, direction="random"):
    rng = random.Random(seed)
    q = orthogonal(n, rng)
    t = product(q, mu, q, n, n)
    if direction == "split":
        members = list(range(first - 1, first - 1 + count))
        e1 = split_at_two(q, q, members, n, n, rng)                     # P_perp E0
        e = [[e1[i][j] + e1[j][i] for j in range(n)] for i in range(n)]  # symmetric; Q_c^T E Q_c = 0 still holds
    else:
        g = random_matrix(n, n, rng)
        e = [[g[i][j] + g[j][i] for j in range(n)] for i in range(n)]
    case = {"name": name, "kind": "sym", "a": t, "e": e, "first": first, "count": count, "zero": False}
    case.update(reference("sym", t, e, first, count, False, False))
    return case


def main():
    cases = [
        svd_case("wide 5x7, middle cluster of 3", 5, 7, [3, 2, 2, 2, 1], 2, 3, 31),
        svd_case("tall 8x5, top cluster of 2", 8, 5, [2, 2, 1, 0.5, 0.25], 1, 2, 32),
        svd_case("square 6x6, bottom cluster of 4", 6, 6, [4, 2, 1, 1, 1, 1], 3, 4, 33),
        svd_case("wide 7x9, bottom cluster of 5", 7, 9, [3, 1.5, 1, 1, 1, 1, 1], 3, 5, 34),
        svd_case("square 5x5, top cluster of 5", 5, 5, [1, 1, 1, 1, 1], 1, 5, 35),
        svd_case("wide 5x7, middle cluster of 3, split at order 2", 5, 7, [3, 2, 2, 2, 1], 2, 3, 36, direction="split"),
        svd_case("tall 9x6, rank 3: zero cluster of 3", 9, 6, [2, 1, 0.5, 0, 0, 0], 4, 3, 37, zero=True),
        svd_case("square 5x5, rank 3: zero cluster of 2", 5, 5, [2, 1.5, 1, 0, 0], 4, 2, 38, zero=True),
        svd_case("wide 4x7, rank 2: zero cluster of 2", 4, 7, [2, 1, 0, 0], 3, 2, 39, zero=True),
        svd_case("tall 6x5, nearly repeated, spread 2^-20", 6, 5, [3, 2 + 2 ** -20, 2, 2 - 2 ** -21, 1], 2, 3, 40, individual=True),
        svd_case("tall 6x5, nearly repeated, spread 2^-40", 6, 5, [3, 2 + 2 ** -40, 2, 2 - 2 ** -41, 1], 2, 3, 41, individual=True),
        sym_case("symmetric 6x6, cluster of 3", 6, [-1, 0.5, 0.5, 0.5, 2, 3], 2, 3, 42),
        sym_case("symmetric 5x5, cluster of 2, split at order 2", 5, [-2, 1, 1, 1.5, 3], 2, 2, 43, direction="split"),
    ]
    with open(OUTPUT, "w") as f:
        json.dump({"generator": "scripts/reference/make-cluster-reference.py", "digits": 60, "nodes": NODES, "cases": cases}, f, indent=1)
    print(f"wrote {len(cases)} cases to {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
