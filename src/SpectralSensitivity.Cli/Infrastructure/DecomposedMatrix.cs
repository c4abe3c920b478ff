using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>A matrix decomposed once, and what <c>derivatives</c> / <c>eig-derivatives</c> can ask of it.</summary>
/// <param name="Size">The number of values (r = min(m, n), or n).</param>
/// <param name="DefaultRelativeTolerance">The default cluster tolerance divided by the largest value (0 for a zero matrix).</param>
/// <param name="Expand">Expands the selected values with the named method.</param>
/// <param name="Mean">The cluster mean for index k to order N with a relative tolerance (null: the default).</param>
/// <param name="Branches">The cluster's branches for index k to order N.</param>
internal sealed record DecomposedMatrix(
    int Size,
    double DefaultRelativeTolerance,
    Func<Matrix<double>, IndexSelection, int, string, IReadOnlyList<SpectralExpansion>> Expand,
    Func<Matrix<double>, int, int, double?, ClusterMeanExpansion> Mean,
    Func<Matrix<double>, int, int, double?, ClusterBranches> Branches);
