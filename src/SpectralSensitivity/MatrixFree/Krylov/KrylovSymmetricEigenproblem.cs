namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>
/// An extreme eigenvalue <c>μ_k</c> of <c>T + tE</c> (T, E symmetric) with the reduced resolvent applied matrix-free by
/// <see cref="DeflatedResolvent"/> from the computed pairs: the other computed pairs are removed by exact partial
/// fractions <c>1/(μ_i − μ_k)</c>, and on their complement the spectrum lies beyond the converged values (a pair computed only for
/// the gap stays in the complement), so <c>±(μ_k − T)</c> is definite there, with the residual-corrected distances of
/// <see cref="RitzBounds"/> as the gaps.
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
        var count = eig.DeflatedCount;                                                        // deflated exactly: the converged pairs (and the next if it converged too)
        var k = index - 1;
        UnscaledEigenvalue = mu[k];
        UnscaledGap = eig.ScaledClusterGapBound(k, k);                                        // d ≤ distance to the other eigenvalues
        var complementGap = eig.ScaledComplementGap(mu[k]);                                   // d_c ≤ distance to every eigenvalue beyond the converged pairs
        var values = Enumerable.Range(0, count).Where(i => i != k).Select(i => mu[i]).ToArray();
        var vectors = Enumerable.Range(0, count).Where(i => i != k).Select(i => pairs.Vectors[i]).ToArray();
        var normalized = eig.Normalized;
        Resolvent = new DeflatedResolvent((x, y) => normalized.Multiply(x, y), mu[k], Eigenvector, values, vectors,
            complementBelow: eig.End == SpectrumEnd.LargestAlgebraic, complementGap, solverTolerance, maxIterations)
        {
            Recycled = eig.Recycled,
        };
        TripletResidual = pairs.Residuals[k];
    }

    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) => _e.Multiply(source, destination);

    private static int ValueExponentOf(PartialSymmetricEigendecomposition eig)
    {
        var largest = eig.Scaled.Values.Max(Math.Abs);
        return largest > 0 ? Math.ILogB(largest) : 0;
    }
}
