using System.Numerics;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Providers.Mkl.Errors;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>SVD and eigen-decomposition contract, run once per provider by the derived classes below.</summary>
public abstract class DecompositionsConformanceTests : ProviderSuite
{
    [ProviderFact]
    public void Singular_values_agree_with_managed_on_every_shape()
    {
        foreach (var (name, a) in MatrixCases.General())
        {
            var expected = FullSvd(Reference, a).S;
            Residuals.ShouldAgree(FullSvd(Provider, a).S, expected, name);
            Residuals.ShouldAgree(FullSvd(Provider, a, vectors: false).S, expected, $"{name} (values only)");
        }
    }

    [ProviderFact]
    public void Singular_vectors_satisfy_residuals_and_orthogonality()
    {
        foreach (var (name, a) in MatrixCases.General())
        {
            var (s, u, vt) = FullSvd(Provider, a);
            Residuals.ShouldSatisfySvd(a, s, u, vt, name);
        }
    }

    [ProviderFact]
    public void Random_shapes_agree_with_managed()
    {
        var shapes = from m in Gen.Choose(1, 12)
                     from n in Gen.Choose(1, 12)
                     from seed in Gen.Choose(0, 10_000)
                     select (m, n, seed);
        Prop.ForAll(shapes.ToArbitrary(), c =>
        {
            var a = Matrix<double>.Build.Random(c.m, c.n, c.seed);
            var (s, u, vt) = FullSvd(Provider, a);
            Residuals.ShouldAgree(s, FullSvd(Reference, a).S, $"{c.m}x{c.n} seed {c.seed}");
            Residuals.ShouldSatisfySvd(a, s, u, vt, $"{c.m}x{c.n} seed {c.seed}");
        }).QuickCheckThrowOnFailure();
    }

    [ProviderFact]
    public void Values_only_svd_leaves_vector_buffers_untouched()
    {
        var a = Matrix<double>.Build.Random(6, 4, 3);
        double[] s = new double[4], u = Enumerable.Repeat(7.0, 36).ToArray(), vt = Enumerable.Repeat(7.0, 16).ToArray();
        Provider.SingularValueDecomposition(false, a.ToColumnMajorArray(), 6, 4, s, u, vt);
        u.Should().OnlyContain(x => x == 7.0);
        vt.Should().OnlyContain(x => x == 7.0);
    }

    [ProviderFact]
    public void Svd_rejects_wrongly_sized_buffers()
    {
        var act = () => Provider.SingularValueDecomposition(true, new double[6], 3, 2, new double[2], new double[4], new double[4]);
        act.Should().Throw<ArgumentException>();
    }

    [ProviderFact]
    public void Symmetric_eigen_decomposition_agrees_with_managed()
    {
        foreach (var (name, a) in MatrixCases.Symmetric())
        {
            var (values, vectors, d) = Evd(Provider, a, symmetric: true);
            var expected = Evd(Reference, a, symmetric: true).Values;
            Residuals.ShouldAgree(values, expected, name);
            var scale = Math.Max(a.FrobeniusNorm(), double.Epsilon);
            (a * vectors - vectors * d).FrobeniusNorm().Should().BeLessThanOrEqualTo(Residuals.Tolerance * scale * 10, $"{name}: A V = V D");
            Residuals.ShouldBeOrthonormalColumns(vectors, name);
            values.Should().BeInAscendingOrder(name);
        }
    }

    [ProviderFact]
    public void General_eigen_decomposition_matches_managed()
    {
        var a = Matrix<double>.Build.Random(12, 12, 31);
        var (values, _, d) = Evd(Provider, a, symmetric: false);
        var (expected, _, expectedD) = Evd(Reference, a, symmetric: false);
        Residuals.ShouldAgree(values, expected, "real parts");
        (d - expectedD).FrobeniusNorm().Should().BeLessThanOrEqualTo(Residuals.Tolerance * a.FrobeniusNorm());
    }

