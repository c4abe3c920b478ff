using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>
/// One output of an entry point with its homogeneity: <c>Q(2^a A, 2^b E) = 2^(a·AExponent + b·EExponent) Q(A, E)</c>.
/// A derivative of order j along E has exponents (1 − j, j); the gradient (0, 0); a Hessian entry (−1, 0); the
/// Hessian-vector product (−1, 1); the j-th singular-vector Taylor coefficient (−j, j).
/// </summary>
internal sealed record Quantity(string Name, double Value, int AExponent, int EExponent);

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
    public static IReadOnlyList<EntryPoint> All { get; } =
    [
        new("derivatives (recursion, orders 1..8)", (a, e, _) => Expansion(SingularValueDerivatives.Expand(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), 2, 8))),
        new("derivatives (quadratic path, orders 1..6)", (a, e, s) => Expansion(SingularValueDerivatives.Expand(
            ThinSingularValueDecomposition.Compute(a), PerturbationPath.Polynomial(e, SecondTerm(a, s)), 2, 6))),
        new("derivatives (Kato closed form, orders 1..6)", (a, e, _) => Series(SingularValueDerivatives.ClosedForm(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), 2, 6))),
        new("eigenvalue derivatives of H(A) (orders 1..8)", (a, e, _) => Series(EigenvalueDerivatives.Expand(
            SymmetricEigendecomposition.Compute(JordanWielandt.Dense(a)), PerturbationPath.Linear(JordanWielandt.Dense(e)), a.RowCount + a.ColumnCount - 1, 8))),
        new("gradient", (a, _, _) => Entries("gradient", SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(a), 2), 0, 0)),
        new("Hessian-vector product", (a, e, _) => Entries("HVP", HessianVectorProduct.At(ThinSingularValueDecomposition.Compute(a), 2).Apply(e), -1, 1)),
        new("dense Hessian", (a, _, _) => Entries("Hessian", SingularValueHessian.Compute(ThinSingularValueDecomposition.Compute(a), 2), -1, 0)),
        new("Hessian spectrum", (a, _, _) => Spectrum(HessianSpectrum.At(ThinSingularValueDecomposition.Compute(a), 2))),
        new("multilinear form D³[E, F, G]", (a, e, _) => [new("D3", SingularValueMultilinearForm.Evaluate(
            ThinSingularValueDecomposition.Compute(a), 2, e, Shifted(e, 1), Shifted(e, 2)), -2, 3)]),
        new("reduced resolvent", (a, _, _) => Entries("S", ReducedResolvent.At(ThinSingularValueDecomposition.Compute(a), 2).ToDense(), -1, 0)),
    ];

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
            if (Math.Abs(expected[i]) is > 0 and < 2.2250738585072014E-308)
            {
                continue; // subnormal at this scale: fewer than 53 bits exist, so there is nothing exact to compare
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

    private static IReadOnlyList<Quantity> Expansion(SpectralSensitivity.Results.SingularValueExpansion expansion)
    {
        var quantities = Series(expansion).ToList();
        var u0 = expansion.LeftVectorCoefficients[0];
        var sign = Math.Sign(u0[u0.AbsoluteMaximumIndex()]);
        for (var j = 0; j < expansion.LeftVectorCoefficients.Count; j++)
        {
            // u_j(cA, dE) = (d/c)^j u_j(A, E); the sign of the singular pair is fixed by the largest entry of u_0.
            quantities.AddRange(expansion.LeftVectorCoefficients[j].Select((x, i) => new Quantity($"u_{j}[{i}]", sign * x, -j, j)));
            quantities.AddRange(expansion.RightVectorCoefficients[j].Select((x, i) => new Quantity($"v_{j}[{i}]", sign * x, -j, j)));
        }

        return quantities;
    }

    private static IReadOnlyList<Quantity> Series(SpectralSensitivity.Results.SpectralExpansion expansion)
    {
        var quantities = new List<Quantity> { new("value", expansion.Value, 1, 0), new("gap", expansion.Gap, 1, 0) };
        quantities.AddRange(expansion.Derivatives.Select((d, j) => new Quantity($"D{j + 1}", d, -j, j + 1)));
        quantities.AddRange(expansion.TaylorCoefficients.Skip(1).Select((c, j) => new Quantity($"c{j + 1}", c, -j, j + 1)));
        quantities.Add(new("radius r0", expansion.Convergence.Radius, 1, -1));
        quantities.Add(new("bound rho", expansion.Convergence.Bound, 1, 0));
        quantities.Add(new("truncation bound at r0/10", expansion.PredictionErrorBound(expansion.Convergence.Radius / 10), 1, 0));
        return quantities;
    }

    private static IReadOnlyList<Quantity> Spectrum(HessianSpectrum spectrum)
    {
        var quantities = spectrum.Eigenpairs.Select((p, i) => new Quantity($"eigenvalue {i}", p.Value, -1, 0)).ToList();
        quantities.Add(new("trace", spectrum.Trace, -1, 0));
        quantities.Add(new("Frobenius norm", spectrum.FrobeniusNorm, -1, 0));
        quantities.Add(new("spectral norm", spectrum.SpectralNorm, -1, 0));
        return quantities;
    }

    private static IReadOnlyList<Quantity> Entries(string name, Matrix<double> matrix, int aExponent, int eExponent) =>
        matrix.ToColumnMajorArray().Select((x, i) => new Quantity($"{name}[{i}]", x, aExponent, eExponent)).ToArray();
}
