using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral hvp</c>: the Hessian of <c>s_k</c> applied to a direction, without forming the Hessian.</summary>
internal static class HvpCommand
{
    public static Command Create(CliContext context) => MatrixResultCommand.Create(
        context,
        new MatrixResultCommand.Spec(
            "hvp",
            "Hessian-vector product Hess s_k[E] (an m x n matrix) without forming the mn x mn Hessian, and the quadratic form <E, Hess s_k[E]> = d^2/dt^2 s_k(A + tE).",
            "hessianVectorProduct",
            NeedsDirection: true,
            DerivativeOrder: 2,
            (svd, k, e, _) =>
            {
                var product = HessianVectorProduct.At(svd, k);
                return new MatrixResultCommand.Result(product.Apply(e!), ("quadraticForm", product.QuadraticForm(e!)));
            }),
        "spectral hvp --matrix A.npy --direction E.npy --index 1",
        "spectral hvp -A A.csv -E E.csv -k 2 --output HE.npy --json");
}
