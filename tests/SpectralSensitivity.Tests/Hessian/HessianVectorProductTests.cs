using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

public class HessianVectorProductTests
{
    [Fact]
    public void One_product_shared_by_concurrent_callers_gives_each_the_bits_of_a_sequential_call()
    {
        var svd = ThinSingularValueDecomposition.Compute(Gaussian(9, 6, 3));
        var product = HessianVectorProduct.At(svd, 2);
        var directions = Enumerable.Range(0, 48).Select(i => Gaussian(9, 6, 200 + i)).ToArray();
        var sequential = directions.Select(d => product.Apply(d).ToColumnMajorArray()).ToArray();
        var concurrent = new double[directions.Length][];
        Parallel.For(0, directions.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (var repeat = 0; repeat < 20; repeat++)
            {
                concurrent[i] = product.Apply(directions[i]).ToColumnMajorArray();   // the scratch vectors are reused or made per caller
            }
        });
        for (var i = 0; i < directions.Length; i++)
        {
            concurrent[i].Should().Equal(sequential[i], $"direction {i}");
        }

        var destination = Enumerable.Repeat(double.NaN, 9 * 6).ToArray();
        product.Apply(Matrix<double>.Build.Dense(9, 6), destination);
        destination.Should().OnlyContain(x => x == 0, "a zero direction after reuse overwrites the destination with exact zeros");
        product.Apply(directions[0]).ToColumnMajorArray().Should().Equal(sequential[0], "no state is left behind by the zero direction");
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Product_equals_the_Kronecker_reference_times_the_vectorised_direction(string name, int k)
    {
        var testCase = Named(name);
        var direction = Gaussian(testCase.Matrix.RowCount, testCase.Matrix.ColumnCount, 100 + k);
        var product = HessianVectorProduct.At(testCase.Svd, k).Apply(direction);
        // The reference sums the Kronecker form with its own weights s_k/(s_k² − s_i²) from the same factors: no weight is shared.
        var reference = KroneckerReference(FullFactors.Of(testCase.Svd), k) * Vec(direction);
        (Vec(product) - reference).L2Norm().Should().BeLessThan(HessianArithmeticScale(testCase.Svd, k) * direction.FrobeniusNorm());
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Quadratic_form_is_twice_the_second_Taylor_coefficient_of_the_core_engine(string name, int k)
    {
        var testCase = Named(name);
        var direction = Gaussian(testCase.Matrix.RowCount, testCase.Matrix.ColumnCount, 200 + k);
        var quadratic = HessianVectorProduct.At(testCase.Svd, k).QuadraticForm(direction);
        var expansion = SingularValueDerivatives.Expand(testCase.Svd, PerturbationPath.Linear(direction), k, 2);
        quadratic.Should().BeApproximately(2 * expansion.TaylorCoefficients[2], DerivativeArithmeticScale(testCase.Svd, k, 2, direction.FrobeniusNorm()));
    }

    [Fact]
    public void Product_matches_the_dense_Hessian_on_random_shapes_and_directions()
    {
        var shapes = from m in Gen.Choose(1, 7) from n in Gen.Choose(1, 7) from seed in Gen.Choose(0, 100_000) select (m, n, seed);
        Prop.ForAll(shapes.ToArbitrary(), shape =>
        {
            var (m, n, seed) = shape;
            var svd = ThinSingularValueDecomposition.Compute(Gaussian(m, n, seed));
            var direction = Gaussian(m, n, seed + 1);
            for (var k = 1; k <= svd.Size; k++)
            {
                if (svd.Gap(k) < 1e-3)
                {
                    continue; // a near-collision makes the Hessian huge; the fixed cases cover the ordinary regime
                }

                var product = HessianVectorProduct.At(svd, k).Apply(direction);
                // Same arithmetic scale as the dense Hessian from the same SVD; the independent Kronecker check is the
                // fixed-case theory above (two independent roundings would need both error budgets).
                var dense = SingularValueHessian.Compute(svd, k) * Vec(direction);
                if ((Vec(product) - dense).L2Norm() > HessianArithmeticScale(svd, k) * direction.FrobeniusNorm())
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Bilinear_form_is_symmetric_and_products_write_into_caller_storage()
    {
        var testCase = Named("wide 4x6");
        var product = HessianVectorProduct.At(testCase.Svd, 2);
        var e = Gaussian(4, 6, 301);
        var f = Gaussian(4, 6, 302);
        product.BilinearForm(e, f).Should().BeApproximately(product.BilinearForm(f, e), HessianArithmeticScale(testCase.Svd, 2) * e.FrobeniusNorm() * f.FrobeniusNorm());
        var storage = new double[24];
        product.Apply(e, storage);
        storage.Should().Equal(product.Apply(e).ToColumnMajorArray());
        var wrongShape = () => product.Apply(Gaussian(6, 4, 1));
        wrongShape.Should().Throw<DimensionMismatchException>();
        var nonFinite = e.Clone();
        nonFinite[1, 1] = double.NaN;
        var nan = () => product.Apply(nonFinite);
        nan.Should().Throw<NonFiniteInputException>();
    }

    [Fact]
    public void Product_along_A_and_along_the_gradient_vanishes()
    {
        // s_k(A + tA) = (1 + t) s_k and s_k(A + t u_k v_kᵀ) = s_k + t: no curvature along either
        var testCase = Named("tall 7x4");
        var product = HessianVectorProduct.At(testCase.Svd, 2);
        var scale = HessianArithmeticScale(testCase.Svd, 2);
        product.Apply(testCase.Matrix).FrobeniusNorm().Should().BeLessThan(scale * testCase.Matrix.FrobeniusNorm());
        product.Apply(SingularValueGradient.Compute(testCase.Svd, 2)).FrobeniusNorm().Should().BeLessThan(scale);
    }
}
