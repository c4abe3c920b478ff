using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>The largest singular triplets by Lanczos on <c>A Aᵀ</c> (<see cref="OuterGramLanczos"/>): against the bidiagonalisation
/// (<see cref="GolubKahanLanczos"/>) and MathNet's dense SVD, its fallback where the squared values lose accuracy, and its exact homogeneity.</summary>
public class OuterGramLanczosTests
{
    private const double Epsilon = 2.220446049250313e-16;

    private static readonly KrylovOptions Options = KrylovOptions.Default;

    /// <summary>Dense, entries uniform in [−offset, 1 − offset).</summary>
    private static Matrix<double> Uniform(int rows, int columns, double offset, int seed) => PartialSingularValueDecompositionTests.Uniform(rows, columns, offset, seed);

    private static IOuterGramOperator Dense(Matrix<double> a) => (IOuterGramOperator)LinearOperator.FromMatrix(a);

    [Fact]
    public void It_applies_to_dense_operators_folding_onto_u_only()
    {
        OuterGramLanczos.Applies(LinearOperator.FromMatrix(Uniform(30, 30, 0.5, 1))).Should().BeTrue("square: the solves fold onto u");
        OuterGramLanczos.Applies(LinearOperator.FromMatrix(Uniform(20, 30, 0.5, 1))).Should().BeTrue("wide");
        OuterGramLanczos.Applies(LinearOperator.FromMatrix(Uniform(30, 20, 0.5, 1))).Should().BeFalse("tall: the solves fold onto v");
        OuterGramLanczos.Applies(new ScaledOperator(LinearOperator.FromMatrix(Uniform(20, 30, 0.5, 1)), -3)).Should().BeTrue("a scaled dense operator keeps the one pass");
        var sparse = LinearOperator.FromMatrix(SparseTestMatrices.Random(20, 30, 0.2, seed: 1));
        OuterGramLanczos.Applies(sparse).Should().BeFalse("CSR has no one-pass A Aᵀ");
        OuterGramLanczos.Applies(new ScaledOperator(sparse, -3)).Should().BeFalse("scaling two products gives no one pass");
    }

