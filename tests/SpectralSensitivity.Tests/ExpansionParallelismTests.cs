using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests;

/// <summary>Whole results, not only kernels, are bit-identical for one thread, two threads and the default: the partition of
/// every parallel pass is fixed, so the thread setting changes who computes a part, never what is summed in which order.</summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class ExpansionParallelismTests
{
    [Fact]
    public void Derivatives_and_Hessian_vector_products_are_bit_identical_for_any_thread_setting()
    {
        const int m = 700, n = 450;                                  // (m + n) r and m n above ColumnKernels.ParallelThreshold
        var a = TestMatrices.Gaussian(m, n, 51);
        var e = TestMatrices.Gaussian(m, n, 52);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var path = PerturbationPath.Linear(e);
        var derivatives = new List<double[]>();
        var products = new List<double[]>();
        using var saved = new GlobalLinearAlgebraState();
        foreach (var setting in new[] { Parallelism.Sequential, new Parallelism(2), new Parallelism(3), Parallelism.Default })
        {
            SpectralParallelism.Current = setting;
            var expansion = SingularValueDerivatives.Expand(svd, path, 3, 6);
            derivatives.Add([.. expansion.Derivatives, .. expansion.LeftVectorCoefficients[6]]);
            products.Add(HessianVectorProduct.At(svd, 3).Apply(e).ToColumnMajorArray());
        }

        foreach (var (d, p) in derivatives.Zip(products).Skip(1))
        {
            d.Should().Equal(derivatives[0]);
            p.Should().Equal(products[0]);
        }
    }
}
