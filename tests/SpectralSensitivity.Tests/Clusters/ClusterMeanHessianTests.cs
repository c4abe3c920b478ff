using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Clusters;

/// <summary>The dense Hessian of a singular-value cluster mean against references that share no code with it: the eigenpairs of
/// H(A) from MathNet's dense symmetric EVD (the Kronecker-style sum), Richardson differences of the mean's gradient from fresh
/// SVDs, and the 60-digit second derivative of the mean along the fixture's direction.</summary>
public class ClusterMeanHessianTests
{
    private const double Epsilon = 2.220446049250313e-16;

    public static TheoryData<string> Cases =>
        [.. ClusterFixture.Cases.Where(c => !c.Zero && !c.Symmetric).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dense_Hessian_equals_the_sum_over_the_eigenpairs_of_H(string name)
    {
        var (c, svd, derivatives) = Prepare(name);
        var hessian = derivatives.Hessian();
        var reference = EigenpairReference(c.Matrix, c.First, c.Count);
        (hessian - reference).FrobeniusNorm().Should().BeLessThan(16 * ErrorScale(svd, derivatives.Cluster));
        (hessian - hessian.Transpose()).FrobeniusNorm().Should().BeLessThan(4 * ErrorScale(svd, derivatives.Cluster));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quadratic_form_is_the_60_digit_second_derivative_of_the_mean_and_columns_match_the_product(string name)
    {
        var (c, _, derivatives) = Prepare(name);
        var hessian = derivatives.Hessian();
        var e = Vector<double>.Build.Dense(c.Direction.ToColumnMajorArray());
        (e * (hessian * e)).Should().BeApproximately(c.Mean![1], 1e-10 * Math.Max(1, Math.Abs(c.Mean[1])));
        var product = Vector<double>.Build.Dense(derivatives.HessianVectorProduct(c.Direction).ToColumnMajorArray());
        (hessian * e - product).L2Norm().Should().BeLessThan(1e-12 * Math.Max(1, product.L2Norm()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dense_Hessian_equals_Richardson_differences_of_the_gradient_of_the_mean(string name)
    {
        var (c, svd, derivatives) = Prepare(name);
        var a = c.Matrix;
        int m = a.RowCount, n = a.ColumnCount;
        var hessian = derivatives.Hessian();
        var d = derivatives.Cluster.Gap;
        var norm = svd.SingularValues[0];
        // (4 D(h/2) − D(h))/3 leaves O(h⁴ (2/d)⁵); the gradient's rounding ε‖A‖/d is amplified by 1/h; h balances the two.
        var h = Math.Pow(Epsilon * norm * Math.Pow(d, 4), 0.2);
        var tolerance = 10 * m * n * ((Math.Pow(2 * h / d, 4) * 2 / d) + (Epsilon * norm / (d * h)));
        var difference = Matrix<double>.Build.Dense(m * n, m * n);
        for (var p = 0; p < m * n; p++)
        {
            var coarse = CentralDifference(a, c.First, c.Count, p, h);
            var fine = CentralDifference(a, c.First, c.Count, p, h / 2);
            difference.SetColumn(p, (4 * fine - coarse) / 3);
        }

        (hessian - difference).FrobeniusNorm().Should().BeLessThan(tolerance);
    }

    [Fact]
    public void One_member_is_the_Hessian_of_the_simple_value_bit_for_bit()
    {
        var a = TestMatrices.Gaussian(5, 4, 21);
        var svd = ThinSingularValueDecomposition.Compute(a);
        ClusterMeanDerivatives.At(svd, 2).Hessian().Enumerate().Should().Equal(SingularValueHessian.Compute(svd, 2).Enumerate());
    }

    [Fact]
    public void Dense_Hessian_over_the_memory_budget_is_refused()
    {
        var (_, _, derivatives) = Prepare("wide 5x7, middle cluster of 3");
        var act = () => derivatives.Hessian(new HessianOptions(MemoryBudgetBytes: (8 * 35 * 35) - 1));
        act.Should().Throw<HessianMemoryBudgetExceededException>();
        derivatives.Hessian(new HessianOptions(MemoryBudgetBytes: 8 * 35 * 35)).RowCount.Should().Be(35);
    }

    [Theory]
    [InlineData("wide 5x7, middle cluster of 3", 3)]
    [InlineData("tall 6x5, nearly repeated, spread 2^-20", 2)]
    public void Gradient_product_and_Hessian_are_exactly_homogeneous(string name, int index)
    {
        var c = ClusterFixture.Named(name);
        var tolerance = c.Individual is null ? (double?)null : 1e-5;
        var entryPoint = new EntryPoint("cluster mean", (a, e, _) =>
        {
            var derivatives = ClusterMeanDerivatives.At(ThinSingularValueDecomposition.Compute(a), index, tolerance);
            return [.. Entries("gradient", derivatives.Gradient(), 0, 0), .. Entries("HVP", derivatives.HessianVectorProduct(e), -1, 1), .. Entries("Hessian", derivatives.Hessian(), -1, 0)];
        });
        EntryPointHarness.CheckHomogeneity(entryPoint, c.Matrix, c.Direction).Should().BeEmpty();
    }

    internal static IEnumerable<Quantity> Entries(string name, Matrix<double> matrix, int aExponent, int eExponent) =>
        matrix.ToColumnMajorArray().Select((x, i) => new Quantity($"{name}[{i}]", x, aExponent, eExponent));

    private static (ClusterCase Case, ThinSingularValueDecomposition Svd, ClusterMeanDerivatives Derivatives) Prepare(string name)
    {
        var c = ClusterFixture.Named(name);
        var svd = ThinSingularValueDecomposition.Compute(c.Matrix);
        var derivatives = ClusterMeanDerivatives.At(svd, c.First, c.Individual is null ? null : 1e-5);
        derivatives.Cluster.Members.Should().Equal(Enumerable.Range(c.First, c.Count));
        return (c, svd, derivatives);
    }

    /// <summary>ε √(mn) ‖A‖ / d²: the rounding of the factors through a Hessian whose entries are of size 1/d.</summary>
    private static double ErrorScale(ThinSingularValueDecomposition svd, SpectralCluster cluster) =>
        Epsilon * Math.Sqrt(svd.RowCount * svd.ColumnCount) * svd.SingularValues[0] / (cluster.Gap * cluster.Gap);

    /// <summary><c>−(2/g) Σ_c Σ_{i ∉ cluster} (G_cᵀ z_i)(G_cᵀ z_i)ᵀ / (λ_i − λ_c)</c> from every eigenpair (λ_i, z_i) of the dense
    /// H(A) (MathNet's symmetric EVD), with <c>(u_c; v_c) = √2 z_c</c> for the members and <c>G_cᵀ (x; y) = vec(x v_cᵀ + u_c yᵀ)/√2</c>.</summary>
    private static Matrix<double> EigenpairReference(Matrix<double> a, int first, int count)
    {
        int m = a.RowCount, n = a.ColumnCount;
        var evd = JordanWielandt.Dense(a).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, m + n).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();   // +s₁ … first
        var members = order.Skip(first - 1).Take(count).ToArray();
        var hessian = Matrix<double>.Build.Dense(m * n, m * n);
        foreach (var member in members)
        {
            var z = evd.EigenVectors.Column(member);
            var u = z.SubVector(0, m) * Math.Sqrt(2);
            var v = z.SubVector(m, n) * Math.Sqrt(2);
            var shift = evd.EigenValues[member].Real;
            foreach (var i in order.Except(members))
            {
                var zi = evd.EigenVectors.Column(i);
                var g = Vector<double>.Build.Dense((zi.SubVector(0, m).OuterProduct(v) + u.OuterProduct(zi.SubVector(m, n))).ToColumnMajorArray()) / Math.Sqrt(2);
                hessian -= 2.0 / count / (evd.EigenValues[i].Real - shift) * g.OuterProduct(g);
            }
        }

        return hessian;
    }

    /// <summary>Column p by central differences of <c>(1/g) U_c V_cᵀ</c> (fresh thin SVDs) along the unit matrix of entry p.</summary>
    private static Vector<double> CentralDifference(Matrix<double> a, int first, int count, int p, double h)
    {
        int m = a.RowCount, i = p % m, j = p / m;
        Matrix<double> Gradient(double step)
        {
            var shifted = a.Clone();
            shifted[i, j] += step;
            var svd = ThinSingularValueDecomposition.Compute(shifted);
            var u = svd.LeftVectors.SubMatrix(0, m, first - 1, count);
            var v = svd.RightVectors.SubMatrix(0, a.ColumnCount, first - 1, count);
            return u.TransposeAndMultiply(v) / count;
        }

        return Vector<double>.Build.Dense(((Gradient(h) - Gradient(-h)) / (2 * h)).ToColumnMajorArray());
    }
}
