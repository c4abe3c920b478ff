#!/usr/bin/python3
"""Which SVD errors limit high-order singular-value derivatives? (docs/accuracy.md)

Runs the same double-precision recursion (the library's formula, re-implemented in NumPy) from
different factors of each fixture matrix and reports the worst relative error per order against the
50-digit reference derivatives in the fixture:
  lapack                  NumPy's LAPACK SVD
  exact vectors           50-digit singular vectors rounded to double, LAPACK singular values
  exact values            LAPACK singular vectors, 50-digit singular values rounded to double
  exact rounded           50-digit factors rounded to double
  exact rounded, mp       the same factors, recursion in 40-digit mpmath arithmetic

Run (Debian python3-numpy, python3-mpmath):  /usr/bin/python3 scripts/reference/svd-factor-experiment.py
"""
import json
import math

import mpmath as mp
import numpy as np

mp.mp.dps = 40
FIXTURE = "tests/SpectralSensitivity.Tests/Fixtures/highprecision-reference.json"
ORDER = 8


def recursion(u, s, v, e, k, order, sqrt2):
    """D_1..D_N of s_k(A + tE) from thin factors: w_j = S(-H(E) w_{j-1} + sum lambda_i w_{j-i})."""
    m, r = u.shape
    sk = s[k]
    diagonal = np.empty(r, dtype=s.dtype)
    cross = np.empty(r, dtype=s.dtype)
    for i in range(r):
        if i == k:
            diagonal[i], cross[i] = 3 / (4 * sk), 1 / (4 * sk)
        else:
            denominator = (s[i] - sk) * (s[i] + sk)
            diagonal[i], cross[i] = sk / denominator + 1 / sk, s[i] / denominator

    def resolvent(z):
        x, y = z[:m], z[m:]
        a, b = u.T @ x, v.T @ y
        return np.concatenate([u @ (diagonal * a + cross * b) - x / sk, v @ (cross * a + diagonal * b) - y / sk])

    w0 = np.concatenate([u[:, k], v[:, k]]) / sqrt2
    w, lam = [w0], [sk]
    for j in range(1, order + 1):
        product = np.concatenate([e @ w[j - 1][m:], e.T @ w[j - 1][:m]])
        right = -product
        for i in range(1, j):
            right = right + lam[i] * w[j - i]
        lam.append(w0 @ product)
        w.append(resolvent(right))
    return [lam[j] * math.factorial(j) for j in range(1, order + 1)]


def main():
    fixture = json.load(open(FIXTURE))
    names = ["lapack", "exact vectors", "exact values", "exact rounded", "exact rounded, mp"]
    worst = {name: [0.0] * ORDER for name in names}
    for case in fixture["cases"]:
        a, e = np.array(case["a"]), np.array(case["e"])
        m, n = a.shape
        r = min(m, n)
        um, sm, vtm = mp.svd_r(mp.matrix(case["a"]), full_matrices=False)
        u_exact = np.array([[um[i, j] for j in range(r)] for i in range(m)], dtype=object)
        s_exact = np.array([sm[j] for j in range(r)], dtype=object)
        v_exact = np.array([[vtm[j, i] for j in range(r)] for i in range(n)], dtype=object)
        u_round, s_round, v_round = u_exact.astype(float), s_exact.astype(float), v_exact.astype(float)
        u_lapack, s_lapack, vt_lapack = np.linalg.svd(a, full_matrices=False)
        for j in range(r):  # align LAPACK's signs with the exact vectors before mixing them
            if u_lapack[:, j] @ u_round[:, j] < 0:
                u_lapack[:, j] *= -1
                vt_lapack[j, :] *= -1
        v_lapack = vt_lapack.T
        mp_one = mp.mpf(1)
        for entry in case["entries"]:
            k = entry["index"] - 1
            reference = [mp.mpf(x) for x in entry["derivatives"]]
            results = {
                "lapack": recursion(u_lapack, s_lapack, v_lapack, e, k, ORDER, math.sqrt(2)),
                "exact vectors": recursion(u_round, s_lapack, v_round, e, k, ORDER, math.sqrt(2)),
                "exact values": recursion(u_lapack, s_round, v_lapack, e, k, ORDER, math.sqrt(2)),
                "exact rounded": recursion(u_round, s_round, v_round, e, k, ORDER, math.sqrt(2)),
                "exact rounded, mp": recursion(u_round.astype(object) * mp_one, np.array([mp.mpf(x) for x in s_round], dtype=object),
                                               v_round.astype(object) * mp_one, e.astype(object) * mp_one, k, ORDER, mp.sqrt(2)),
            }
            for name, derivatives in results.items():
                for j in range(ORDER):
                    error = float(abs((mp.mpf(derivatives[j]) - reference[j]) / reference[j]))
                    worst[name][j] = max(worst[name][j], error)
    print("worst relative error per order 1..8 over", sum(len(c["entries"]) for c in fixture["cases"]), "pairs")
    for name in names:
        print(f"{name:20s}", " ".join(f"{x:.1e}" for x in worst[name]))


if __name__ == "__main__":
    main()