    public static TheoryData<int, int, double, int, int> Cases() => new()
    {
        { 120, 120, 0.5, 1, 1 },    // square, mean zero: s₁ at the edge of the bulk
        { 120, 120, 0.5, 3, 3 },
        { 90, 160, 0.5, 4, 3 },     // wide, the last triplet for the gap only
        { 90, 160, 0.0, 2, 2 },     // entries in [0, 1): s₁ an outlier, s₂ at the edge
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_triplets_agree_with_the_bidiagonalisation_and_the_dense_svd(int rows, int columns, double offset, int count, int converged)
    {
        var a = Uniform(rows, columns, offset, seed: rows + count);
        var (gram, products) = OuterGramLanczos.TryRun(Dense(a), count, converged, Options);
        gram.Should().NotBeNull("every wanted value lies far above the floor");
        var bidiagonal = GolubKahanLanczos.Run(LinearOperator.FromMatrix(a), count, converged, Options);
        var svd = a.Svd(computeVectors: true);
        var s = svd.S;
        var tolerance = Options.Tolerance * s[0];
        products.Should().Be(gram!.Products);
        gram.Products.Should().BeLessThanOrEqualTo(bidiagonal.Products + 3, "the same Krylov space as the bidiagonalisation's left side: as many steps, plus the start A x₀");
        for (var i = 0; i < count; i++)
        {
            var allowed = i < converged ? tolerance : Math.Max(tolerance, GolubKahanLanczos.GapResidualFraction * (gram.Values[converged - 1] - gram.Values[i]));
            gram.LeftResiduals[i].Should().BeLessThanOrEqualTo(allowed);
            gram.RightResiduals[i].Should().BeLessThanOrEqualTo(allowed);
            var residual = Math.Max(gram.LeftResiduals[i], gram.RightResiduals[i]);
            gram.Values[i].Should().BeApproximately(s[i], residual + (64 * Epsilon * s[0]), "a singular value lies within the residual of the Ritz value");
            if (i < converged)
            {
                var gap = Math.Min(i > 0 ? s[i - 1] - s[i] : double.PositiveInfinity, s[i] - s[i + 1]);
                gram.Values[i].Should().BeApproximately(bidiagonal.Values[i], 2 * tolerance);
                var sine = 2 * tolerance / gap + (1e3 * Epsilon);                                   // Davis–Kahan, both residuals within the tolerance
                Alignment(gram.Left[i], svd.U.Column(i)).Should().BeGreaterThan(1 - sine);
                Alignment(gram.Right[i], svd.VT.Row(i)).Should().BeGreaterThan(1 - sine);
                Alignment(gram.Left[i], Vector<double>.Build.Dense(bidiagonal.Left[i])).Should().BeGreaterThan(1 - sine);
                Dot(gram.Right[i], Vector<double>.Build.Dense(bidiagonal.Right[i])).Should().BeGreaterThan(0, "the same sign convention");
            }

            Vector<double>.Build.Dense(gram.Right[i]).L2Norm().Should().BeApproximately(1, 1e-14);
        }

        var v = Matrix<double>.Build.DenseOfColumnArrays(gram.Right);
        (v.TransposeThisAndMultiply(v) - Matrix<double>.Build.DenseIdentity(count)).InfinityNorm().Should().BeLessThan(1e-12, "the right vectors are orthonormal");
        var measured = (a * Vector<double>.Build.Dense(gram.Right[0])) - (gram.Values[0] * Vector<double>.Build.Dense(gram.Left[0]));
        measured.L2Norm().Should().BeApproximately(gram.LeftResiduals[0], 1e-14 * s[0], "the reported residual is the measured one");
        gram.Spare.Should().NotBeEmpty().And.AllSatisfy(x => x.Length.Should().Be(rows, "spare vectors lie on the u side"));
    }

    private static double Alignment(double[] x, Vector<double> y) => Math.Abs(Dot(x, y));

    private static double Dot(double[] x, Vector<double> y) => Vector<double>.Build.Dense(x) * y;

    [Fact]
    public void The_decomposition_of_a_wide_dense_matrix_is_the_one_of_the_gram_path()
    {
        var a = Uniform(80, 140, 0.5, seed: 5);
        var svd = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), 2);
        var (gram, _) = OuterGramLanczos.TryRun((IOuterGramOperator)svd.Normalized, 2, 2, Options);
        svd.Scaled.Values.Should().Equal(gram!.Values);
        svd.Scaled.Products.Should().Be(gram.Products);
        var bidiagonal = GolubKahanLanczos.Run(svd.Normalized, 2, 2, Options);
        svd.Scaled.Values.Should().NotEqual(bidiagonal.Values, "a different iteration, the same values only within the tolerance");
    }

    /// <summary>Rank 3 with k = 5 (two zero values wanted), and values spanning 1 … 1e-3 with k = 4: below the floor <c>64 ε s₁ / tol</c> of 1.4e-2 at the default tolerance.</summary>
    public static TheoryData<int, int, int> FallbackCases() => new() { { 0, 5, 5 }, { 0, 5, 4 }, { 1, 4, 4 }, { 1, 4, 3 } };

    private static Matrix<double> FallbackCase(int kind) => kind == 0
        ? TestMatrices.WithSingularValues(40, 70, [3.0, 2.0, 1.0], seed: 11)
        : TestMatrices.WithSingularValues(40, 70, [1.0, 0.1, 1e-2, 1e-3, .. Enumerable.Range(0, 30).Select(i => 1e-4 * (1 - (i / 40.0)))], seed: 13);

    [Theory]
    [MemberData(nameof(FallbackCases))]
    public void Values_too_small_for_the_squared_spectrum_fall_back_to_the_bidiagonalisation(int kind, int count, int converged)
    {
        var a = FallbackCase(kind);
        var (gram, spent) = OuterGramLanczos.TryRun(Dense(a), count, converged, Options);
        gram.Should().BeNull("a wanted value lies below the floor");
        spent.Should().BePositive();
        var picked = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), count);
        picked.ConvergedCount.Should().Be(count);
        var bidiagonal = GolubKahanLanczos.Run(picked.Normalized, count, count, Options);
        picked.Scaled.Values.Should().Equal(bidiagonal.Values, "the bidiagonalisation's triplets");
        var s = a.Svd(computeVectors: false).S;
        for (var i = 0; i < count; i++)
        {
            Math.Max(picked.LeftResiduals[i], picked.RightResiduals[i]).Should().BeLessThanOrEqualTo(2 * Options.Tolerance * s[0]);
            picked.SingularValues[i].Should().BeApproximately(s[i], 2 * Options.Tolerance * s[0]);
        }
    }

    [Fact]
    public void The_zero_matrix_falls_back_to_the_bidiagonalisation()
    {
        var zero = Matrix<double>.Build.Dense(6, 9);
        var (gram, _) = OuterGramLanczos.TryRun(Dense(zero), 2, 2, Options);
        gram.Should().BeNull("no value above zero");
        var svd = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(zero), 2);
        svd.SingularValues.Should().Equal(0.0, 0.0);
    }

    [Fact]
    public void A_looser_tolerance_lowers_the_floor_and_the_gram_path_serves_values_down_to_1e3()
    {
        var a = FallbackCase(1);
        var options = new KrylovOptions(Tolerance: 1e-8);
        OuterGramLanczos.Floor(options.Tolerance).Should().BeApproximately(64 * Epsilon / 1e-8, 1e-22);
        var (gram, _) = OuterGramLanczos.TryRun(Dense(a), 4, 4, options);
        gram.Should().NotBeNull("1e-3 is above the floor 1.4e-6 at tolerance 1e-8");
        var s = a.Svd(computeVectors: false).S;
        for (var i = 0; i < 4; i++)
        {
            Math.Max(gram!.LeftResiduals[i], gram.RightResiduals[i]).Should().BeLessThanOrEqualTo(options.Tolerance * s[0]);
            gram.Values[i].Should().BeApproximately(s[i], options.Tolerance * s[0]);
        }
    }

    [Fact]
    public void A_cluster_among_the_top_values_is_completed_on_the_gram_path()
    {
        var a = TestMatrices.WithSingularValues(60, 100, [4.0, 3.0, 3.0, 3.0 * (1 - 1e-14), 2.0, .. Enumerable.Range(0, 40).Select(i => 1.5 - (i / 40.0))], seed: 17);
        var op = LinearOperator.FromMatrix(a);
        OuterGramLanczos.Applies(OperatorScaling.Normalized(op, OperatorScaling.ExponentOf(op))).Should().BeTrue();
        var cluster = PartialSingularValueDecomposition.ComputeCluster(op, 2);
        cluster.Count.Should().BeGreaterThanOrEqualTo(5, "the three copies of 3 and a value below them");
        var s = a.Svd(computeVectors: false).S;
        for (var i = 0; i < 5; i++)
        {
            cluster.SingularValues[i].Should().BeApproximately(s[i], 2 * Options.Tolerance * s[0]);
        }

        var u = cluster.LeftVectors.SubMatrix(0, 60, 1, 3);
        (u.TransposeThisAndMultiply(u) - Matrix<double>.Build.DenseIdentity(3)).InfinityNorm().Should().BeLessThan(1e-12, "three independent copies");
        var (gram, _) = OuterGramLanczos.TryRun((IOuterGramOperator)cluster.Normalized, cluster.Count, cluster.ConvergedCount, Options);
        cluster.Scaled.Values.Should().Equal(gram!.Values, "the cluster was completed by the gram path");
    }

    [Fact]
    public void The_acceptance_rule_rejects_each_failure()
    {
        var tolerance = 1e-12;
        var floor = OuterGramLanczos.Floor(tolerance);
        double[] values = [2.0, 1.0, 0.5];
        double[] small = [1e-13, 1e-13, 1e-13];
        OuterGramLanczos.Accepts(values, small, small, 3, tolerance, floor).Should().BeTrue();
        OuterGramLanczos.Accepts([2.0, 1.0, 0.0], small, small, 3, tolerance, floor).Should().BeFalse("a zero value");
        OuterGramLanczos.Accepts([2.0, 1.0, 0.9 * floor * 2.0], small, small, 3, tolerance, floor).Should().BeFalse("a value below the floor");
        OuterGramLanczos.Accepts([2.0, 1.0, 1.1 * floor * 2.0], small, small, 3, tolerance, floor).Should().BeTrue("a value just above the floor");
        OuterGramLanczos.Accepts(values, [1e-13, 3e-12, 1e-13], small, 3, tolerance, floor).Should().BeFalse("a left residual above tol · s₁");
        OuterGramLanczos.Accepts(values, small, [1e-13, 1e-13, 3e-12], 3, tolerance, floor).Should().BeFalse("a right residual above tol · s₁");
        OuterGramLanczos.Accepts(values, [1e-13, 1e-13, 0.06], small, 2, tolerance, floor).Should().BeTrue("the gap-only triplet within an eighth of 1 − 0.5");
        OuterGramLanczos.Accepts(values, [1e-13, 1e-13, 0.07], small, 2, tolerance, floor).Should().BeFalse("the gap-only triplet beyond an eighth of its gap");
    }

    [Fact]
    public void A_product_with_a_aT_counts_as_two_the_start_one_and_the_residuals_two_more_per_triplet()
    {
        var counting = new CountingGramOperator(Dense(Uniform(60, 90, 0.5, seed: 23)));
        var (gram, products) = OuterGramLanczos.TryRun(counting, 2, 1, Options);
        gram.Should().NotBeNull();
        counting.GramProducts.Should().BePositive();
        counting.Products.Should().Be(5, "the start A x₀, then one product with Aᵀ and one with A per wanted triplet");
        products.Should().Be((2 * counting.GramProducts) + counting.Products);
        gram!.Products.Should().Be(products);
    }

    [Fact]
    public void A_run_out_of_restarts_names_the_singular_triplets()
    {
        var tight = new KrylovOptions(BasisSize: 3, MaxRestarts: 1);
        var act = () => OuterGramLanczos.TryRun(Dense(Uniform(120, 120, 0.5, seed: 29)), 1, 1, tight);
        act.Should().Throw<SpectralSensitivity.Errors.KrylovConvergenceException>().WithMessage("*the 1 largest singular triplets (Lanczos on A Aᵀ)*");
    }

    [Fact]
    public void The_floor_itself_is_accepted_and_the_zero_operator_is_not()
    {
        var tolerance = Math.ScaleB(1.0, -40);
        var floor = OuterGramLanczos.Floor(tolerance);
        floor.Should().Be(1.0 / 64, "64 · 2^−52 / 2^−40 = 2^−6, exact");
        double[] small = [1e-13, 1e-13, 1e-13];
        OuterGramLanczos.Accepts([2.0, 1.0, floor * 2.0], small, small, 3, tolerance, floor).Should().BeTrue("a value exactly at the floor");
        OuterGramLanczos.Accepts([0.0, 0.0], [0.0, 0.0], [0.0, 0.0], 2, tolerance, floor).Should().BeFalse("no value above zero");
        var rule = OuterGramLanczos.SingularValues(floor);
        double[] theta = [Math.ScaleB(1.0, -10), 1.0, 4.0];                                   // √θ₃ = 2^−5 = floor · s₁ exactly
        int[] order = [2, 1, 0];
        rule(theta, order, i => i == 2 ? 1.0 : 0.0, 3, 3, tolerance).Should().BeFalse("a value at the floor is resolved: its residual counts");
        rule([0.0, 0.0, 0.0], order, _ => 1.0, 3, 3, tolerance).Should().BeTrue("nothing above zero: settled, the run will be rejected");
    }

    [Fact]
    public void The_convergence_rule_reads_square_roots_and_settles_what_it_cannot_resolve()
    {
        var floor = OuterGramLanczos.Floor(1e-12);
        var rule = OuterGramLanczos.SingularValues(floor);
        double[] theta = [0.25, 1.0, 4.0];                                                      // s = 0.5, 1, 2
        int[] order = [2, 1, 0];
        double[] rho = [3.9e-12, 1.9e-12, 0.9e-12];                                            // ρ / √θ = 1.95e-12, 1.9e-12, 1.8e-12 against tol · s₁ = 2e-12
        rule(theta, order, i => rho[i], 3, 3, 1e-12).Should().BeTrue();
        rule(theta, order, i => rho[i] * 1.05, 3, 3, 1e-12).Should().BeFalse("ρ₁ / √θ₁ = 2.05e-12 > 2e-12");
        rule(theta, order, i => i == 2 ? 1.1e-12 : rho[i], 3, 3, 1e-12).Should().BeFalse("ρ₃ / √θ₃ = 2.2e-12");
        double[] tiny = [-1e-20, 1.0, 4.0];
        rule(tiny, order, i => i == 2 ? 1.0 : rho[i], 3, 3, 1e-12).Should().BeTrue("θ ≤ 0 cannot be resolved: settled, the run will be rejected");
        double[] belowFloor = [Math.Pow(0.9 * floor * 2.0, 2), 1.0, 4.0];
        rule(belowFloor, order, i => i == 2 ? 1.0 : rho[i], 3, 3, 1e-12).Should().BeTrue("below the floor: settled");
        double[] aboveFloor = [Math.Pow(1.1 * floor * 2.0, 2), 1.0, 4.0];
        rule(aboveFloor, order, i => i == 2 ? 1.0 : rho[i], 3, 3, 1e-12).Should().BeFalse("above the floor the residual counts");
    }

    [Fact]
    public void The_gram_path_is_exactly_homogeneous_under_power_of_two_scaling()
    {
        var a = Uniform(70, 110, 0.5, seed: 19);
        var reference = PartialSingularValueDecomposition.ComputeThrough(LinearOperator.FromMatrix(a), 2);
        var (gram, _) = OuterGramLanczos.TryRun((IOuterGramOperator)reference.Normalized, 3, 2, Options);
        reference.Scaled.Values.Should().Equal(gram!.Values, "the reference ran on the gram path");
        foreach (var p in new[] { -1000, -200, -1, 1, 200, 1000 })
        {
            var scaled = PartialSingularValueDecomposition.ComputeThrough(LinearOperator.FromMatrix(a.Multiply(Math.ScaleB(1.0, p))), 2);
            for (var i = 0; i < 3; i++)
            {
                scaled.SingularValues[i].Should().Be(Math.ScaleB(reference.SingularValues[i], p));
                scaled.LeftResiduals[i].Should().Be(Math.ScaleB(reference.LeftResiduals[i], p));
                scaled.LeftVectors.Column(i).Should().Equal(reference.LeftVectors.Column(i));
                scaled.RightVectors.Column(i).Should().Equal(reference.RightVectors.Column(i));
            }

            scaled.GapBound(2).Should().Be(Math.ScaleB(reference.GapBound(2), p));
        }
    }

    [Fact]
    public void Random_dense_matrices_give_triplets_within_the_tolerance_on_either_path()
    {
        Prop.ForAll(Gen.Choose(2, 40).ToArbitrary(), Gen.Choose(0, 30).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (rows, extra, seed) =>
        {
            var random = new Random(seed);
            var columns = rows + extra;
            var offset = random.Next(2) * 0.5;
            var a = Uniform(rows, columns, offset, seed);
            var count = 1 + random.Next(Math.Min(3, rows));
            var partial = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), count);
            var s = a.Svd(computeVectors: false).S;
            var slack = 64 * Epsilon * s[0];
            for (var i = 0; i < count; i++)
            {
                var residual = Math.Max(partial.LeftResiduals[i], partial.RightResiduals[i]);
                residual.Should().BeLessThanOrEqualTo((Options.Tolerance * s[0]) + slack);
                partial.SingularValues[i].Should().BeApproximately(s[i], (2 * Options.Tolerance * s[0]) + slack);
            }
        }).QuickCheckThrowOnFailure();
    }
}
