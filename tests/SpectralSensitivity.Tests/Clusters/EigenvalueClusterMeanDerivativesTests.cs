using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Clusters;

/// <summary>Gradient, Hessian-vector product and dense Hessian of the mean of a cluster of symmetric eigenvalues against finite
/// differences of fresh eigendecompositions, the sum over MathNet's eigenpairs, and the 60-digit derivatives of the mean.</summary>
public class EigenvalueClusterMeanDerivativesTests
{
    private const double Epsilon = 2.220446049250313e-16;

    public static TheoryData<string> Cases => [.. ClusterFixture.Cases.Where(c => c.Symmetric).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_and_product_match_finite_differences_and_the_60_digit_mean(string name)
    {
        var (c, _, derivatives) = Prepare(name);
        var gradient = derivatives.Gradient();
        (gradient - gradient.Transpose()).FrobeniusNorm().Should().Be(0);
        gradient.Trace().Should().BeApproximately(1, 1e-14);                                  // tr(P)/g
        var f = RandomSymmetric(c.Matrix.RowCount, 5);
        var difference = FiniteDifferences.First(t => MeanEigenvalue(c.Matrix + t * f, c.First, c.Count), 1e-3);
        gradient.PointwiseMultiply(f).Enumerate().Sum().Should().BeApproximately(difference, 1e-9);
        gradient.PointwiseMultiply(c.Direction).Enumerate().Sum().Should().BeApproximately(c.Mean![0], 1e-13);

        var product = derivatives.HessianVectorProduct(c.Direction);
        (product - product.Transpose()).FrobeniusNorm().Should().BeLessThan(1e-15 * product.FrobeniusNorm() + 1e-300);
        product.PointwiseMultiply(c.Direction).Enumerate().Sum().Should().BeApproximately(c.Mean[1], 1e-10 * Math.Max(1, Math.Abs(c.Mean[1])));
        var second = FiniteDifferences.Second(t => MeanEigenvalue(c.Matrix + t * f, c.First, c.Count), 1e-2);
        derivatives.HessianVectorProduct(f).PointwiseMultiply(f).Enumerate().Sum().Should().BeApproximately(second, 1e-7);
        var left = product.PointwiseMultiply(f).Enumerate().Sum();
        var right = derivatives.HessianVectorProduct(f).PointwiseMultiply(c.Direction).Enumerate().Sum();
        left.Should().BeApproximately(right, 1e-13 * Math.Max(1, Math.Abs(left)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dense_Hessian_equals_the_eigenpair_sum_the_product_and_Richardson_differences_of_the_gradient(string name)
    {
        var (c, eig, derivatives) = Prepare(name);
        var n = c.Matrix.RowCount;
        var hessian = derivatives.Hessian();
        var d = derivatives.Cluster.Gap;
        var norm = eig.Eigenvalues.AbsoluteMaximum();
        var scale = Epsilon * n * norm / (d * d);
        (hessian - EigenpairReference(c.Matrix, c.First, c.Count)).FrobeniusNorm().Should().BeLessThan(16 * scale);
        (hessian - hessian.Transpose()).FrobeniusNorm().Should().BeLessThan(4 * scale);
        var e = Vector<double>.Build.Dense(c.Direction.ToColumnMajorArray());
        var product = Vector<double>.Build.Dense(derivatives.HessianVectorProduct(c.Direction).ToColumnMajorArray());
        (hessian * e - product).L2Norm().Should().BeLessThan(1e-12 * Math.Max(1, product.L2Norm()));
        (e * (hessian * e)).Should().BeApproximately(c.Mean![1], 1e-10 * Math.Max(1, Math.Abs(c.Mean[1])));

        var h = Math.Pow(Epsilon * norm * Math.Pow(d, 4), 0.2);
        var tolerance = 10 * n * n * ((Math.Pow(2 * h / d, 4) * 2 / d) + (Epsilon * norm / (d * h)));
        var difference = Matrix<double>.Build.Dense(n * n, n * n);
        for (var p = 0; p < n * n; p++)
        {
            var coarse = CentralDifference(c.Matrix, c.First, c.Count, p, h);
            var fine = CentralDifference(c.Matrix, c.First, c.Count, p, h / 2);
            difference.SetColumn(p, (4 * fine - coarse) / 3);
        }

        (hessian - difference).FrobeniusNorm().Should().BeLessThan(tolerance);
    }

    [Fact]
    public void Antisymmetric_directions_are_in_the_kernel_and_nonsymmetric_products_are_refused()
    {
        var (c, _, derivatives) = Prepare("symmetric 6x6, cluster of 3");
        var n = c.Matrix.RowCount;
        var random = new Random(9);
        var w = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var antisymmetric = Vector<double>.Build.Dense((w - w.Transpose()).ToColumnMajorArray());
        (derivatives.Hessian() * antisymmetric).L2Norm().Should().BeLessThan(1e-14);
        var act = () => derivatives.HessianVectorProduct(w);
        act.Should().Throw<InvalidSpectralInputException>();
    }

    [Theory]
    [InlineData("symmetric 6x6, cluster of 3")]
    [InlineData("symmetric 5x5, cluster of 2, split at order 2")]
    public void Gradient_product_and_Hessian_are_exactly_homogeneous(string name)
    {
        var c = ClusterFixture.Named(name);
        var entryPoint = new EntryPoint("eigenvalue cluster mean", (t, e, _) =>
        {
            var derivatives = EigenvalueClusterMeanDerivatives.At(SymmetricEigendecomposition.Compute(t), c.First);
            return [.. ClusterMeanHessianTests.Entries("gradient", derivatives.Gradient(), 0, 0), .. ClusterMeanHessianTests.Entries("HVP", derivatives.HessianVectorProduct(e), -1, 1),
                .. ClusterMeanHessianTests.Entries("Hessian", derivatives.Hessian(), -1, 0)];
        });
        EntryPointHarness.CheckHomogeneity(entryPoint, c.Matrix, c.Direction).Should().BeEmpty();
    }

    private static (ClusterCase Case, SymmetricEigendecomposition Eig, EigenvalueClusterMeanDerivatives Derivatives) Prepare(string name)
    {
        var c = ClusterFixture.Named(name);
        var eig = SymmetricEigendecomposition.Compute(c.Matrix);
        var derivatives = EigenvalueClusterMeanDerivatives.At(eig, c.First);
        derivatives.Cluster.Members.Should().Equal(Enumerable.Range(c.First, c.Count));
        return (c, eig, derivatives);
    }

    private static Matrix<double> RandomSymmetric(int n, int seed)
    {
        var random = new Random(seed);
        var w = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        return (w + w.Transpose()) / 2;
    }

    /// <summary>The mean of the ascending eigenvalues first … first + count − 1 of MathNet's symmetric EVD.</summary>
    private static double MeanEigenvalue(Matrix<double> t, int first, int count) =>
        t.Evd(Symmetricity.Symmetric).EigenValues.Select(x => x.Real).OrderBy(x => x).Skip(first - 1).Take(count).Average();

    /// <summary><c>Σ_c Σ_{i ∉ cluster} −(1/g) vec(sym-pair)… </c>: column (p, q) is <c>−(1/g) Σ_c Σ_i (q_iᵀ E q_c)(q_i q_cᵀ + q_c q_iᵀ)/(μ_i − μ_c)</c>
    /// for <c>E = sym(e_p e_qᵀ)</c>, from MathNet's eigenpairs.</summary>
    private static Matrix<double> EigenpairReference(Matrix<double> t, int first, int count)
    {
        var n = t.RowCount;
        var evd = t.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var members = order.Skip(first - 1).Take(count).ToArray();
        var hessian = Matrix<double>.Build.Dense(n * n, n * n);
        foreach (var member in members)
        {
            var qc = evd.EigenVectors.Column(member);
            foreach (var i in order.Except(members))
            {
                var qi = evd.EigenVectors.Column(i);
                var g = Vector<double>.Build.Dense((qi.OuterProduct(qc) + qc.OuterProduct(qi)).ToColumnMajorArray()) / 2;   // q_iᵀ sym(e_p e_qᵀ) q_c at (p, q)
                hessian -= 2.0 / count / (evd.EigenValues[i].Real - evd.EigenValues[member].Real) * g.OuterProduct(g);
            }
        }

        return hessian;
    }

    /// <summary>Column (p, q) by central differences of <c>(1/g) Q_c Q_cᵀ</c> (fresh eigendecompositions) along <c>sym(e_p e_qᵀ)</c>.</summary>
    private static Vector<double> CentralDifference(Matrix<double> t, int first, int count, int p, double h)
    {
        int n = t.RowCount, i = p % n, j = p / n;
        Matrix<double> Gradient(double step)
        {
            var shifted = t.Clone();
            shifted[i, j] += step / 2;
            shifted[j, i] += step / 2;
            var q = SymmetricEigendecomposition.Compute(shifted).Eigenvectors.SubMatrix(0, n, first - 1, count);
            return q.TransposeAndMultiply(q) / count;
        }

        return Vector<double>.Build.Dense(((Gradient(h) - Gradient(-h)) / (2 * h)).ToColumnMajorArray());
    }
}
