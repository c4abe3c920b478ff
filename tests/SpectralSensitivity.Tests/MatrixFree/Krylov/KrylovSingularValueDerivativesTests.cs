using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Operators;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Spectrum;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

public class KrylovSingularValueDerivativesTests
{
    private const int Rows = 300;
    private const int Columns = 200;

    private static readonly Lazy<(Matrix<double> A, Matrix<double> E, ThinSingularValueDecomposition Dense, PartialSingularValueDecomposition Partial)> Case = new(() =>
    {
        var a = SparseTestMatrices.Random(Rows, Columns, 0.02, seed: 11);
        var e = SparseTestMatrices.Random(Rows, Columns, 0.02, seed: 12);
        var dense = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a));
        var partial = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), 6);
        return (a, e, dense, partial);
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Orders_1_to_4_agree_with_the_dense_recursion(int index)
    {
        var (_, e, dense, partial) = Case.Value;
        var reference = SingularValueDerivatives.Expand(dense, PerturbationPath.Linear(Matrix<double>.Build.DenseOfMatrix(e)), index, 4);
        var krylov = KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(e), index, 4);
        krylov.Value.Should().BeApproximately(reference.Value, 1e-12 * dense.SingularValues[0]);
        for (var n = 1; n <= 4; n++)
        {
            var expected = reference.Derivative(n);
            var actual = krylov.Derivative(n);
            var scale = Math.Max(Math.Abs(expected), 1e-3 * Math.Abs(reference.Derivative(1)));
            Math.Abs(actual - expected).Should().BeLessThan(1e-8 * scale, "order {0} of s_{1}", n, index);
            krylov.DerivativeErrorEstimates[n - 1].Should().BeGreaterThan(0);
            Math.Abs(actual - expected).Should().BeLessThan(10 * krylov.DerivativeErrorEstimates[n - 1] + 1e-13 * scale, "the estimate covers the error at order {0}", n);
        }
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 4)]
    [InlineData(3, 5)]
    [InlineData(5, 4)]
    [InlineData(1, 9)]
    [InlineData(4, 1)]
    public void Values_only_take_half_the_solves_and_agree_with_the_dense_recursion_within_their_estimates(int index, int order)
    {
        var (_, e, dense, partial) = Case.Value;
        var reference = SingularValueDerivatives.Expand(dense, PerturbationPath.Linear(Matrix<double>.Build.DenseOfMatrix(e)), index, order);
        var full = KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(e), index, order);
        var values = KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(e), index, order, VectorCoefficients.None);
        values.SolverIterations.Should().HaveCount(order / 2, "w₀ … w_⌊N/2⌋ give every order through N");
        var returned = ((order - 1) / 2) + 1;                                                   // an even order's last solve only feeds λ_N: its vector is not returned
        values.LeftVectorCoefficients.Should().HaveCount(returned);
        values.RightVectorCoefficients.Should().HaveCount(returned);
        values.Value.Should().Be(full.Value);
        for (var n = 1; n <= order; n++)
        {
            var expected = reference.Derivative(n);
            var scale = Math.Max(Math.Abs(expected), 1e-3 * Math.Abs(reference.Derivative(1)));
            var difference = Math.Abs(values.Derivative(n) - expected);
            difference.Should().BeLessThan(1e-8 * scale, "order {0} of s_{1}", n, index);
            values.DerivativeErrorEstimates[n - 1].Should().BeGreaterThan(0);
            difference.Should().BeLessThan(values.DerivativeErrorEstimates[n - 1] + (1e-13 * scale), "the estimate covers the error at order {0}", n);
        }

        for (var j = 0; j < returned; j++)
        {
            (values.LeftVectorCoefficients[j] - full.LeftVectorCoefficients[j]).L2Norm().Should().Be(0, "the vectors the values read are the full recursion's, order {0}", j);
        }

        if (order % 2 == 0)
        {
            values.SolverResiduals[^1].Should().BeGreaterThan(full.SolverResiduals[order / 2 - 1], "the last solve stops at the square root of the tolerance");
        }
    }

    /// <summary>With a loose solver tolerance (1e-8: the last solve of an even order stops at 1e-4) the values-only derivatives still agree with the dense
    /// recursion within their estimates, and the top even order, which reads the loose solve only through its quadratic form, stays within
    /// <c>1e-8 / d_c</c> of it relative to its scale, as the orders read from the tight solves do: the loose solve costs fewer iterations.</summary>
    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 4)]
    [InlineData(3, 6)]
    public void A_loose_last_solve_keeps_the_top_even_order_within_its_estimate(int index, int order)
    {
        var (a, e, dense, _) = Case.Value;
        var loose = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), 6, new KrylovOptions(SolverTolerance: 1e-8));
        var reference = SingularValueDerivatives.Expand(dense, PerturbationPath.Linear(Matrix<double>.Build.DenseOfMatrix(e)), index, order);
        var values = KrylovSingularValueDerivatives.Expand(loose, LinearOperator.FromMatrix(e), index, order, VectorCoefficients.None);
        var full = KrylovSingularValueDerivatives.Expand(loose, LinearOperator.FromMatrix(e), index, order);
        values.SolverIterations[^1].Should().BeLessThan(full.SolverIterations[(order / 2) - 1], "the last solve stops at 1e-4, not 1e-8");
        values.DerivativeErrorEstimates[order - 1].Should().BeLessThan(4 * full.DerivativeErrorEstimates[order - 1],
            "the loose solve's second-order share ‖ρ‖²/d_c is no larger than the first-order share of the tight solve it replaces");
        for (var n = 1; n <= order; n++)
        {
            var expected = reference.Derivative(n);
            var scale = Math.Max(Math.Abs(expected), 1e-3 * Math.Abs(reference.Derivative(1)));
            var difference = Math.Abs(values.Derivative(n) - expected);
            difference.Should().BeLessThan(values.DerivativeErrorEstimates[n - 1] + (1e-13 * scale), "the estimate covers the error at order {0}", n);
            difference.Should().BeLessThan(Math.Max(1e-6, 4 * Math.Abs(full.Derivative(n) - expected) / scale) * scale, "order {0}: no worse than the tight solves allow", n);
        }
    }

    [Fact]
    public void The_operator_overloads_give_the_values_only_expansion_of_the_decomposition_they_compute()
    {
        var (a, e, _, _) = Case.Value;
        var (aOperator, eOperator) = (LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e));
        var direct = KrylovSingularValueDerivatives.Expand(aOperator, eOperator, 2, 5, VectorCoefficients.None);
        var fromDecomposition = KrylovSingularValueDerivatives.Expand(PartialSingularValueDecomposition.ComputeThrough(aOperator, 2), eOperator, 2, 5, VectorCoefficients.None);
        direct.Derivatives.Should().Equal(fromDecomposition.Derivatives);
        direct.SolverIterations.Should().HaveCount(2);
        KrylovSingularValueDerivatives.Expand(aOperator, eOperator, 2, 5).SolverIterations.Should().HaveCount(5, "the default keeps the vector coefficients of every order");

        var t = a.TransposeThisAndMultiply(a);
        var t1 = e.TransposeThisAndMultiply(a) + a.TransposeThisAndMultiply(e);
        var eig = KrylovEigenvalueDerivatives.Expand(LinearOperator.FromMatrix(t), LinearOperator.FromMatrix(t1), 1, SpectrumEnd.LargestAlgebraic, 3, VectorCoefficients.None);
        eig.SolverIterations.Should().HaveCount(1);
        eig.Derivative(1).Should().BeApproximately(2 * ValueTimesFirstDerivative(a, e), 1e-9 * Math.Abs(eig.Derivative(1)), "d/dt λ_max(AᵀA + t(EᵀA + AᵀE)) = 2 s_1 u_1ᵀ E v_1");

        static double ValueTimesFirstDerivative(Matrix<double> a, Matrix<double> e)
        {
            var svd = PartialSingularValueDecomposition.ComputeThrough(LinearOperator.FromMatrix(a), 1);
            return svd.SingularValues[0] * (svd.LeftVectors.Column(0) * (e * svd.RightVectors.Column(0)));
        }
    }

    [Fact]
    public void Gradient_and_hessian_vector_product_agree_with_the_dense_path_in_factored_form()
    {
        var (_, e, dense, partial) = Case.Value;
        var eDense = Matrix<double>.Build.DenseOfMatrix(e);
        for (var index = 1; index <= 5; index++)
        {
            var gradient = KrylovSingularValueDerivatives.Gradient(partial, index);
            gradient.Rank.Should().Be(1);
            var expectedGradient = dense.LeftFactor.Column(index - 1).OuterProduct(dense.RightFactor.Column(index - 1));
            (gradient.ToDense() - expectedGradient).FrobeniusNorm().Should().BeLessThan(1e-8);
            var hvp = KrylovSingularValueDerivatives.HessianVectorProduct(partial, LinearOperator.FromMatrix(e), index);
            hvp.Rank.Should().Be(2);
            var expected = HessianVectorProduct.At(dense, index).Apply(eDense);
            (hvp.ToDense() - expected).FrobeniusNorm().Should().BeLessThan(1e-8 * expected.FrobeniusNorm());
            hvp.InnerProduct(LinearOperator.FromMatrix(e)).Should().BeApproximately(
                KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(e), index, 2).Derivative(2), 1e-8 * expected.FrobeniusNorm() * eDense.FrobeniusNorm());
        }
    }

    /// <summary>Triplets from <see cref="PartialSingularValueDecomposition.ComputeThrough"/>, whose last one is only converged to bound the gap (it stays
    /// in the complement of the solves): derivatives, estimates, gap, gradient and HVP against the dense path, on matrices where that triplet
    /// converges slowly (<see cref="PartialSingularValueDecompositionTests.SlowSecond"/>) or sits at the edge of a random bulk.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_gap_triplet_that_reaches_the_tolerance_is_deflated_and_everything_still_agrees_with_the_dense_path(int index)
    {
        var a = TestMatrices.WithSingularValues(240, 180, [10, 9, 8.5], seed: 61) + (0.01 * TestMatrices.Gaussian(240, 180, 62));   // s_1..s_3 far above a bulk near 0.3
        var e = TestMatrices.Gaussian(240, 180, 63);
        var dense = ThinSingularValueDecomposition.Compute(a);
        var svd = PartialSingularValueDecomposition.ComputeThrough(LinearOperator.FromMatrix(a), index);
        svd.ConvergedCount.Should().Be(index);
        Math.Max(svd.LeftResiduals[index], svd.RightResiduals[index]).Should().BeLessThanOrEqualTo(1e-12 * svd.SingularValues[0], "the triplet below converged in the same steps");
        svd.DeflatedCount.Should().Be(index + 1);
        RequireAgreement(dense, svd, e, index);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    public void With_the_gap_triplet_converged_only_to_its_bound_everything_agrees_with_the_dense_path(int kind, int index)
    {
        var a = kind switch
        {
            0 => PartialSingularValueDecompositionTests.SlowSecond(250, 180, seed: 53),
            1 => PartialSingularValueDecompositionTests.Uniform(240, 180, 0.0, seed: 43),
            _ => PartialSingularValueDecompositionTests.Uniform(240, 180, 0.5, seed: 47),
        };
        var e = TestMatrices.Gaussian(a.RowCount, a.ColumnCount, 59);
        var dense = ThinSingularValueDecomposition.Compute(a);
        var svd = PartialSingularValueDecomposition.ComputeThrough(LinearOperator.FromMatrix(a), index);
        svd.ConvergedCount.Should().Be(svd.Count - 1);
        var gapResidual = Math.Max(svd.LeftResiduals[index], svd.RightResiduals[index]);
        svd.DeflatedCount.Should().Be(gapResidual <= svd.Options.Tolerance * svd.SingularValues[0] ? svd.Count : svd.ConvergedCount, "the gap triplet is deflated only at the tolerance");
        var (krylov, hvp) = RequireAgreement(dense, svd, e, index);
        var s = dense.SingularValues;
        var gap = Math.Min(index > 1 ? s[index - 2] - s[index - 1] : double.PositiveInfinity, s[index - 1] - s[index]);
        krylov.Gap.Should().BeLessThanOrEqualTo(gap + (1e-13 * s[0])).And.BeGreaterThan(0.85 * gap);
        var uDot = hvp.Left.Column(0);
        Math.Abs(uDot * svd.LeftVectors.Column(index - 1)).Should().BeLessThan(1e-10 * uDot.L2Norm(), "u̇ ⟂ u_k: the solve stays on the complement");
        var gradient = KrylovSingularValueDerivatives.Gradient(svd, index);
        (gradient.ToDense() - dense.LeftFactor.Column(index - 1).OuterProduct(dense.RightFactor.Column(index - 1))).FrobeniusNorm().Should().BeLessThan(1e-8);
    }

    [Fact]
    public void Exact_cases_along_A_and_along_the_rank_one_gradient_direction()
    {
        var (a, _, _, partial) = Case.Value;
        var alongA = KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(a), 2, 4);
        var s2 = partial.SingularValues[1];
        alongA.Derivative(1).Should().BeApproximately(s2, 1e-12 * s2);
        for (var n = 2; n <= 4; n++)
        {
            Math.Abs(alongA.Derivative(n)).Should().BeLessThan(1e-9 * s2);
        }

        var uv = partial.LeftVectors.Column(0).OuterProduct(partial.RightVectors.Column(0));
        var alongGradient = KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(uv), 1, 3);
        alongGradient.Derivative(1).Should().BeApproximately(1.0, 1e-12);
        Math.Abs(alongGradient.Derivative(2)).Should().BeLessThan(1e-9);
    }

    [Theory]
    [InlineData(VectorCoefficients.Include)]
    [InlineData(VectorCoefficients.None)]
    public void Derivatives_and_their_error_estimates_are_exactly_homogeneous_under_power_of_two_scaling_of_A_and_E(VectorCoefficients content)
    {
        var a = SparseTestMatrices.Random(80, 60, 0.1, seed: 21);
        var e0 = SparseTestMatrices.Random(80, 60, 0.1, seed: 22);
        var e = Math.ScaleB(1.0, -Math.ILogB(e0.Enumerate().Max(Math.Abs))) * e0;                                   // largest entry in [1, 2): E is used as stored, unscaled
        var reference = Expand(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), content);
        foreach (var (p, q) in new[] { (-1000, -1000), (1000, 1000), (0, 1000), (0, -1000), (1000, 0), (-1000, 0), (-1, 3), (300, -200), (-600, -500), (0, 5) })
        {
            KrylovSingularValueExpansion scaled;
            try
            {
                scaled = Expand(LinearOperator.FromMatrix(a.Multiply(Math.ScaleB(1.0, p))), LinearOperator.FromMatrix(e.Multiply(Math.ScaleB(1.0, q))), content);
            }
            catch (ResultOutOfRangeException ex)
            {
                // u_j, v_j(2^p A)[2^q E] = 2^((q − p) j) u_j, v_j(A)[E]: only a derivative or a vector coefficient beyond the double range is refused
                var order = ex.Order ?? 0;
                var vectors = order < reference.LeftVectorCoefficients.Count ? reference.LeftVectorCoefficients[order].Concat(reference.RightVectorCoefficients[order]) : [];
                var beyond = !double.IsFinite(Math.ScaleB(reference.Derivative(order), p + ((q - p) * order))) || vectors.Any(x => !double.IsFinite(Math.ScaleB(x, (q - p) * order)));
                beyond.Should().BeTrue("only an output beyond the double range is refused ({0})", ex.Message);
                continue;
            }

            scaled.Convergence.Radius.Should().Be(Math.ScaleB(reference.Convergence.Radius, p - q), "r₀ = d/(2‖E‖₂) at 2^{0} A, 2^{1} E", p, q);
            scaled.SolverResiduals.Should().Equal(reference.SolverResiduals, "the solves run on the same normalised operators");
            for (var n = 0; n <= 4; n++)
            {
                var exponent = p + ((q - p) * n);                                                                        // D^n s(2^p A)[2^q E] = 2^(p + (q − p) n) D^n s(A)[E]
                var expected = Math.ScaleB(reference.TaylorCoefficients[n], exponent);
                if (expected != 0 && double.IsNormal(expected))
                {
                    scaled.TaylorCoefficients[n].Should().Be(expected, "order {0} at 2^{1} A, 2^{2} E", n, p, q);
                }

                var estimate = n == 0 ? 0 : Math.ScaleB(reference.DerivativeErrorEstimates[n - 1], exponent);
                if (double.IsNormal(estimate))
                {
                    scaled.DerivativeErrorEstimates[n - 1].Should().Be(estimate, "the error estimate of order {0} at 2^{1} A, 2^{2} E", n, p, q);
                }
            }
        }
    }

    [Fact]
    public void A_cluster_among_the_computed_values_is_refused_naming_its_members()
    {
        var values = new[] { 5.0, 3.0, 3.0, 1.0, 0.5 };
        var a = TestMatrices.WithSingularValues(40, 30, values, seed: 5);
        var partial = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), 4);
        var act = () => KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(a), 2, 2);
        act.Should().Throw<DegenerateSpectrumException>().Which.CollidingIndices.Should().Equal(2, 3);
        KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(TestMatrices.Gaussian(40, 30, 1)), 1, 3)
            .Derivatives.Should().OnlyContain(d => double.IsFinite(d));
    }

    /// <summary>Orders 1..4 of <c>s_2</c> of A along E, with the vector coefficients of every order or values only.</summary>
    private static KrylovSingularValueExpansion Expand(ILinearOperator a, ILinearOperator e, VectorCoefficients content) =>
        KrylovSingularValueDerivatives.Expand(PartialSingularValueDecomposition.ComputeThrough(a, 2), e, 2, 4, content);

    /// <summary>Orders 1..4 of <c>s_index</c> within 1e-8 of the dense recursion and within the reported error estimates, and the HVP within 1e-8 of the dense one.</summary>
    private static (KrylovSingularValueExpansion Expansion, FactoredMatrix Hvp) RequireAgreement(ThinSingularValueDecomposition dense, PartialSingularValueDecomposition svd, Matrix<double> e, int index)
    {
        var reference = SingularValueDerivatives.Expand(dense, PerturbationPath.Linear(e), index, 4);
        var krylov = KrylovSingularValueDerivatives.Expand(svd, LinearOperator.FromMatrix(e), index, 4);
        for (var n = 1; n <= 4; n++)
        {
            var scale = Math.Max(Math.Abs(reference.Derivative(n)), 1e-3 * Math.Abs(reference.Derivative(1)));
            var difference = Math.Abs(krylov.Derivative(n) - reference.Derivative(n));
            difference.Should().BeLessThan(1e-8 * scale, "order {0} of s_{1}", n, index);
            difference.Should().BeLessThan(krylov.DerivativeErrorEstimates[n - 1] + (1e-13 * scale), "the estimate covers the difference at order {0}", n);
        }

        var hvp = KrylovSingularValueDerivatives.HessianVectorProduct(svd, LinearOperator.FromMatrix(e), index);
        var expected = HessianVectorProduct.At(dense, index).Apply(e);
        (hvp.ToDense() - expected).FrobeniusNorm().Should().BeLessThan(1e-8 * expected.FrobeniusNorm());
        return (krylov, hvp);
    }
}
