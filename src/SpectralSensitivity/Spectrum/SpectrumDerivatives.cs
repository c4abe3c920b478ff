using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Spectrum;

/// <summary>Derivatives of every order of many singular values (or eigenvalues of a symmetric matrix) at once, along a
/// linear or polynomial path, in singular (eigen) coordinates with one column per value: matrix–matrix products instead
/// of one expansion per value.</summary>
/// <remarks>
/// <para>In the eigenbasis of the Jordan–Wielandt operator <c>H(A)</c> the reduced resolvent of every singular value is
/// diagonal, with weights <c>1/(s_i − s_k)</c> and <c>1/(−s_i − s_k)</c> (partial fractions; <c>s_i² − s_k²</c> is never
/// formed) and <c>−1/s_k</c> on the null part, and <c>H(E)</c> needs only <c>Uᵀ E V</c> and the Gram matrix of
/// <c>(I − UUᵀ) E V</c>. Kato's recursion then runs for all requested values together, each order a few R × R × K
/// products (R = min(m, n), K values) through the active MathNet provider (MKL or OpenBLAS when installed) and one fused
/// vectorised elementwise pass (Kato, Ch. II §2; Luo, O'Riordan, McDermott,
/// JMAA 2025, arXiv 2506.03764).</para>
/// <para>Cost for a straight line, orders 1..N: four M × R × R products to set up (M = max(m, n)), then 3(N − 2) products
/// R × R × K (the last order needs only O(R K)); memory O(N R K) for the coordinates of <c>w₁ … w_{N−1}</c> (three R × K
/// blocks each; with L path terms, 2 + L blocks). Same numbers as
/// <see cref="SingularValueDerivatives.Expand(ThinSingularValueDecomposition, PerturbationPath, int, int, SpectralOptions?)"/> to rounding.</para>
/// <para>Tall, wide (through the transpose), square and rank-deficient A: singular values at or below the zero tolerance
/// join the null part of <c>H(A)</c>. A requested value that is zero or repeated raises
/// <see cref="DegenerateSpectrumException"/> naming it and its cluster; the others need not be isolated. Exactly
/// homogeneous: the computation runs on A and the path scaled by powers of two to size about one and rescales the
/// results exactly.</para>
/// </remarks>
public static class SpectrumDerivatives
{
    /// <summary>Expands every singular value of <c>A + tE</c> to order N (or those in <paramref name="options"/>), computing the thin SVD first.</summary>
    /// <param name="a">The m × n matrix A.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <param name="options">Which values, and whether vectors too; null for every value without vectors.</param>
    public static SpectrumExpansion OfSingularValues(Matrix<double> a, Matrix<double> direction, int order, SpectrumExpansionOptions? options = null) =>
        OfSingularValues(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(direction), order, options);

    /// <summary>Expands singular values of <c>A + Σ t^ν E_ν</c> to order N in singular coordinates.</summary>
    /// <remarks>See the type's remarks for the method and its cost.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms, each m × n.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <param name="options">Which values, and whether vectors too; null for every value without vectors.</param>
    /// <exception cref="InvalidSpectralInputException">Shape mismatch, non-finite path term, an index out of range or repeated, order out of range.</exception>
    /// <exception cref="DegenerateSpectrumException">A requested singular value is zero or repeated.</exception>
    /// <exception cref="SeriesOverflowException">A coefficient overflowed in scaled units (a requested value too close to the rest of the spectrum for this order).</exception>
    /// <exception cref="ResultOutOfRangeException">A coefficient is beyond the double range at the scale of the input.</exception>
    public static SpectrumExpansion OfSingularValues(ThinSingularValueDecomposition svd, PerturbationPath path, int order, SpectrumExpansionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(path);
        options ??= SpectrumExpansionOptions.Default;
        var indices = Requested(options, order, SingularValueDerivatives.MaxOrder, svd.Size, "singular value", svd.RequireIsolated);

        var (_, bounds) = path.ValidateAndBound(svd.RowCount, svd.ColumnCount, "A");
        var scaled = svd.Factors.ScaledValues;
        var top = Math.ILogB(scaled[0]);                                              // s₁ > 0: a requested value is non-zero
        var valueExponent = svd.Factors.ScaleExponent + top;                                 // σ = 2^e ≈ s₁
        var values = new double[svd.Size];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = svd.SingularValue(i + 1) <= svd.ZeroTolerance ? 0.0 : Math.ScaleB(scaled[i], -top); // zero values join the null part
        }

