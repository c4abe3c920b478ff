using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral hessian</c>: the dense mn × mn Hessian of <c>s_k</c> with respect to <c>vec(A)</c>.</summary>
internal static class HessianCommand
{
    public static Command Create(CliContext context) => MatrixResultCommand.Create(
        context,
        new MatrixResultCommand.Spec(
            "hessian",
            "Dense Hessian of s_k with respect to vec(A) (column-major: entry (i, j) of A is coordinate i + j m): an mn x mn symmetric matrix, refused when it and its output would take more than 2 GiB.",
            "hessian",
            NeedsDirection: false,
            DerivativeOrder: 2,
            (svd, k, _, sinks) => WithTrace(Dense(svd, sinks, options => SingularValueHessian.Compute(svd, k, options))),
            (svd, mean, _, sinks) => WithTrace(Dense(svd, sinks, mean.Hessian))),
        "spectral hessian --matrix A.npy --index 1 --output H.npy",
        "spectral hessian -A A.csv -k 2 --json",
        "spectral hessian -A A.csv -k 2 --cluster-mean --output H.npy");

    /// <summary>The memory a run may use for the Hessian and its output together.</summary>
    internal const long MemoryBudgetBytes = HessianOptions.DefaultMemoryBudgetBytes;

    /// <summary>The budget left for the Hessian itself once the chosen outputs' working memory is set aside.</summary>
    /// <remarks>With several indices every Hessian is held until the output is written, so each gets an equal share.</remarks>
    internal static long HessianBudget(int rows, int columns, ResultSinks sinks) => MemoryBudgetBytes / Math.Max(1, sinks.Results) - sinks.WorkingBytes((long)rows * columns);

    private static MatrixResultCommand.Result WithTrace(MathNet.Numerics.LinearAlgebra.Matrix<double> hessian) => new(hessian, ("trace", hessian.Trace()));

    /// <summary>The dense Hessian; past the memory budget (Hessian plus output), an error that points to the matrix-free commands.</summary>
    private static MathNet.Numerics.LinearAlgebra.Matrix<double> Dense(SpectralSensitivity.Decomposition.ThinSingularValueDecomposition svd, ResultSinks sinks, Func<HessianOptions, MathNet.Numerics.LinearAlgebra.Matrix<double>> compute)
    {
        try
        {
            return compute(new HessianOptions(HessianBudget(svd.RowCount, svd.ColumnCount, sinks)));
        }
        catch (HessianMemoryBudgetExceededException e)
        {
            var size = (long)svd.RowCount * svd.ColumnCount;
            throw new SpectralSensitivity.Errors.InvalidSpectralInputException(
                $"the dense Hessian of a {svd.RowCount} x {svd.ColumnCount} matrix is {size} x {size} and needs {e.RequiredBytes / (1 << 30):0.###} GiB, over the limit of {MemoryBudgetBytes / (double)(1 << 30):0.###} GiB for the Hessian and its output; " +
                "use 'spectral hvp' (Hessian times a direction) or 'spectral hessian-spectrum' (closed-form eigenvalues) instead",
                e);
        }
    }
}
