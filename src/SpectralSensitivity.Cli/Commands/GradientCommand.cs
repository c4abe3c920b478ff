using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.MatrixFree.Krylov;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral gradient</c>: <c>∇ s_k(A) = u_k v_kᵀ</c>, or with <c>--cluster-mean</c> <c>(1/g) U_c V_cᵀ</c>.</summary>
internal static class GradientCommand
{
    public static Command Create(CliContext context) => MatrixResultCommand.Create(
        context,
        new MatrixResultCommand.Spec(
            "gradient",
            "Gradient of the singular value s_k with respect to A: the m x n matrix u_k v_k^T (with --cluster-mean: of the mean of s_k's cluster, (1/g) U_c V_c^T).",
            "gradient",
            NeedsDirection: false,
            DerivativeOrder: 1,
            (svd, k, _, _) => new MatrixResultCommand.Result(SingularValueGradient.Compute(svd, k)),
            (_, mean, _, _) => new MatrixResultCommand.Result(mean.Gradient()),
            (svd, k, _) => new KrylovMatrixResult(KrylovSingularValueDerivatives.Gradient(svd, k)),
            (svd, k, _, tolerance) => new KrylovMatrixResult(KrylovSingularValueDerivatives.ClusterMeanGradient(svd, k, tolerance))),
        "spectral gradient --matrix A.npy --index 1",
        "spectral gradient -A A.csv -k 2 --output G.npy --json",
        "spectral gradient -A A.npy -k 2 --cluster-mean --json",
        "spectral gradient -A big.mtx -k 1 --decomposition krylov --output G.npz --json",
        "spectral gradient -A big.mtx -k 2 --decomposition krylov --cluster-mean --output G.npz --json");
}
