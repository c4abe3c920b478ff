using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>Provider selection. These tests change the process-wide provider, so they run alone and restore it.</summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class SpectralProvidersTests
{
    [Fact]
    public void Use_managed_is_described_as_managed()
    {
        WithGlobalProvider(() =>
        {
            SpectralProviders.UseManaged();
            var info = SpectralProviders.Describe();
            info.Provider.Should().Be("managed");
            info.IsNative.Should().BeFalse();
            info.LibraryPath.Should().BeNull();
            info.Version.Should().Contain("MathNet.Numerics 5.0.0");
            info.Threads.Should().BeGreaterThan(0);
        });
    }

    [NativeFact(NativeBackend.Mkl)]
    public void Use_mkl_routes_mathnet_svd_evd_and_products_to_mkl()
    {
        WithGlobalProvider(() =>
        {
            var a = Matrix<double>.Build.Random(30, 20, 61);
            var s = a.ToColumnMajorArray();
            var expected = a.Svd(false).S.ToArray();

            SpectralProviders.UseMkl();
            LinearAlgebraControl.Provider.Should().BeOfType<NativeLinearAlgebraProvider>().Which.Backend.Should().Be(NativeBackend.Mkl);
            var svd = a.Svd(true);
            Residuals.ShouldAgree(svd.S.ToArray(), expected, "MathNet Svd() on MKL");
            Residuals.ShouldSatisfySvd(a, svd.S.ToArray(), svd.U, svd.VT, "MathNet Svd() on MKL");
            var sym = a.TransposeThisAndMultiply(a);
            var evd = sym.Evd(Symmetricity.Symmetric);
            (sym * evd.EigenVectors - evd.EigenVectors * evd.D).FrobeniusNorm().Should().BeLessThan(1e-12 * sym.FrobeniusNorm());
            a.ToColumnMajorArray().Should().Equal(s, "MathNet's Svd() must not modify the matrix");
            var b = Matrix<double>.Build.Random(30, 2, 62);
            var x = a.QR().Solve(b);
            (a.TransposeThisAndMultiply(a * x - b)).FrobeniusNorm().Should().BeLessThan(1e-10, "QR least squares on MKL");

            var info = SpectralProviders.Describe();
            info.Provider.Should().Be("mkl");
            info.IsNative.Should().BeTrue();
            info.Version.Should().Contain("Math Kernel Library");
            info.LibraryPath.Should().EndWith(".so");
            info.ThreadingLayer.Should().NotBeNull();
            info.Requested.Should().Be("mkl");
            info.ToString().Should().Contain("mkl");
        });
    }

    [NativeFact(NativeBackend.OpenBlas)]
    public void Use_openblas_selects_openblas()
    {
        WithGlobalProvider(() =>
        {
            SpectralProviders.UseOpenBlas();
            SpectralProviders.Describe().Provider.Should().Be("openblas");
            SpectralProviders.Describe().Version.Should().Contain("OpenBLAS");
            SpectralProviders.TryUseOpenBlas().Should().BeTrue();
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    [InlineData("managed")]
    [InlineData("mkl")]
    [InlineData("openblas")]
    public void Environment_variable_selects_the_provider(string? value)
    {
        var needs = value is null or "auto" ? null : NativeTestEnvironment.BackendOf(value);
        if (needs is { } backend && NativeTestEnvironment.SkipReason(backend) is not null)
        {
            return; // covered by the NativeFact tests' visible skip
        }

        WithGlobalProvider(() => WithEnvironment(SpectralProviders.ProviderVariable, value, () =>
        {
            var info = SpectralProviders.UseFromEnvironment();
            var mklLoads = SpectralProviders.IsAvailable(NativeBackend.Mkl, out _);
            var expected = value is null or "auto" ? (mklLoads ? "mkl" : "managed") : value;
            info.Provider.Should().Be(expected);
            info.Requested.Should().Be(value ?? "auto");
        }));
    }

    [Fact]
    public void Unknown_environment_values_are_rejected()
    {
        WithGlobalProvider(() => WithEnvironment(SpectralProviders.ProviderVariable, "cuda", () =>
        {
            var act = () => SpectralProviders.UseFromEnvironment();
            act.Should().Throw<ArgumentException>().WithMessage("*SPECTRAL_PROVIDER*auto, mkl, openblas, managed*");
        }));
    }

    [Fact]
    public void Use_best_never_throws()
    {
        WithGlobalProvider(() =>
        {
            SpectralProviders.UseBest();
            SpectralProviders.Describe().Provider.Should().BeOneOf("mkl", "managed");
        });
    }

    [NativeFact(NativeBackend.Mkl)]
    public void Thread_count_from_the_environment_is_applied()
    {
        var mkl = SpectralProviders.GetNative(NativeBackend.Mkl);
        var before = mkl.ThreadCount;
        WithGlobalProvider(() => WithEnvironment(SpectralProviders.ProviderVariable, "mkl", () =>
            WithEnvironment(SpectralProviders.ThreadsVariable, "1", () =>
            {
                SpectralProviders.UseFromEnvironment().Threads.Should().Be(1);
                SpectralParallelism.Current.MaxDegree.Should().Be(1, "SPECTRAL_THREADS is the one thread setting");
                SpectralParallelism.Options().MaxDegreeOfParallelism.Should().Be(1, "the core's loops follow it");
                MathNet.Numerics.Control.MaxDegreeOfParallelism.Should().Be(1);
                DecompositionBackends.Current.Should().BeSameAs(mkl.DecompositionBackend);
            })));
        mkl.ThreadCount.Should().Be(before, "restoring the default thread setting restores MKL's own count");
    }

    private static void WithGlobalProvider(Action action)
    {
        using var saved = new GlobalLinearAlgebraState();
        action();
    }

    private static void WithEnvironment(string name, string? value, Action action)
    {
        var previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, previous);
        }
    }
}
