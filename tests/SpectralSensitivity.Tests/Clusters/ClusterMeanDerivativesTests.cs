using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Clusters;

/// <summary>Gradient and Hessian-vector product of a cluster mean against finite differences and against the block recursion.</summary>
public class ClusterMeanDerivativesTests
{
    public static TheoryData<string> Cases =>
        [.. ClusterFixture.Cases.Where(c => !c.Zero && !c.Symmetric).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_matches_finite_differences_and_the_hvp_matches_the_second_order_of_the_mean(string name)
    {
        var c = ClusterFixture.Named(name);
        var tolerance = c.Individual is null ? (double?)null : 1e-5;
        var svd = ThinSingularValueDecomposition.Compute(c.Matrix);
        var derivatives = ClusterMeanDerivatives.At(svd, c.First, tolerance);
        var gradient = derivatives.Gradient();
        var random = new Random(3);
        var f = Matrix<double>.Build.Dense(c.Matrix.RowCount, c.Matrix.ColumnCount, (_, _) => random.NextDouble() - 0.5);
        double Mean(double t) => ThinSingularValueDecomposition.Compute(c.Matrix + t * f).SingularValues.Skip(c.First - 1).Take(c.Count).Average();
        var difference = FiniteDifferences.First(Mean, 1e-3);
        (gradient.PointwiseMultiply(f).Enumerate().Sum()).Should().BeApproximately(difference, 1e-8);

        var series = SingularValueDerivatives.ClusterMean(svd, PerturbationPath.Linear(c.Direction), c.First, 2, tolerance);
        var quadratic = derivatives.HessianVectorProduct(c.Direction).PointwiseMultiply(c.Direction).Enumerate().Sum();
        quadratic.Should().BeApproximately(series.Derivatives[1], 1e-11 * Math.Max(1, Math.Abs(series.Derivatives[1])));
        gradient.PointwiseMultiply(c.Direction).Enumerate().Sum().Should().BeApproximately(series.Derivatives[0], 1e-13);

        // symmetric: <F, Hess[E]> = <E, Hess[F]>
        var left = derivatives.HessianVectorProduct(c.Direction).PointwiseMultiply(f).Enumerate().Sum();
        var right = derivatives.HessianVectorProduct(f).PointwiseMultiply(c.Direction).Enumerate().Sum();
        left.Should().BeApproximately(right, 1e-12 * Math.Max(1, Math.Abs(left)));
    }

    [Theory]
    [InlineData(-1000)]
    [InlineData(-500)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Are_exactly_homogeneous(int exponent)
    {
        var c = ClusterFixture.Named("wide 5x7, middle cluster of 3");
        var scale = Math.ScaleB(1, exponent);
        var baseline = ClusterMeanDerivatives.At(ThinSingularValueDecomposition.Compute(c.Matrix), 3);
        var scaled = ClusterMeanDerivatives.At(ThinSingularValueDecomposition.Compute(c.Matrix * scale), 3);
        scaled.Gradient().Should().Be(baseline.Gradient());
        var hvp = baseline.HessianVectorProduct(c.Direction);
        var scaledHvp = scaled.HessianVectorProduct(c.Direction * scale);                  // Hess(cA)[cE] = Hess(A)[E]
        scaledHvp.Enumerate().Should().Equal(hvp.Enumerate());
    }
}
