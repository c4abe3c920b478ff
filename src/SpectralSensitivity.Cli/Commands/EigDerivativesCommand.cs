using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral eig-derivatives</c>: <c>d^j/dt^j μ_k(T + tT₁)</c> at t = 0 for a symmetric T.</summary>
internal static class EigDerivativesCommand
{
    public static Command Create(CliContext context) => ExpansionCommand.Create(
        context,
        new ExpansionCommand.Spec(
            "eig-derivatives",
            "Derivatives D_1..D_N of the eigenvalue mu_k(T + tT1) of a symmetric matrix at t = 0, and its Taylor coefficients.",
            CommonOptions.Matrix("The symmetric matrix T"),
            CommonOptions.Direction(required: true, "The symmetric direction T1, same size as T"),
            CommonOptions.Index(required: false, "1-based index k of the eigenvalue in ascending order (mu_1 is the smallest)"),
            Singular: false,
            (t, refinement) =>
            {
                var eig = SymmetricEigendecomposition.Compute(t, refinement);
                var top = eig.Eigenvalues.AbsoluteMaximum();
                return new DecomposedMatrix(
                    eig.Size,
                    top > 0 ? eig.ClusterTolerance / top : 0,
                    (t1, k, n, method) => Expansions.OfEigenvalues(eig, t1, k, n, method),
                    (t1, k, n, tolerance) => EigenvalueDerivatives.ClusterMean(eig, PerturbationPath.Linear(t1), k, n, tolerance),
                    (t1, k, n, tolerance) => EigenvalueDerivatives.Branches(eig, PerturbationPath.Linear(t1), k, n, tolerance));
            },
            KrylovExpansions.OfEigenvalues),
        "spectral eig-derivatives --matrix T.npy --direction T1.npy --index 1 --order 6",
        "spectral eig-derivatives -A T.csv -E T1.csv -k 3 -N 4 --json --method closed-form",
        "spectral eig-derivatives -A T.npy -E T1.npy -k all -N 6 --json",
        "spectral eig-derivatives -A T.npy -E T1.npy -k 2 -N 4 --branches --json",
        "spectral eig-derivatives -A T.mtx -E T1.mtx -k 1 -N 4 --decomposition krylov --json");
}
