using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Results;
using SpectralSensitivity.Spectrum;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>
/// One output of an entry point with its homogeneity: <c>Q(2^a A, 2^b E) = 2^(a·AExponent + b·EExponent) Q(A, E)</c>.
/// A derivative of order j along E has exponents (1 − j, j); the gradient (0, 0); a Hessian entry (−1, 0); the
/// Hessian-vector product (−1, 1); the j-th singular-vector Taylor coefficient (−j, j).
/// </summary>
/// <param name="CorrectlyRounded">The output is one rounding of a number that scales exactly (a Taylor coefficient, a derivative
/// <c>j! c_j</c>, its error estimate): where it is subnormal it must be the scaled unscaled output correctly rounded, checked bit
/// for bit when the tolerance is 0.</param>
internal sealed record Quantity(string Name, double Value, int AExponent, int EExponent, bool CorrectlyRounded = false);

/// <summary>A public entry point as the harness sees it: scaled inputs in, named quantities out.</summary>
/// <param name="Name">For messages.</param>
/// <param name="Evaluate">Runs the entry point on (A, E); the exponents (a, b) by which they were scaled are given for
/// inputs that must scale in a derived way (the second term of a quadratic path scales by 2^(2b − a)).</param>
internal sealed record EntryPoint(string Name, Func<Matrix<double>, Matrix<double>, (int A, int E), IReadOnlyList<Quantity>> Evaluate)
{
    public override string ToString() => Name;
}

/// <summary>
/// The check every public entry point goes through, in the spirit of ChainRulesTestUtils: power-of-two homogeneity across
/// the double range (where the answer is representable the result must be exact to 1e-13; where it is not, the entry
/// point must say so with <see cref="ResultOutOfRangeException"/>, never return inf, NaN or a flushed number).
/// </summary>
internal static class EntryPointHarness
{
    /// <summary>The exponents e of the scales 2^e the harness tries.</summary>
    public static readonly int[] Exponents = [-1000, -500, 500, 1000];

    /// <summary>Every entry point at k = 2 of a 5 × 4 A (and H(A) for the symmetric ones), orders 1..8 where there are orders.</summary>
    public static IReadOnlyList<EntryPoint> All { get; } = At(2);

