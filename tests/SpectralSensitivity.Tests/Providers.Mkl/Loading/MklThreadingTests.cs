using FluentAssertions;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Providers.Mkl.Loading;
using SpectralSensitivity.Providers.Mkl.Native;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl.Loading;

public sealed class MklThreadingTests
{
    [NativeFact(NativeBackend.Mkl)]
    public void Gnu_layer_gets_the_passive_wait_policy_unless_the_user_chose_one()
    {
        var userValue = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY"); // the managed copy of the start-up environment
        var mkl = SpectralProviders.GetNative(NativeBackend.Mkl);
        if (!OperatingSystem.IsLinux() || mkl.ThreadingLayer != "gnu")
        {
            return;
        }

        LibC.GetEnv("OMP_WAIT_POLICY").Should().Be(userValue ?? "PASSIVE");
    }

    [NativeFact(NativeBackend.Mkl)]
    public void Mkl_runs_on_the_gnu_layer_when_libgomp_is_present_without_any_environment_setup()
    {
        var mkl = SpectralProviders.GetNative(NativeBackend.Mkl);
        var gompPresent = OperatingSystem.IsLinux() && File.Exists("/usr/lib/x86_64-linux-gnu/libgomp.so.1");
        var requested = SpectralProviders.MklThreading;
        if (gompPresent && requested == MklThreadingLayer.Gnu)
        {
            mkl.ThreadingLayer.Should().Be("gnu");
        }
        else
        {
            mkl.ThreadingLayer.Should().BeOneOf("gnu", "sequential", "default");
        }

        Environment.GetEnvironmentVariable("LD_PRELOAD").Should().BeNullOrEmpty("the provider must not rely on LD_PRELOAD");
    }

    [NativeFact(NativeBackend.Mkl)]
    public void Thread_count_can_be_changed_and_restored()
    {
        var mkl = SpectralProviders.GetNative(NativeBackend.Mkl);
        var before = mkl.ThreadCount;
        try
        {
            mkl.ThreadCount = 1;
            mkl.ThreadCount.Should().Be(1);
            var invalid = () => mkl.ThreadCount = 0;
            invalid.Should().Throw<ArgumentOutOfRangeException>();
        }
        finally
        {
            mkl.ThreadCount = before;
        }
    }
}