    [ProviderFact]
    public void Eigen_decomposition_does_not_modify_its_input()
    {
        var b = Matrix<double>.Build.Random(10, 10, 32);
        var a = (b + b.Transpose()).ToColumnMajorArray();
        var copy = (double[])a.Clone();
        Provider.EigenDecomp(true, 10, a, new double[100], new Complex[10], new double[100]);
        a.Should().Equal(copy);
    }

    private static (double[] Values, Matrix<double> Vectors, Matrix<double> D) Evd(ILinearAlgebraProvider<double> provider, Matrix<double> a, bool symmetric)
    {
        var n = a.RowCount;
        double[] ev = new double[n * n], d = new double[n * n];
        var values = new Complex[n];
        provider.EigenDecomp(symmetric, n, a.ToColumnMajorArray(), ev, values, d);
        return (values.Select(v => v.Real).ToArray(), Matrix<double>.Build.Dense(n, n, ev), Matrix<double>.Build.Dense(n, n, d));
    }
}

[RunsOnProvider("managed")]
public sealed class ManagedDecompositionsTests : DecompositionsConformanceTests;

[RunsOnProvider("mkl")]
public sealed class MklDecompositionsTests : DecompositionsConformanceTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasDecompositionsTests : DecompositionsConformanceTests;

/// <summary>Native-only entry points and input rejection, run once per native backend.</summary>
public abstract class NativeDecompositionsTests : ProviderSuite
{
    private NativeLinearAlgebraProvider Native => (NativeLinearAlgebraProvider)Provider;

    [ProviderFact]
    public void Thin_svd_agrees_with_the_full_one()
    {
        foreach (var (name, a) in MatrixCases.General())
        {
            var thin = Native.ThinSingularValueDecomposition(a);
            var k = Math.Min(a.RowCount, a.ColumnCount);
            thin.U.ColumnCount.Should().Be(k, name);
            thin.VT.RowCount.Should().Be(k, name);
            Residuals.ShouldAgree(thin.S.ToArray(), FullSvd(Reference, a).S, name);
            Residuals.ShouldSatisfySvd(a, thin.S.ToArray(), thin.U, thin.VT, name);
            Residuals.ShouldAgree(Native.SingularValues(a), thin.S.ToArray(), $"{name} (values only)");
        }
    }

    [ProviderFact]
    public void Thin_svd_does_not_modify_the_matrix()
    {
        var a = Matrix<double>.Build.Random(7, 5, 41);
        var copy = a.Clone();
        Native.ThinSingularValueDecomposition(a);
        a.Should().BeEquivalentTo(copy);
    }

    [ProviderFact]
    public void Non_finite_input_is_rejected_before_native_code()
    {
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var a = Matrix<double>.Build.Random(8, 6, 42).ToColumnMajorArray();
            a[37] = bad;
            var svd = () => Provider.SingularValueDecomposition(true, a, 8, 6, new double[6], new double[64], new double[36]);
            svd.Should().Throw<NonFiniteInputException>().Where(e => e.Routine == "dgesdd" && e.Index == 37 && e.ParamName == "a");

            var s = new double[16];
            s[5] = bad;
            var evd = () => Provider.EigenDecomp(true, 4, s, new double[16], new Complex[4], new double[16]);
            evd.Should().Throw<NonFiniteInputException>().Where(e => e.Routine == "dsyevd");
        }
    }

    [ProviderFact]
    public void Describes_itself()
    {
        Native.NativeVersion.Should().NotBeNullOrWhiteSpace();
        Native.ThreadCount.Should().BeGreaterThan(0);
        File.Exists(Native.LibraryPath).Should().BeTrue(Native.LibraryPath);
        Native.IsAvailable().Should().BeTrue();
        Native.ToString().Should().Contain(Native.Name);
    }
}

[RunsOnProvider("mkl")]
public sealed class MklNativeDecompositionsTests : NativeDecompositionsTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasNativeDecompositionsTests : NativeDecompositionsTests;