    /// <summary>Every entry point at the 1-based k of A (the eigenvalue of H(A) that is s_k for the symmetric one), orders 1..8
    /// where there are orders.</summary>
    public static IReadOnlyList<EntryPoint> At(int k) =>
    [
        new("derivatives (recursion, orders 1..8)", (a, e, _) => Expansion(SingularValueDerivatives.Expand(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), k, 8))),
        new("derivatives (quadratic path, orders 1..6)", (a, e, s) => Expansion(SingularValueDerivatives.Expand(
            ThinSingularValueDecomposition.Compute(a), PerturbationPath.Polynomial(e, SecondTerm(a, s)), k, 6))),
        new("derivatives (Kato closed form, orders 1..6)", (a, e, _) => Series(SingularValueDerivatives.ClosedForm(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), k, 6))),
        new("eigenvalue derivatives of H(A) (orders 1..8)", (a, e, _) => Expansion(EigenvalueDerivatives.Expand(
            SymmetricEigendecomposition.Compute(JordanWielandt.Dense(a)), PerturbationPath.Linear(JordanWielandt.Dense(e)), a.RowCount + a.ColumnCount + 1 - k, 8))),
        new("gradient", (a, _, _) => Entries("gradient", SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(a), k), 0, 0)),
        new("Hessian-vector product", (a, e, _) => Entries("HVP", HessianVectorProduct.At(ThinSingularValueDecomposition.Compute(a), k).Apply(e), -1, 1)),
        new("dense Hessian", (a, _, _) => Entries("Hessian", SingularValueHessian.Compute(ThinSingularValueDecomposition.Compute(a), k), -1, 0)),
        new("Hessian spectrum", (a, _, _) => Spectrum(HessianSpectrum.At(ThinSingularValueDecomposition.Compute(a), k))),
        new("multilinear form D³[E, F, G]", (a, e, _) => [new("D3", SingularValueMultilinearForm.Evaluate(
            ThinSingularValueDecomposition.Compute(a), k, e, Shifted(e, 1), Shifted(e, 2)), -2, 3)]),
        new("reduced resolvent", (a, _, _) => Entries("S", ReducedResolvent.At(ThinSingularValueDecomposition.Compute(a), k).ToDense(), -1, 0)),
    ];

    /// <summary>The thin SVD itself, in double and refined in double-double: values (and the tolerances derived from them) scale with
    /// A, the singular vectors not at all.</summary>
    public static IReadOnlyList<EntryPoint> Decompositions { get; } =
    [
        new("thin SVD", (a, _, _) => Factors(ThinSingularValueDecomposition.Compute(a))),
        new("thin SVD, extended precision", (a, _, _) => Factors(ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision))),
        new("symmetric eigendecomposition of H(A)", (a, _, _) => Factors(SymmetricEigendecomposition.Compute(JordanWielandt.Dense(a)))),
        new("symmetric eigendecomposition of H(A), extended precision", (a, _, _) => Factors(
            SymmetricEigendecomposition.Compute(JordanWielandt.Dense(a), DecompositionRefinement.ExtendedPrecision))),
    ];

    /// <summary>Every entry point of a symmetric T at its 1-based (ascending) index, T and the direction both symmetric: the
    /// eigendecomposition in double and double-double, the recursion and closed form, the spectrum at once, the reduced resolvent
    /// and the gradient, Hessian-vector product and Hessian of the cluster mean.</summary>
    public static IReadOnlyList<EntryPoint> Symmetric(int index) =>
    [
        new("symmetric eigendecomposition", (t, _, _) => Factors(SymmetricEigendecomposition.Compute(t))),
        new("symmetric eigendecomposition, extended precision", (t, _, _) => Factors(SymmetricEigendecomposition.Compute(t, DecompositionRefinement.ExtendedPrecision))),
        new("eigenvalue, recursion, orders 1..8", (t, e, _) => Expansion(EigenvalueDerivatives.Expand(SymmetricEigendecomposition.Compute(t), e, index, 8))),
        new("eigenvalue, closed form, orders 1..6", (t, e, _) => Series(EigenvalueDerivatives.ClosedForm(SymmetricEigendecomposition.Compute(t), PerturbationPath.Linear(e), index, 6))),
        new("eigenvalues at once, orders 1..6", (t, e, _) => Series(SpectrumDerivatives.OfEigenvalues(SymmetricEigendecomposition.Compute(t), PerturbationPath.Linear(e), 6).Expansion(index))),
        new("symmetric reduced resolvent", (t, _, _) => Entries("S", SymmetricReducedResolvent.At(SymmetricEigendecomposition.Compute(t), index).ToDense(), -1, 0)),
        new("cluster-mean gradient, Hessian-vector product and Hessian", (t, e, _) =>
        {
            var mean = EigenvalueClusterMeanDerivatives.At(SymmetricEigendecomposition.Compute(t), index);
            return [.. Entries("gradient", mean.Gradient(), 0, 0), .. Entries("HVP", mean.HessianVectorProduct(e), -1, 1), .. Entries("Hessian", mean.Hessian(), -1, 0)];
        }),
    ];

    /// <summary>Every expansion type to order N with the inputs it is checked on: isolated values at k = 2 of a 5 × 4 A (of H(A) for the
    /// symmetric ones) and a direction small enough that high-order coefficients are far below the derivatives' scale; cluster means and
    /// branches at the cluster s₂ = s₃ of a 5 × 4 A; the branches of a zero cluster; dense, closed form (to order min(N, 8)), spectrum at
    /// once and matrix-free (with every vector coefficient, and values only by Wigner's rule).</summary>
    public static IReadOnlyList<(EntryPoint Point, Matrix<double> A, Matrix<double> E)> Expansions(int order)
    {
        var a = TestMatrices.Gaussian(5, 4, 1);
        var e = TestMatrices.Gaussian(5, 4, 2).Map(x => Math.ScaleB(x, -4));                  // D_20 ≈ 2^-1 and c_20 ≈ 2^-62 for this A
        var clustered = TestMatrices.WithSingularValues(5, 4, [4, 2, 2, 1], 3);                // s₂ = s₃ up to rounding
        var zero = ClusterFixture.Named("tall 9x6, rank 3: zero cluster of 3");                 // exact in binary: s₄ = s₅ = s₆ = 0
        var h = a.RowCount + a.ColumnCount - 1;                                               // s₂ is eigenvalue m + n − 1 of H(A), ascending
        var closedForm = Math.Min(order, 8);
        static Matrix<double> H(Matrix<double> m) => JordanWielandt.Dense(m);
        static ILinearOperator Operator(Matrix<double> m) => LinearOperator.FromMatrix(m);
        return
        [
            (new($"singular value, recursion, orders 1..{order}", (a, e, _) => Expansion(SingularValueDerivatives.Expand(ThinSingularValueDecomposition.Compute(a), e, 2, order))), a, e),
            (new($"singular value, closed form, orders 1..{closedForm}", (a, e, _) => Series(SingularValueDerivatives.ClosedForm(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), 2, closedForm))), a, e),
            (new($"eigenvalue of H(A), recursion, orders 1..{order}", (a, e, _) => Expansion(EigenvalueDerivatives.Expand(SymmetricEigendecomposition.Compute(H(a)), H(e), h, order))), a, e),
            (new($"eigenvalue of H(A), closed form, orders 1..{closedForm}", (a, e, _) => Series(EigenvalueDerivatives.ClosedForm(SymmetricEigendecomposition.Compute(H(a)), PerturbationPath.Linear(H(e)), h, closedForm))), a, e),
            (new($"singular values at once, orders 1..{order}", (a, e, _) => Series(SpectrumDerivatives.OfSingularValues(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), order).Expansion(2))), a, e),
            (new($"eigenvalues of H(A) at once, orders 1..{order}", (a, e, _) => Series(SpectrumDerivatives.OfEigenvalues(SymmetricEigendecomposition.Compute(H(a)), PerturbationPath.Linear(H(e)), order).Expansion(h))), a, e),
            (new($"matrix-free singular value, orders 1..{order}", (a, e, _) => Krylov(KrylovSingularValueDerivatives.Expand(Operator(a), Operator(e), 2, order))), a, e),
            (new($"matrix-free eigenvalue of H(A), orders 1..{order}", (a, e, _) => Krylov(KrylovEigenvalueDerivatives.Expand(Operator(H(a)), Operator(H(e)), 2, SpectrumEnd.LargestAlgebraic, order))), a, e),
            (new($"matrix-free singular value, values only, orders 1..{order}", (a, e, _) => Krylov(KrylovSingularValueDerivatives.Expand(
                PartialSingularValueDecomposition.ComputeThrough(Operator(a), 2), Operator(e), 2, order, VectorCoefficients.None))), a, e),
            (new($"matrix-free eigenvalue of H(A), values only, orders 1..{order}", (a, e, _) => Krylov(KrylovEigenvalueDerivatives.Expand(
                PartialSymmetricEigendecomposition.ComputeThrough(Operator(H(a)), 2, SpectrumEnd.LargestAlgebraic), Operator(H(e)), 2, order, VectorCoefficients.None))), a, e),
            (new($"cluster mean of singular values, orders 1..{order}", (a, e, _) => Series(SingularValueDerivatives.ClusterMean(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), 2, order))), clustered, e),
            (new($"branches of singular values, orders 1..{order}", (a, e, _) => Branches(SingularValueDerivatives.Branches(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), 2, order))), clustered, e),
            (new($"branches of zero singular values, orders 1..{order}", (a, e, _) => Branches(SingularValueDerivatives.Branches(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), zero.First, order))), zero.Matrix, zero.Direction),
            (new($"cluster mean of eigenvalues of H(A), orders 1..{order}", (a, e, _) => Series(EigenvalueDerivatives.ClusterMean(SymmetricEigendecomposition.Compute(H(a)), PerturbationPath.Linear(H(e)), h, order))), clustered, e),
            (new($"branches of eigenvalues of H(A), orders 1..{order}", (a, e, _) => Branches(EigenvalueDerivatives.Branches(SymmetricEigendecomposition.Compute(H(a)), PerturbationPath.Linear(H(e)), h, order))), clustered, e),
            (new($"matrix-free cluster mean, orders 1..{order}", (a, e, _) => Krylov(KrylovSingularValueDerivatives.ClusterMean(Operator(a), Operator(e), 2, order))), clustered, e),
            (new($"matrix-free branches, orders 1..{order}", (a, e, _) => Krylov(KrylovSingularValueDerivatives.Branches(Operator(a), Operator(e), 2, order))), clustered, e),
        ];
    }

    /// <summary>For the largest correctly rounded output of each order j ≥ 4 (a derivative D_j, largest of its class), the scalings of A
    /// alone, E alone and both together (each exponent within ±1000) that bring it to just above the smallest normal number,
    /// 2^-1021 ≤ |D_j| &lt; 2^-1021 · 2^(j−1): there <c>c_j = D_j / j!</c> is subnormal (j! ≥ 2^j) while D_j is not.</summary>
    public static IReadOnlyList<(int A, int E)> NearUnderflow(EntryPoint entryPoint, Matrix<double> a, Matrix<double> e)
    {
        var scalings = new HashSet<(int A, int E)>();
        var largest = entryPoint.Evaluate(a, e, (0, 0))
            .Where(q => q.CorrectlyRounded && q.EExponent >= 4 && double.IsNormal(q.Value))
            .GroupBy(q => (q.AExponent, q.EExponent))
            .Select(group => group.MaxBy(q => Math.Abs(q.Value))!);
        foreach (var q in largest)
        {
            var above = Math.ILogB(q.Value) + 1021;                                             // |x| 2^s lands at 2^(ILogB(x) + s)
            scalings.Add((-above, -above));                                                     // together: s = x (A and E exponents add to 1)
            scalings.Add(((int)Math.Floor(above / (double)-q.AExponent), 0));                   // A alone: s = x (1 − j), steps of j − 1
            scalings.Add((0, -(int)Math.Floor(above / (double)q.EExponent)));                   // E alone: s = x j, steps of j
        }

        return [.. scalings.Where(s => Math.Abs(s.A) <= 1000 && Math.Abs(s.E) <= 1000 && s != (0, 0)).Order()];
    }

    /// <summary>The scalings (2^a A, 2^b E) the harness tries: A and E together and A alone, each exponent of <see cref="Exponents"/>.</summary>
    public static IReadOnlyList<(int A, int E)> Together { get; } = [.. Exponents.SelectMany(x => new[] { (x, x), (x, 0) })];

    /// <summary><see cref="Together"/> and E alone, <c>(0, x)</c>: for entry points that normalise A and E by separate powers of two.</summary>
    public static IReadOnlyList<(int A, int E)> Separately { get; } = [.. Together, .. Exponents.Select(x => (0, x))];

    /// <summary>Runs <paramref name="entryPoint"/> at (A, E) and at every scaled pair, returning one message per failure.</summary>
    /// <param name="entryPoint">The entry point.</param>
    /// <param name="a">A.</param>
    /// <param name="e">E.</param>
    /// <param name="tolerance">Relative to the largest output of each homogeneity class; 0 asks for bit-exact scaling.</param>
    /// <param name="scalings">The scaled pairs; <see cref="Together"/> when null.</param>
    public static IReadOnlyList<string> CheckHomogeneity(EntryPoint entryPoint, Matrix<double> a, Matrix<double> e, double tolerance = 1e-13,
        IReadOnlyList<(int A, int E)>? scalings = null)
    {
        var failures = new List<string>();
        var reference = entryPoint.Evaluate(a, e, (0, 0));
        foreach (var (scaleA, scaleE) in scalings ?? Together)
        {
            Check(entryPoint, a, e, reference, scaleA, scaleE, tolerance, failures);
        }

        return failures;
    }

    private static void Check(EntryPoint entryPoint, Matrix<double> a, Matrix<double> e, IReadOnlyList<Quantity> reference, int scaleA, int scaleE,
        double tolerance, List<string> failures)
    {
        var label = $"{entryPoint.Name} at A·2^{scaleA}, E·2^{scaleE}";
        var expected = reference.Select(q => Math.ScaleB(q.Value, (scaleA * q.AExponent) + (scaleE * q.EExponent))).ToArray();
        var overflows = expected.Any(x => !double.IsFinite(x));
        IReadOnlyList<Quantity> actual;
        try
        {
            actual = entryPoint.Evaluate(Scaled(a, scaleA), Scaled(e, scaleE), (scaleA, scaleE));
        }
        catch (ResultOutOfRangeException) when (overflows)
        {
            return; // correct: some output is beyond the double range, and the entry point says so
        }
        catch (Exception ex)
        {
            failures.Add($"{label}: threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        if (overflows)
        {
            failures.Add($"{label}: an output is beyond the double range but no ResultOutOfRangeException was thrown");
            return;
        }

        if (actual.Count != reference.Count)
        {
            failures.Add($"{label}: {actual.Count} outputs, {reference.Count} unscaled");
            return;
        }

        // Each output is compared with the largest output of its homogeneity class (the same exponents), so values that
        // cancel to nearly zero are held to the accuracy of their class, not to their own last digits.
        for (var i = 0; i < reference.Count; i++)
        {
            var q = reference[i];
            if (q.Value != 0 && Math.Abs(expected[i]) < 2.2250738585072014E-308)
            {
                // subnormal (or underflowed to 0) at this scale: fewer than 53 bits exist; an output rounded once must be the scaled one
                // correctly rounded
                if (tolerance == 0 && q.CorrectlyRounded && double.IsNormal(q.Value) && actual[i].Value != expected[i])
                {
                    failures.Add($"{label}: {q.Name} = {actual[i].Value:R}, expected {expected[i]:R} (subnormal, correctly rounded)");
                }

                continue;
            }

            var classScale = Math.ScaleB(
                reference.Where(o => o.AExponent == q.AExponent && o.EExponent == q.EExponent).Max(o => Math.Abs(o.Value)),
                (scaleA * q.AExponent) + (scaleE * q.EExponent));
            var error = Math.Abs(actual[i].Value - expected[i]);
            if (!(error <= tolerance * classScale))
            {
                failures.Add($"{label}: {q.Name} = {actual[i].Value:R}, expected {expected[i]:R} (relative error {error / classScale:G3})");
            }
        }
    }

    private static Matrix<double> Scaled(Matrix<double> m, int exponent) => m.Map(x => Math.ScaleB(x, exponent));

    /// <summary>A second path term that scales as <c>2^(2b − a)</c>, so that the whole path stays homogeneous.</summary>
    private static Matrix<double> SecondTerm(Matrix<double> a, (int A, int E) scale) =>
        TestMatrices.Gaussian(a.RowCount, a.ColumnCount, 77).Map(x => Math.ScaleB(x, (2 * scale.E) - scale.A));

    /// <summary>Another direction with the same scale as E: E with its columns rotated.</summary>
    private static Matrix<double> Shifted(Matrix<double> e, int by) =>
        Matrix<double>.Build.Dense(e.RowCount, e.ColumnCount, (i, j) => e[(i + by) % e.RowCount, (j + 1) % e.ColumnCount] * (by == 1 ? 1.0 : -0.5));

    private static IReadOnlyList<Quantity> Expansion(SingularValueExpansion expansion) =>
        [.. Series(expansion), .. Vectors(("u", expansion.LeftVectorCoefficients), ("v", expansion.RightVectorCoefficients))];

    private static IReadOnlyList<Quantity> Expansion(EigenvalueExpansion expansion) => [.. Series(expansion), .. Vectors(("q", expansion.EigenvectorCoefficients))];

    /// <summary>Vector coefficients: <c>x_j(cA, dE) = (d/c)^j x_j(A, E)</c>; the sign of the pair is fixed by the largest entry of the first's order 0.</summary>
    private static IEnumerable<Quantity> Vectors(params (string Name, IReadOnlyList<Vector<double>> Coefficients)[] series)
    {
        var x0 = series[0].Coefficients[0];
        var sign = Math.Sign(x0[x0.AbsoluteMaximumIndex()]);
        return series.SelectMany(s => s.Coefficients.SelectMany((x, j) => x.Select((value, i) => new Quantity($"{s.Name}_{j}[{i}]", sign * value, -j, j))));
    }

    private static List<Quantity> Series(SpectralExpansion expansion, string prefix = "")
    {
        var quantities = new List<Quantity> { new($"{prefix}value", expansion.Value, 1, 0), new($"{prefix}gap", expansion.Gap, 1, 0) };
        quantities.AddRange(expansion.Derivatives.Select((d, j) => new Quantity($"{prefix}D{j + 1}", d, -j, j + 1, CorrectlyRounded: true)));
        quantities.AddRange(expansion.TaylorCoefficients.Skip(1).Select((c, j) => new Quantity($"{prefix}c{j + 1}", c, -j, j + 1, CorrectlyRounded: true)));
        quantities.Add(new($"{prefix}radius r0", expansion.Convergence.Radius, 1, -1));
        quantities.Add(new($"{prefix}bound rho", expansion.Convergence.Bound, 1, 0));
        quantities.Add(new($"{prefix}truncation bound at r0/10", expansion.PredictionErrorBound(expansion.Convergence.Radius / 10), 1, 0));
        return quantities;
    }

    /// <summary>Every branch's series and left-sided derivatives.</summary>
    private static IReadOnlyList<Quantity> Branches(ClusterBranches branches) =>
        [.. branches.Branches.SelectMany((b, i) => Series(b, $"branch {i} ").Concat(
            b.LeftDerivatives.Select((d, j) => new Quantity($"branch {i} left D{j + 1}", d, -j, j + 1, CorrectlyRounded: true))))];

    /// <summary>A matrix-free expansion's series and the error estimate of each derivative (which scales as the derivative).</summary>
    private static IReadOnlyList<Quantity> Krylov(KrylovSingularValueExpansion expansion) =>
        [.. Series(expansion), .. Estimates(expansion.DerivativeErrorEstimates), .. Vectors(("u", expansion.LeftVectorCoefficients), ("v", expansion.RightVectorCoefficients))];

    private static IReadOnlyList<Quantity> Krylov(KrylovEigenvalueExpansion expansion) =>
        [.. Series(expansion), .. Estimates(expansion.DerivativeErrorEstimates), .. Vectors(("q", expansion.EigenvectorCoefficients))];

    private static IReadOnlyList<Quantity> Krylov(KrylovClusterMeanExpansion expansion) => [.. Series(expansion.Mean), .. Estimates(expansion.DerivativeErrorEstimates)];

    private static IReadOnlyList<Quantity> Krylov(KrylovClusterBranches branches) =>
        [.. Branches(branches.Branches), .. branches.DerivativeErrorEstimates.SelectMany((estimates, i) => Estimates(estimates, $"branch {i} "))];

    private static IEnumerable<Quantity> Estimates(IReadOnlyList<double> estimates, string prefix = "") =>
        estimates.Select((x, j) => new Quantity($"{prefix}error estimate of D{j + 1}", x, -j, j + 1, CorrectlyRounded: true));

    private static IReadOnlyList<Quantity> Spectrum(HessianSpectrum spectrum)
    {
        var quantities = spectrum.Eigenpairs.Select((p, i) => new Quantity($"eigenvalue {i}", p.Value, -1, 0)).ToList();
        quantities.Add(new("trace", spectrum.Trace, -1, 0));
        quantities.Add(new("Frobenius norm", spectrum.FrobeniusNorm, -1, 0));
        quantities.Add(new("spectral norm", spectrum.SpectralNorm, -1, 0));
        return quantities;
    }

    /// <summary>Values (with the tolerances and rank derived from them) and singular vectors: the factors of <c>2^p A</c> are those of A.</summary>
    private static IReadOnlyList<Quantity> Factors(ThinSingularValueDecomposition svd) =>
    [
        .. svd.SingularValues.Select((x, i) => new Quantity($"s_{i + 1}", x, 1, 0)),
        new("zero tolerance", svd.ZeroTolerance, 1, 0), new("cluster tolerance", svd.ClusterTolerance, 1, 0), new("rank", svd.Rank, 0, 0),
        .. Entries("U", svd.LeftVectors, 0, 0), .. Entries("V", svd.RightVectors, 0, 0),
    ];

    private static IReadOnlyList<Quantity> Factors(SymmetricEigendecomposition eig) =>
        [.. eig.Eigenvalues.Select((x, i) => new Quantity($"mu_{i + 1}", x, 1, 0)), new("cluster tolerance", eig.ClusterTolerance, 1, 0), .. Entries("Q", eig.Eigenvectors, 0, 0)];

    private static IReadOnlyList<Quantity> Entries(string name, Matrix<double> matrix, int aExponent, int eExponent) =>
        matrix.ToColumnMajorArray().Select((x, i) => new Quantity($"{name}[{i}]", x, aExponent, eExponent)).ToArray();
}
