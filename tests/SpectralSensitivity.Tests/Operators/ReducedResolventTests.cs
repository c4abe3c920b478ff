using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Operators;

public class ReducedResolventTests
{
    public static IEnumerable<object[]> Shapes() => TestMatrices.Shapes();

    /// <summary>Reference S = Σ_{μ≠λ} q qᵀ/(μ − λ) from the dense eigendecomposition of H(A): no thin-factor formula involved.</summary>
    private static Matrix<double> DenseReference(Matrix<double> a, double lambda)
    {
        var evd = JordanWielandt.Dense(a).Evd(Symmetricity.Symmetric);
        var size = a.RowCount + a.ColumnCount;
        var s = Matrix<double>.Build.Dense(size, size);
        for (var i = 0; i < size; i++)
        {
            var mu = evd.EigenValues[i].Real;
            if (Math.Abs(mu - lambda) > 1e-8)
            {
                var q = evd.EigenVectors.Column(i);
                s += q.OuterProduct(q) / (mu - lambda);
            }
        }

        return s;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Thin_factor_formula_equals_the_spectral_sum(int m, int n, bool rankDeficient)
    {
        var a = TestMatrices.ForShape(m, n, rankDeficient, 41);
        var svd = ThinSingularValueDecomposition.Compute(a);
        for (var k = 1; k <= svd.Rank; k++)
        {
            var resolvent = ReducedResolvent.At(svd, k);
            var tolerance = 1e-12 * resolvent.Norm * Math.Max(1, a.L2Norm());
            (resolvent.ToDense() - DenseReference(a, svd.SingularValue(k))).L2Norm().Should().BeLessThan(tolerance, $"k = {k}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Defining_identities_hold(int m, int n, bool rankDeficient)
    {
        var a = TestMatrices.ForShape(m, n, rankDeficient, 43);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var h = JordanWielandt.Dense(a);
        var identity = Matrix<double>.Build.DenseIdentity(m + n);
        for (var k = 1; k <= svd.Rank; k++)
        {
            var resolvent = ReducedResolvent.At(svd, k);
            var s = resolvent.ToDense();
            var w = Vector<double>.Build.DenseOfEnumerable(svd.LeftVectors.Column(k - 1).Concat(svd.RightVectors.Column(k - 1))) / Math.Sqrt(2);
            var p = w.OuterProduct(w);
            var tolerance = 1e-12 * resolvent.Norm * Math.Max(1, a.L2Norm());
            (s * (h - svd.SingularValue(k) * identity) - (identity - p)).L2Norm().Should().BeLessThan(tolerance, "S (H − λ) = I − P");
            (s * p).L2Norm().Should().BeLessThan(tolerance, "S P = 0");
            (s - s.Transpose()).L2Norm().Should().BeLessThan(tolerance, "S is symmetric");
            s.L2Norm().Should().BeApproximately(resolvent.Norm, 1e-10 * resolvent.Norm, "‖S‖₂ = 1/d");
        }
    }

    [Theory]
    [InlineData(6, 4)]
    [InlineData(700, 400)] // (m + n) r above ParallelThreshold: the vector form splits the singular pairs across cores
    public void Vector_span_and_matrix_applications_agree(int m, int n)
    {
        var a = TestMatrices.Gaussian(m, n, 47);
        var resolvent = ReducedResolvent.At(ThinSingularValueDecomposition.Compute(a), 2);
        var x = TestMatrices.Gaussian(m + n, 3, 48);
        var columns = resolvent.Apply(x); // level-3 products through MathNet, not the paired column sweep
        var workspace = resolvent.CreateWorkspace();
        var tolerance = 1e-14 * Math.Sqrt(m + n) * resolvent.Norm * x.L2Norm();
        for (var c = 0; c < 3; c++)
        {
            var expected = resolvent.Apply(x.Column(c));
            (columns.Column(c) - expected).L2Norm().Should().BeLessThan(tolerance);
            var destination = new double[m + n];
            resolvent.Apply(x.Column(c).ToArray(), destination, workspace);
            (Vector<double>.Build.DenseOfArray(destination) - expected).L2Norm().Should().BeLessThan(tolerance);
            var inPlace = x.Column(c).ToArray();
            resolvent.Apply(inPlace, inPlace, workspace);
            inPlace.Should().Equal(destination, "the source is copied before the sweep");
        }

        FluentActions.Invoking(() => resolvent.Apply(Vector<double>.Build.Dense(m + n - 1))).Should().Throw<DimensionMismatchException>();
    }

    [Fact]
    public void Zero_or_repeated_singular_values_have_no_reduced_resolvent()
    {
        var svd = ThinSingularValueDecomposition.Compute(TestMatrices.WithSingularValues(4, 4, [2, 1, 1, 0], 5));
        FluentActions.Invoking(() => ReducedResolvent.At(svd, 2)).Should().Throw<DegenerateSpectrumException>();
        FluentActions.Invoking(() => ReducedResolvent.At(svd, 4)).Should().Throw<DegenerateSpectrumException>().Which.Kind.Should().Be(Degeneracy.Zero);
    }
}
