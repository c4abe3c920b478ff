using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Embedding;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Resolvent;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Resolvent;

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

    [Fact]
    public void Vector_span_and_matrix_applications_agree()
    {
        var a = TestMatrices.Gaussian(6, 4, 47);
        var resolvent = ReducedResolvent.At(ThinSingularValueDecomposition.Compute(a), 2);
        var x = TestMatrices.Gaussian(10, 3, 48);
        var columns = resolvent.Apply(x);
        var workspace = resolvent.CreateWorkspace();
        for (var c = 0; c < 3; c++)
        {
            var expected = resolvent.Apply(x.Column(c));
            (columns.Column(c) - expected).L2Norm().Should().BeLessThan(1e-13);
            var destination = new double[10];
            resolvent.Apply(x.Column(c).ToArray(), destination, workspace);
            (Vector<double>.Build.DenseOfArray(destination) - expected).L2Norm().Should().BeLessThan(1e-13);
        }

        FluentActions.Invoking(() => resolvent.Apply(Vector<double>.Build.Dense(9))).Should().Throw<DimensionMismatchException>();
    }

    [Fact]
    public void Zero_or_repeated_singular_values_have_no_reduced_resolvent()
    {
        var svd = ThinSingularValueDecomposition.Compute(TestMatrices.WithSingularValues(4, 4, [2, 1, 1, 0], 5));
        FluentActions.Invoking(() => ReducedResolvent.At(svd, 2)).Should().Throw<DegenerateSpectrumException>();
        FluentActions.Invoking(() => ReducedResolvent.At(svd, 4)).Should().Throw<DegenerateSpectrumException>().Which.Kind.Should().Be(Degeneracy.Zero);
    }
}
