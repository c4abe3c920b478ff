using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.MatrixFree.Krylov;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral hvp</c>: the Hessian of <c>s_k</c> applied to a direction, without forming the Hessian.</summary>
internal static class HvpCommand
{
    public static Command Create(CliContext context) => MatrixResultCommand.Create(
        context,
        new MatrixResultCommand.Spec(
            "hvp",
            "Hessian-vector product Hess s_k[E] (an m x n matrix) without forming the mn x mn Hessian, and the quadratic form <E, Hess s_k[E]> = d^2/dt^2 s_k(A + tE) (with --cluster-mean: of the mean of s_k's cluster).",
            "hessianVectorProduct",
            NeedsDirection: true,
            DerivativeOrder: 2,
            (svd, k, e, _) =>
            {
                var product = HessianVectorProduct.At(svd, k);
                return new MatrixResultCommand.Result(product.Apply(e!), ("quadraticForm", InRange(product.QuadraticForm(e!))));
            },
            (_, mean, e, _) =>
            {
                var product = mean.HessianVectorProduct(e!);
                return new MatrixResultCommand.Result(product, ("quadraticForm", InRange(product.PointwiseMultiply(e!).Enumerate().Sum())));   // ⟨E, Hess s̄[E]⟩
            },
            (svd, k, e) =>
            {
                var product = KrylovSingularValueDerivatives.HessianVectorProduct(svd, e!, k);
                return new KrylovMatrixResult(product, ("quadraticForm", product.InnerProduct(e!)));
            },
            (svd, k, e, tolerance) =>
            {
                var product = KrylovSingularValueDerivatives.ClusterMeanHessianVectorProduct(svd, e!, k, tolerance);
                return new KrylovMatrixResult(product, ("quadraticForm", product.InnerProduct(e!)));        // ⟨E, Hess s̄[E]⟩
            }),
        "spectral hvp --matrix A.npy --direction E.npy --index 1",
        "spectral hvp -A A.csv -E E.csv -k 2 --output HE.npy --json",
        "spectral hvp -A A.npy -E E.npy -k 2 --cluster-mean --cluster-tolerance 1e-8 --json",
        "spectral hvp -A big.mtx -E dir.mtx -k 1 --decomposition krylov --output HE.npz --json",
        "spectral hvp -A big.mtx -E dir.mtx -k 2 --decomposition krylov --cluster-mean --output HE.npz --json");

    /// <summary>The quadratic form, refused when it is beyond the double range (it scales as <c>‖E‖² / ‖A‖</c>, so E alone scaled up overflows it first).</summary>
    private static double InRange(double quadraticForm) =>
        double.IsFinite(quadraticForm) ? quadraticForm : throw new Errors.ResultOutOfRangeException("the quadratic form <E, Hess s_k[E]>");
}