        var basis = new PowerMonomials(order, path.Degree);
        basis.ChooseScaling(valueExponent, bounds);
        var wide = svd.RowCount < svd.ColumnCount;
        var (tallRows, size) = wide ? (svd.ColumnCount, svd.RowCount) : (svd.RowCount, svd.ColumnCount);
        var terms = ScaledTerms(path, basis, tallRows, size, wide);                        // g_ν E_ν (transposed when wide)
        var withVectors = options.Vectors == VectorCoefficients.Include;
        var op = new SingularCoordinates(wide ? svd.RightFactor : svd.LeftFactor, wide ? svd.LeftFactor : svd.RightFactor, values, terms, indices, withVectors);
        var (coefficients, coordinates) = CoordinateRecursion.Run(op, order, withVectors);
        var scaledBounds = ScaledBounds(bounds, basis);
        var vectors = withVectors ? SingularVectorSeries.Compute(op, coordinates, order) : null;
        var expansions = new SpectralExpansion[indices.Length];
        for (var c = 0; c < indices.Length; c++)
        {
            var k = indices[c];
            var series = Column(coefficients, c, basis);
            var gap = svd.Gap(k);
            var convergence = ConvergenceBound.FromScaled(ScaledGap(scaled, k, svd.RowCount != svd.ColumnCount), scaledBounds, valueExponent, basis);
            if (vectors is null)
            {
                expansions[c] = new ValueExpansion(k, series, gap, convergence, ExpansionCondition.For(svd, k, order));
                continue;
            }

            var (x, y) = vectors[c];
            var (left, right) = wide ? (y, x) : (x, y);
            expansions[c] = new SingularValueExpansion(k, series, RescaleVectors(left, basis, valueExponent), RescaleVectors(right, basis, valueExponent), gap, convergence, ExpansionCondition.For(svd, k, order));
        }

