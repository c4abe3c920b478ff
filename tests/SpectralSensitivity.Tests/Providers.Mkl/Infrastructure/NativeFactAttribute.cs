using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>
/// A fact that needs a native backend: skipped, with the reason shown, when the library does not load,
/// unless <c>SPECTRAL_REQUIRE_NATIVE=1</c> (then it runs and fails).
/// </summary>
public sealed class NativeFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute for <paramref name="backend"/>.</summary>
    public NativeFactAttribute(NativeBackend backend = NativeBackend.Mkl)
    {
        Skip = NativeTestEnvironment.SkipReason(backend);
    }
}

/// <summary>A theory that needs a native backend; same skip policy as <see cref="NativeFactAttribute"/>.</summary>
public sealed class NativeTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute for <paramref name="backend"/>.</summary>
    public NativeTheoryAttribute(NativeBackend backend = NativeBackend.Mkl)
    {
        Skip = NativeTestEnvironment.SkipReason(backend);
    }
}
