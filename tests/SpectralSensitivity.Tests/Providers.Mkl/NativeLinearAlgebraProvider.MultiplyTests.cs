using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Providers.Mkl.Errors;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>Matrix-product contract (GEMM and its vector special cases), run once per provider.</summary>
public abstract class MultiplyConformanceTests : ProviderSuite
{
    private static readonly Transpose[] Both = [Transpose.DontTranspose, Transpose.Transpose];

    [ProviderFact]
    public void Products_agree_with_managed_for_every_shape_and_transpose()
    {
        // (m, n, k): general, vector on the right (dgemv), vector on the left, outer product, 1 x 1.
        foreach (var (m, n, k) in new[] { (17, 13, 9), (20, 1, 15), (1, 11, 8), (6, 5, 1), (1, 1, 1), (64, 48, 80) })
        {
            foreach (var ta in Both)
            {
                foreach (var tb in Both)
                {
                    var because = $"m={m} n={n} k={k} {ta}/{tb}";
                    var (a, ra, ca) = Operand(m, k, ta, 100 + m);
                    var (b, rb, cb) = Operand(k, n, tb, 200 + n);
                    var c0 = Matrix<double>.Build.Random(m, n, 300 + k).ToColumnMajorArray();
                    foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-0.5, 2.0) })
                    {
                        double[] actual = (double[])c0.Clone(), expected = (double[])c0.Clone();
                        Provider.MatrixMultiplyWithUpdate(ta, tb, alpha, a, ra, ca, b, rb, cb, beta, actual);
                        Reference.MatrixMultiplyWithUpdate(ta, tb, alpha, a, ra, ca, b, rb, cb, beta, expected);
                        var scale = a.Max(Math.Abs) * b.Max(Math.Abs) * k + c0.Max(Math.Abs);
                        Residuals.ShouldAgree(actual, expected, $"{because} alpha={alpha} beta={beta}");
                        actual.Zip(expected).Should().OnlyContain(p => Math.Abs(p.First - p.Second) <= 1e-14 * scale, because);
                    }
                }
            }
        }
    }

    [ProviderFact]
    public void Matrix_multiply_is_the_plain_product()
    {
        foreach (var (name, a) in MatrixCases.General())
        {
            var b = Matrix<double>.Build.Random(a.ColumnCount, 3, 5);
            var actual = new double[a.RowCount * 3];
            Provider.MatrixMultiply(a.ToColumnMajorArray(), a.RowCount, a.ColumnCount, b.ToColumnMajorArray(), b.RowCount, 3, actual);
            Residuals.ShouldAgree(actual, (a * b).ToColumnMajorArray(), name);

            var v = Matrix<double>.Build.Random(a.ColumnCount, 1, 6);
            var av = new double[a.RowCount];
            Provider.MatrixMultiply(a.ToColumnMajorArray(), a.RowCount, a.ColumnCount, v.ToColumnMajorArray(), v.RowCount, 1, av);
            Residuals.ShouldAgree(av, (a * v).ToColumnMajorArray(), $"{name} times vector");
        }
    }

    [ProviderFact]
    public void Mismatched_dimensions_are_rejected()
    {
        var act = () => Provider.MatrixMultiply(new double[6], 2, 3, new double[8], 4, 2, new double[4]);
        act.Should().Throw<ArgumentException>();
    }

    private static (double[] Data, int Rows, int Columns) Operand(int rows, int columns, Transpose t, int seed)
    {
        // Stored shape is the transpose of op(x) when t says so.
        var stored = t == Transpose.DontTranspose
            ? Matrix<double>.Build.Random(rows, columns, seed)
            : Matrix<double>.Build.Random(columns, rows, seed);
        return (stored.ToColumnMajorArray(), stored.RowCount, stored.ColumnCount);
    }
}

[RunsOnProvider("managed")]
public sealed class ManagedMultiplyTests : MultiplyConformanceTests;

[RunsOnProvider("mkl")]
public sealed class MklMultiplyTests : MultiplyConformanceTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasMultiplyTests : MultiplyConformanceTests;

/// <summary>Native-only product behaviour: input rejection, aliasing, empty inner dimension.</summary>
public abstract class NativeMultiplyTests : ProviderSuite
{
    [ProviderFact]
    public void Non_finite_factors_are_rejected_naming_the_routine()
    {
        var a = Matrix<double>.Build.Random(4, 4, 1).ToColumnMajorArray();
        var b = Matrix<double>.Build.Random(4, 4, 2).ToColumnMajorArray();
        b[3] = double.NaN;
        var gemm = () => Provider.MatrixMultiply(a, 4, 4, b, 4, 4, new double[16]);
        gemm.Should().Throw<NonFiniteInputException>().Where(e => e.Routine == "dgemm" && e.ParamName == "b" && e.Index == 3);

        var x = new double[] { 1, double.PositiveInfinity, 3, 4 };
        var gemv = () => Provider.MatrixMultiply(a, 4, 4, x, 4, 1, new double[4]);
        gemv.Should().Throw<NonFiniteInputException>().Where(e => e.Routine == "dgemv");
    }

    [ProviderFact]
    public void Garbage_in_c_is_ignored_when_beta_is_zero()
    {
        var c = Enumerable.Repeat(double.NaN, 4).ToArray();
        Provider.MatrixMultiply([1, 0, 0, 1], 2, 2, [1, 2, 3, 4], 2, 2, c);
        c.Should().Equal(1, 2, 3, 4);
    }

    [ProviderFact]
    public void Result_may_alias_an_operand()
    {
        var a = Matrix<double>.Build.Random(5, 5, 7);
        var b = Matrix<double>.Build.Random(5, 5, 8);
        var data = a.ToColumnMajorArray();
        Provider.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, data, 5, 5, b.ToColumnMajorArray(), 5, 5, 1.0, data);
        Residuals.ShouldAgree(data, (a * b + a).ToColumnMajorArray(), "c = a b + c with c == a");
    }

    [ProviderFact]
    public void Empty_inner_dimension_scales_c_by_beta()
    {
        var c = new double[] { 1, 2, 3, 4, 5, 6 };
        Provider.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, [], 2, 0, [], 0, 3, 2.0, c);
        c.Should().Equal(2, 4, 6, 8, 10, 12);
    }
}

[RunsOnProvider("mkl")]
public sealed class MklNativeMultiplyTests : NativeMultiplyTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasNativeMultiplyTests : NativeMultiplyTests;