        return new SpectrumExpansion(order, expansions);
    }

    /// <summary>Expands eigenvalues of a symmetric <c>T + Σ t^ν T_ν</c> to order N in eigen coordinates.</summary>
    /// <remarks>
    /// With <c>T = Q diag(μ) Qᵀ</c> and <c>T̂_ν = Qᵀ T_ν Q</c>, the reduced resolvent at <c>μ_k</c> is <c>1/(μ_i − μ_k)</c>
    /// (i ≠ k); each order costs one n × n × K product per path term. Setup: two n × n × n products per term.
    /// Index k is 1-based in ascending order.
    /// </remarks>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="path">Symmetric path terms, each n × n.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="EigenvalueDerivatives.MaxOrder"/>.</param>
    /// <param name="options">Which values, and whether eigenvectors too; null for every value without vectors.</param>
    /// <exception cref="InvalidSpectralInputException">Shape mismatch, non-finite or non-symmetric path term, an index out of range or repeated, order out of range.</exception>
    /// <exception cref="DegenerateSpectrumException">A requested eigenvalue is repeated.</exception>
    /// <exception cref="SeriesOverflowException">A coefficient overflowed in scaled units.</exception>
    /// <exception cref="ResultOutOfRangeException">A coefficient is beyond the double range at the scale of the input.</exception>
    public static SpectrumExpansion OfEigenvalues(SymmetricEigendecomposition eig, PerturbationPath path, int order, SpectrumExpansionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(path);
        options ??= SpectrumExpansionOptions.Default;
        var indices = Requested(options, order, EigenvalueDerivatives.MaxOrder, eig.Size, "eigenvalue", eig.RequireIsolated);

        string TermName(int nu) => path.Degree == 1 ? "direction T1" : $"path term T{nu}";
        var (_, bounds) = path.ValidateAndBound(eig.Size, eig.Size, "T", TermName);
        for (var nu = 1; nu <= path.Degree; nu++)
        {
            MatrixGuard.RequireSymmetric(path.Terms[nu - 1], TermName(nu), SymmetricEigendecomposition.SymmetryTolerance);
        }

        var scaled = eig.Factors.ScaledValues;
        var largest = scaled.ToArray().Max(Math.Abs);
        var top = largest > 0 ? Math.ILogB(largest) : 0;
        var valueExponent = eig.Factors.ScaleExponent + top;
        var values = scaled.ToArray().Select(mu => Math.ScaleB(mu, -top)).ToArray();
        var basis = new PowerMonomials(order, path.Degree);
        basis.ChooseScaling(valueExponent, bounds);
        var terms = ScaledTerms(path, basis, eig.Size, eig.Size, transpose: false);
        var withVectors = options.Vectors == VectorCoefficients.Include;
        var op = new EigenCoordinates(eig.Vectors, values, terms, indices);
        var (coefficients, coordinates) = CoordinateRecursion.Run(op, order, withVectors);
        var scaledBounds = ScaledBounds(bounds, basis);
        var vectors = withVectors ? EigenvectorSeries.Compute(op, coordinates, order) : null;
        var expansions = new SpectralExpansion[indices.Length];
        for (var c = 0; c < indices.Length; c++)
        {
            var k = indices[c];
            var series = Column(coefficients, c, basis);
            var convergence = ConvergenceBound.FromScaled(ScaledEigenGap(values, k), scaledBounds, valueExponent, basis);
            expansions[c] = vectors is null
                ? new ValueExpansion(k, series, eig.Gap(k), convergence, ExpansionCondition.For(eig, k, order))
                : new EigenvalueExpansion(k, series, RescaleVectors(vectors[c], basis, valueExponent), eig.Gap(k), convergence, ExpansionCondition.For(eig, k, order));
        }

        return new SpectrumExpansion(order, expansions);
    }

    /// <summary>The order checked, then the requested indices (in range, each once, at least one), each required isolated.</summary>
    private static int[] Requested(SpectrumExpansionOptions options, int order, int maxOrder, int count, string what, Action<int> requireIsolated)
    {
        MatrixGuard.RequireOrder(order, 1, maxOrder, "the recursion");
        var indices = Indices(options, count, what);
        foreach (var k in indices)
        {
            requireIsolated(k);
        }

        return indices;
    }

    /// <summary>The path terms times <c>2^{−e_ν}</c> (exact), rows × columns each, transposed when asked.</summary>
    private static Matrix<double>[] ScaledTerms(PerturbationPath path, PowerMonomials basis, int rows, int columns, bool transpose) =>
        Enumerable.Range(1, path.Degree)
            .Select(nu => Matrix<double>.Build.Dense(rows, columns, PowerOfTwoScaling.ScaledArray(path.Terms[nu - 1], -basis.TermExponent(nu), transpose)))
            .ToArray();

    /// <summary>The bounds ‖E_ν‖₂ of the path terms in the scaled units of <paramref name="basis"/> (exact).</summary>
    private static double[] ScaledBounds(double[] bounds, PowerMonomials basis) =>
        bounds.Select((bound, i) => Math.ScaleB(bound, basis.TermExponent(i + 1))).ToArray();

    /// <summary>The requested indices, checked: in range, each once, at least one.</summary>
    private static int[] Indices(SpectrumExpansionOptions options, int count, string what)
    {
        if (options.Indices is null)
        {
            return Enumerable.Range(1, count).ToArray();
        }

        if (options.Indices.Count == 0)
        {
            throw new InvalidSpectralInputException($"no {what} index was given; pass null for all of them");
        }

        var seen = new HashSet<int>();
        foreach (var k in options.Indices)
        {
            MatrixGuard.RequireIndex(k, count, what);
            if (!seen.Add(k))
            {
                throw new InvalidSpectralInputException($"{what} index {k} is asked for twice");
            }
        }

        return options.Indices.ToArray();
    }

    /// <summary>Column c's scaled coefficients <c>c′_j</c> with <c>c_j = 2^{e_j} c′_j</c>.</summary>
    private static ScaledCoefficients Column(double[][] scaled, int column, PowerMonomials basis) =>
        new([.. scaled.Select(row => row[column])], [.. Enumerable.Range(0, scaled.Length).Select(basis.CoefficientExponent)]);

    /// <summary>Normalised vector coefficients mapped back to true units: <c>2^{e_j − e}</c> times the scaled ones.</summary>
    private static MathNet.Numerics.LinearAlgebra.Vector<double>[] RescaleVectors(double[][] scaled, PowerMonomials basis, int valueExponent)
    {
        var result = new MathNet.Numerics.LinearAlgebra.Vector<double>[scaled.Length];
        for (var j = 0; j < scaled.Length; j++)
        {
            var exponent = basis.CoefficientExponent(j) - valueExponent;
            var vector = scaled[j].Select(x => Math.ScaleB(x, exponent)).ToArray();
            if (!CoordinateRecursion.AllFinite(vector))
            {
                throw new ResultOutOfRangeException($"the singular-vector coefficient of order {j}", j);
            }

            result[j] = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(vector);
        }

        return result;
    }

    /// <summary>The gap of <c>s_k</c> in <c>H(A)</c> in scaled units: <c>min(|s_k − s_i|, 2 s_k, and s_k when m ≠ n)</c>;
    /// the values are sorted, so the nearest other one is a neighbour.</summary>
    private static double ScaledGap(ReadOnlySpan<double> scaled, int index, bool rectangular)
    {
        var top = Math.ILogB(scaled[0]);
        var sk = Math.ScaleB(scaled[index - 1], -top);
        var d = rectangular ? sk : 2 * sk;
        if (index > 1)
        {
            d = Math.Min(d, Math.ScaleB(scaled[index - 2], -top) - sk);
        }

        if (index < scaled.Length)
        {
            d = Math.Min(d, sk - Math.ScaleB(scaled[index], -top));
        }

        return d;
    }

    /// <summary>The gap of <c>μ_k</c> in scaled units, +∞ for n = 1 (sorted values: a neighbour is nearest).</summary>
    private static double ScaledEigenGap(double[] values, int index)
    {
        var d = double.PositiveInfinity;
        if (index > 1)
        {
            d = Math.Min(d, values[index - 1] - values[index - 2]);
        }

        if (index < values.Length)
        {
            d = Math.Min(d, values[index] - values[index - 1]);
        }

        return d;
    }
}
