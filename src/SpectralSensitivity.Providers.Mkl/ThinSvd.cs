using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Providers.Mkl;

/// <summary>Thin singular value decomposition <c>A = U diag(S) VT</c> of an m x n matrix, k = min(m, n).</summary>
/// <param name="S">The k singular values, descending.</param>
/// <param name="U">m x k, orthonormal columns (left singular vectors).</param>
/// <param name="VT">k x n, orthonormal rows (right singular vectors, transposed).</param>
public sealed record ThinSvd(Vector<double> S, Matrix<double> U, Matrix<double> VT);
