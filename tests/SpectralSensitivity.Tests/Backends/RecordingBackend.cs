using SpectralSensitivity.Backends;

namespace SpectralSensitivity.Tests.Backends;

/// <summary>An <see cref="IDecompositionBackend"/> that forwards to the managed one and records what it was asked.</summary>
internal sealed class RecordingBackend : IDecompositionBackend
{
    public string Name => "recording";

    public List<string> Calls { get; } = [];

    public List<Parallelism> Applied { get; } = [];

    public void ThinSingularValueDecomposition(Span<double> a, int rows, int columns, Span<double> singularValues, Span<double> leftVectors, Span<double> rightVectors)
    {
        Calls.Add($"svd {rows}x{columns}");
        DecompositionBackends.Managed.ThinSingularValueDecomposition(a, rows, columns, singularValues, leftVectors, rightVectors);
    }

    public void SymmetricEigendecomposition(Span<double> a, int order, Span<double> eigenvalues)
    {
        Calls.Add($"evd {order}");
        DecompositionBackends.Managed.SymmetricEigendecomposition(a, order, eigenvalues);
    }

    public void MatrixMultiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        Calls.Add($"gemm {m}x{n}x{k}");
        DecompositionBackends.Managed.MatrixMultiply(transposeA, transposeB, m, n, k, alpha, a, b, beta, c);
    }

    public void ApplyParallelism(Parallelism parallelism) => Applied.Add(parallelism);
}
