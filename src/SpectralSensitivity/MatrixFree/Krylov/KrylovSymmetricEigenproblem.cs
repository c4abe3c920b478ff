namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>
/// An extreme eigenvalue <c>μ_k</c> of <c>T + tE</c> (T, E symmetric) with the reduced resolvent applied matrix-free by
/// <see cref="DeflatedResolvent"/> from the computed pairs: the other computed pairs are removed by exact partial
/// fractions <c>1/(μ_i − μ_k)</c>, and on their complement the spectrum lies beyond the last computed value, so
/// <c>±(μ_k − T)</c> is definite there.
/// </summary>
internal sealed class KrylovSymmetricEigenproblem : KrylovEigenproblem
{
    private readonly ILinearOperator _e;

    public KrylovSymmetricEigenproblem(PartialSymmetricEigendecomposition eig, ILinearOperator normalizedDirection, double directionNormBound, int index, double solverTolerance, int maxIterations)
        : base((double[])eig.Scaled.Vectors[index - 1].Clone(), directionNormBound, ValueExponentOf(eig))
    {
        _e = normalizedDirection;
        var pairs = eig.Scaled;
        var mu = pairs.Values;
        var count = mu.Length;
        var k = index - 1;
        UnscaledEigenvalue = mu[k];
        var inner = k > 0 ? Math.Abs(mu[k - 1] - mu[k]) : double.PositiveInfinity;
        var outer = k + 1 < count ? Math.Abs(mu[k] - mu[k + 1]) : double.PositiveInfinity;
        UnscaledGap = Math.Min(inner, outer);                                                 // d: distance to the neighbours
        var complementGap = count > k + 1 ? Math.Abs(mu[k] - mu[count - 1]) : double.PositiveInfinity;
        var values = Enumerable.Range(0, count).Where(i => i != k).Select(i => mu[i]).ToArray();
        var vectors = Enumerable.Range(0, count).Where(i => i != k).Select(i => pairs.Vectors[i]).ToArray();
        var normalized = eig.Normalized;
        Resolvent = new DeflatedResolvent((x, y) => normalized.Multiply(x, y), mu[k], Eigenvector, values, vectors,
            complementBelow: eig.End == SpectrumEnd.LargestAlgebraic, complementGap, solverTolerance, maxIterations);
        TripletResidual = pairs.Residuals[k];
    }

    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) => _e.Multiply(source, destination);

    private static int ValueExponentOf(PartialSymmetricEigendecomposition eig)
    {
        var largest = eig.Scaled.Values.Max(Math.Abs);
        return largest > 0 ? Math.ILogB(largest) : 0;
    }
}
