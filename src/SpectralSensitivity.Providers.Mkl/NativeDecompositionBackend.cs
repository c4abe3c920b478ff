using System.Buffers;
using SpectralSensitivity.Backends;

namespace SpectralSensitivity.Providers.Mkl;

/// <summary>
/// The core's <see cref="IDecompositionBackend"/> on a native LAPACK library (Intel MKL or OpenBLAS): the thin SVD is one
/// <c>dgesdd</c> call with <c>jobz = 'S'</c> (<c>dgesvd</c> when it does not converge), the symmetric eigendecomposition one
/// <c>dsyevd</c> call, the product one <c>dgemm</c> (or <c>dgemv</c>) call.
/// </summary>
/// <remarks>
/// Registered by <see cref="SpectralProviders"/> when a native provider is selected; obtain it otherwise through
/// <see cref="NativeLinearAlgebraProvider.DecompositionBackend"/> and pass it to <see cref="DecompositionBackends.Use"/>.
/// Inputs are checked for length and finiteness before native code runs; a non-zero <c>info</c> becomes
/// <see cref="Errors.NativeLinearAlgebraException"/>, a <see cref="SpectralSensitivity.Errors.DecompositionFailedException"/>.
/// Cost over the native call: one finiteness scan and one backup of the input (for the fallback), and for the SVD the
/// transposition of <c>Vᵀ</c> (k × n) into V, O(n k).
/// </remarks>
internal sealed class NativeDecompositionBackend(NativeLinearAlgebraProvider provider) : IDecompositionBackend
{
    private readonly object _gate = new();
    private int? _applied;

    public string Name => provider.Name;

    public void ThinSingularValueDecomposition(Span<double> a, int rows, int columns, Span<double> singularValues, Span<double> leftVectors, Span<double> rightVectors)
    {
        BackendArguments.RequireSvd(a, rows, columns, singularValues, leftVectors, rightVectors);
        var k = Math.Min(rows, columns);
        var vt = ArrayPool<double>.Shared.Rent(Math.Max(1, k * columns));
        try
        {
            provider.Svd('S', a, rows, columns, singularValues, leftVectors, vt.AsSpan(0, k * columns));
            for (var j = 0; j < columns; j++)
            {
                for (var i = 0; i < k; i++)
                {
                    rightVectors[i * columns + j] = vt[j * k + i];              // V[j, i] = Vᵀ[i, j]
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(vt);
        }
    }

    public void SymmetricEigendecomposition(Span<double> a, int order, Span<double> eigenvalues)
    {
        BackendArguments.RequireEigen(a, order, eigenvalues);
        InputGuard.Finite(a, order * order, "dsyevd", nameof(a));
        if (order > 0)
        {
            provider.Driver.Syevd(true, order, a, eigenvalues);                 // a becomes Q, values ascending
        }
    }

    public void MatrixMultiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        BackendArguments.RequireProduct(m, n, k, a, b, c);
        var routine = n == 1 || m == 1 ? "dgemv" : "dgemm";
        InputGuard.Finite(a, m * k, routine, nameof(a));
        InputGuard.Finite(b, k * n, routine, nameof(b));
        if (m == 0 || n == 0)
        {
            return;
        }

        provider.Product(transposeA, transposeB, alpha, a, transposeA ? k : m, transposeA ? m : k, b, transposeB ? n : k, transposeB ? k : n, beta, c, m, n, k);
    }

    /// <summary>Sets the library's thread count to <see cref="Parallelism.MaxDegree"/>; for the defaults (null) restores the
    /// count the library had when it loaded, if an explicit count was applied before, and otherwise leaves it alone.</summary>
    public void ApplyParallelism(Parallelism parallelism)
    {
        ArgumentNullException.ThrowIfNull(parallelism);
        lock (_gate)
        {
            if (parallelism.MaxDegree is { } threads)
            {
                provider.ThreadCount = threads;
            }
            else if (_applied is not null)
            {
                provider.ThreadCount = provider.DefaultThreadCount;
            }

            _applied = parallelism.MaxDegree;
        }
    }
}
