using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>A fact that shells out to <c>mpirun</c>: skipped, with the reason shown, when Open MPI is not installed, unless
/// <c>SPECTRAL_REQUIRE_NATIVE=1</c> (CI), where it runs and fails.</summary>
public sealed class MpiFactAttribute : FactAttribute
{
    public MpiFactAttribute()
    {
        if (!NativeTestEnvironment.RequireNative && SpectralProcess.MpiRun is null)
        {
            Skip = $"mpirun is not on PATH: install Open MPI with 'sudo bash scripts/install-mpi.sh'; set {NativeTestEnvironment.RequireVariable}=1 to make this a failure instead of a skip.";
        }
    }
}
