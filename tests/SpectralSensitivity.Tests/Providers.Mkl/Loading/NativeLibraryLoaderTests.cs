using FluentAssertions;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Providers.Mkl.Errors;
using SpectralSensitivity.Providers.Mkl.Loading;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl.Loading;

public sealed class NativeLibraryLoaderTests
{
    [Fact]
    public void A_missing_file_is_reported_with_every_probed_name()
    {
        var result = NativeLibraryLoader.LoadCore(NativeBackend.Mkl, ["/nonexistent/libmkl_rt.so", "libdoes-not-exist.so"], out var error);
        result.Should().BeNull();
        error.Should().BeOfType<NativeLibraryNotFoundException>();
        error!.Probed.Should().Equal("/nonexistent/libmkl_rt.so", "libdoes-not-exist.so");
        error.Backend.Should().Be(NativeBackend.Mkl);
        error.Message.Should().Contain("install-mkl.sh").And.Contain("SPECTRAL_MKL_PATH");
    }

    [Fact]
    public void A_library_without_lapack_symbols_is_refused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var result = NativeLibraryLoader.LoadCore(NativeBackend.OpenBlas, ["libc.so.6"], out var error);
        result.Should().BeNull();
        error!.Reason.Should().Contain("does not export dgemm_");
    }

    [Fact]
    public void Standard_names_are_probed_unless_a_path_is_given()
    {
        NativeLibraryLoader.Candidates(NativeBackend.Mkl).Should().Contain(n => n.Contains("mkl_rt"));
        NativeLibraryLoader.Candidates(NativeBackend.OpenBlas).Should().Contain(n => n.Contains("openblas"));
        NativeLibraryLoader.PathVariable(NativeBackend.Mkl).Should().Be("SPECTRAL_MKL_PATH");
        NativeLibraryLoader.PathVariable(NativeBackend.OpenBlas).Should().Be("SPECTRAL_OPENBLAS_PATH");
    }

    [NativeFact(NativeBackend.Mkl)]
    public void Mkl_loads_by_explicit_path_and_reports_its_file()
    {
        var loaded = NativeLibraryLoader.Load(NativeBackend.Mkl);
        File.Exists(loaded.Path).Should().BeTrue();
        var again = NativeLibraryLoader.LoadCore(NativeBackend.Mkl, [loaded.Path], out var error);
        error.Should().BeNull();
        again!.Path.Should().Be(loaded.Path);
    }

    [NativeFact(NativeBackend.Mkl)]
    public void The_path_cannot_change_after_loading()
    {
        NativeLibraryLoader.Load(NativeBackend.Mkl);
        var act = () => SpectralProviders.SetLibraryPath(NativeBackend.Mkl, "/elsewhere/libmkl_rt.so");
        act.Should().Throw<InvalidOperationException>().WithMessage("*already loaded*");
    }
}
