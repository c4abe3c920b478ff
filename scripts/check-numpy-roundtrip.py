#!/usr/bin/python3
"""Checks SpectralSensitivity's matrix files against NumPy, bit for bit.

NumPy writes .npy files in every variant the reader supports (float64/float32, both byte orders, C and Fortran
order, format versions 1.0, 2.0 and 3.0, a 1-D array); scripts/matrix-file-convert.cs reads each one with
SpectralSensitivity.IO and writes it back as .npy, .csv and .mtx; NumPy then loads those and compares them with
the original values. Run by hand from the repository root (not part of `dotnet test`):

    /usr/bin/python3 scripts/check-numpy-roundtrip.py

Needs Debian's python3-numpy (`apt-get install -y python3-numpy`) and the .NET SDK. Exit code 0 when every
file matches exactly, 1 otherwise.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONVERTER = os.path.join(REPO, "scripts", "matrix-file-convert.cs")
SPECIALS = np.array([0.0, -0.0, 5e-324, -5e-324, 2.2250738585072009e-308, 1.7976931348623157e308,
                     -1.7976931348623157e308, 1e-300, 1e300, 0.1, 1.0 / 3.0, 9007199254740993.0])


def stressing(shape, dtype, rng):
    """Random bit patterns of every exponent mixed with special values, all finite."""
    itemsize = np.dtype(dtype).itemsize
    bits = rng.integers(0, 2 ** (8 * itemsize), size=shape, dtype=np.uint64 if itemsize == 8 else np.uint32)
    values = bits.view(np.float64 if itemsize == 8 else np.float32)
    with np.errstate(over="ignore"):
        specials = SPECIALS.astype(dtype)
    picks = specials[rng.integers(0, len(specials), size=shape)]
    values = np.where(rng.random(shape) < 0.3, picks, values)
    return np.where(np.isfinite(values), values, np.asarray(1.5, dtype=dtype))


def fixtures(rng):
    """(name, array, format version) for every variant the reader supports."""
    cases = []
    for shape in [(1, 1), (1, 7), (6, 1), (5, 4)]:
        tag = f"{shape[0]}x{shape[1]}"
        cases.append((f"f8-c-v1-{tag}", stressing(shape, "<f8", rng), (1, 0)))
        cases.append((f"f8-fortran-v1-{tag}", np.asfortranarray(stressing(shape, "<f8", rng)), (1, 0)))
        cases.append((f"f8-big-endian-v2-{tag}", stressing(shape, "<f8", rng).astype(">f8"), (2, 0)))
        cases.append((f"f4-c-v3-{tag}", stressing(shape, "<f4", rng), (3, 0)))
        cases.append((f"f4-big-endian-fortran-v1-{tag}", np.asfortranarray(stressing(shape, "<f4", rng).astype(">f4")), (1, 0)))
    cases.append(("f8-1d-v1-8", stressing((8,), "<f8", rng), (1, 0)))
    return cases


def read_mtx(path):
    """A minimal reader for the 'array real general' files our writer produces."""
    with open(path, encoding="ascii") as f:
        lines = [line.strip() for line in f]
    assert lines[0] == "%%MatrixMarket matrix array real general", lines[0]
    data = [line for line in lines[1:] if line and not line.startswith("%")]
    rows, columns = (int(x) for x in data[0].split())
    return np.array([float(x) for x in data[1:]], dtype=np.float64).reshape((columns, rows)).T


def same_bits(a, b):
    return a.shape == b.shape and np.array_equal(np.ascontiguousarray(a).view(np.uint64), np.ascontiguousarray(b).view(np.uint64))


def main():
    rng = np.random.default_rng(20261122)
    cases = fixtures(rng)
    failures = []
    with tempfile.TemporaryDirectory(prefix="numpy-roundtrip-") as tmp:
        pairs = []
        for name, array, version in cases:
            with open(os.path.join(tmp, f"in-{name}.npy"), "wb") as f:
                np.lib.format.write_array(f, array, version=version, allow_pickle=False)
            pairs += [os.path.join(tmp, f"in-{name}.npy"), os.path.join(tmp, f"out-{name}.npy")]
            for ext in ("csv", "mtx"):
                pairs += [os.path.join(tmp, f"in-{name}.npy"), os.path.join(tmp, f"out-{name}.{ext}")]
        subprocess.run(["dotnet", "run", CONVERTER, "--", *pairs], check=True, cwd=REPO)

        for name, array, _ in cases:
            expected = array.astype(np.float64).reshape((array.shape[0], -1))
            loaded = {
                "npy": np.load(os.path.join(tmp, f"out-{name}.npy"), allow_pickle=False),
                "csv": np.loadtxt(os.path.join(tmp, f"out-{name}.csv"), delimiter=",", ndmin=2, dtype=np.float64),
                "mtx": read_mtx(os.path.join(tmp, f"out-{name}.mtx")),
            }
            for ext, actual in loaded.items():
                if actual.dtype != np.float64 or not same_bits(actual, expected):
                    failures.append(f"{name}.{ext}: dtype {actual.dtype}, shape {actual.shape}, expected {expected.shape}")

    checked = 3 * len(cases)
    for failure in failures:
        print("MISMATCH", failure)
    print(f"numpy {np.__version__}: {len(cases)} NumPy-written .npy files read by SpectralSensitivity; "
          f"{checked - len(failures)}/{checked} files written back (.npy, .csv, .mtx) load in NumPy bit-exactly")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
