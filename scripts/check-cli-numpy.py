#!/usr/bin/env python3
"""Run by hand (Debian: apt-get install python3-numpy): the spectral CLI against NumPy.

Writes A and E with np.save (float64 C order, float32 Fortran order), runs the CLI, and checks
  - svd: singular values equal np.linalg.svd's to 1e-13 relative;
  - derivatives: D1, D2 against central finite differences of np.linalg.svd (1e-6 relative);
  - hvp: the quadratic form equals D2 of `derivatives`;
  - gradient/hessian --output .npy: the files load with np.load, the gradient is u_k v_k^T and the
    Hessian is symmetric and reproduces the hvp product.
usage: scripts/check-cli-numpy.py [path/to/spectral]   (default: dotnet run --project src/SpectralSensitivity.Cli --)
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
command = sys.argv[1:] or ["dotnet", "run", "--project", os.path.join(here, "..", "src", "SpectralSensitivity.Cli"), "--"]


def spectral(*args):
    result = subprocess.run(command + list(args), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"spectral {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def close(a, b, rel, what):
    a, b = np.asarray(a, float), np.asarray(b, float)
    err = np.max(np.abs(a - b)) / max(1.0, np.max(np.abs(b)))
    status = "ok" if err <= rel else "FAIL"
    print(f"{status:4} {what}: relative difference {err:.2e} (limit {rel:.0e})")
    return err <= rel


with tempfile.TemporaryDirectory() as work:
    rng = np.random.default_rng(7)
    A = rng.standard_normal((7, 5))
    E = rng.standard_normal((7, 5))
    paths = {"c64": (os.path.join(work, "A.npy"), os.path.join(work, "E.npy"))}
    np.save(paths["c64"][0], A)
    np.save(paths["c64"][1], E)
    paths["f32"] = (os.path.join(work, "A32.npy"), os.path.join(work, "E32.npy"))
    np.save(paths["f32"][0], np.asfortranarray(A.astype(np.float32)))
    np.save(paths["f32"][1], np.asfortranarray(E.astype(np.float32)))
    ok = True
    k = 2
    for name, (a_path, e_path) in paths.items():
        a, e = np.load(a_path).astype(float), np.load(e_path).astype(float)
        svd = json.loads(spectral("svd", "-A", a_path, "--json"))
        ok &= close(svd["singularValues"], np.linalg.svd(a, compute_uv=False), 1e-13, f"{name} svd")
        d = json.loads(spectral("derivatives", "-A", a_path, "-E", e_path, "-k", str(k), "-N", "4", "--json"))
        s = lambda t: np.linalg.svd(a + t * e, compute_uv=False)[k - 1]
        h = 1e-4
        ok &= close(d["derivatives"][0], (s(h) - s(-h)) / (2 * h), 1e-6, f"{name} D1 vs finite differences")
        ok &= close(d["derivatives"][1], (s(h) - 2 * s(0) + s(-h)) / h**2, 1e-5, f"{name} D2 vs finite differences")
        hvp = json.loads(spectral("hvp", "-A", a_path, "-E", e_path, "-k", str(k), "--json"))
        ok &= close(hvp["quadraticForm"], d["derivatives"][1], 1e-12, f"{name} hvp quadratic form vs D2")
        g_path, h_path = os.path.join(work, f"G{name}.npy"), os.path.join(work, f"H{name}.npy")
        spectral("gradient", "-A", a_path, "-k", str(k), "-o", g_path)
        spectral("hessian", "-A", a_path, "-k", str(k), "-o", h_path)
        u, _, vt = np.linalg.svd(a)
        ok &= close(np.load(g_path), np.outer(u[:, k - 1], vt[k - 1]), 1e-12, f"{name} gradient file vs u_k v_k^T")
        H = np.load(h_path)
        ok &= close(H, H.T, 1e-14, f"{name} Hessian file symmetric")
        ok &= close((H @ e.flatten(order="F")).reshape(a.shape, order="F"), hvp["hessianVectorProduct"], 1e-12, f"{name} Hessian file times vec(E) vs hvp")
    sys.exit(0 if ok else 1)
