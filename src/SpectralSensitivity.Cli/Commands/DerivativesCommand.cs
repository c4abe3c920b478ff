using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral derivatives</c>: <c>d^j/dt^j s_k(A + tE)</c> at t = 0 for j = 1..N.</summary>
internal static class DerivativesCommand
{
    public static Command Create(CliContext context) => ExpansionCommand.Create(
        context,
        new ExpansionCommand.Spec(
            "derivatives",
            "Derivatives D_1..D_N of the singular value s_k(A + tE) at t = 0, and its Taylor coefficients; -k all (or a list or range) expands several at once.",
            CommonOptions.Matrix(),
            CommonOptions.Direction(required: true),
            CommonOptions.Index(required: false),
            Singular: true,
            (a, refinement) =>
            {
                var svd = ThinSingularValueDecomposition.Compute(a, refinement);
                var top = svd.SingularValue(1);
                return new DecomposedMatrix(
                    svd.Size,
                    top > 0 ? svd.ClusterTolerance / top : 0,
                    (e, k, n, method) => Expansions.OfSingularValues(svd, e, k, n, method),
                    (e, k, n, tolerance) => SingularValueDerivatives.ClusterMean(svd, PerturbationPath.Linear(e), k, n, tolerance),
                    (e, k, n, tolerance) => SingularValueDerivatives.Branches(svd, PerturbationPath.Linear(e), k, n, tolerance));
            },
            KrylovExpansions.OfSingularValues),
        "spectral derivatives --matrix A.npy --direction E.npy --index 1 --order 6",
        "spectral derivatives -A A.csv -E E.csv -k 2 -N 8 --json",
        "spectral derivatives -A A.mtx -E E.mtx -k 1 -N 10 --method closed-form",
        "spectral derivatives -A A.npy -E E.npy -k all -N 8 --json",
        "spectral derivatives -A A.npy -E E.npy -k 1..5 -N 4 --json",
        "spectral derivatives -A A.npy -E E.npy -k 2 -N 8 --refinement extended-precision",
        "spectral derivatives -A A.npy -E E.npy -k 2 -N 6 --cluster-mean --json",
        "spectral derivatives -A A.npy -E E.npy -k 4 -N 4 --branches --cluster-tolerance 1e-8 --json",
        "spectral derivatives -A big.mtx -E dir.mtx -k 1..3 -N 4 --decomposition krylov --json");
}
