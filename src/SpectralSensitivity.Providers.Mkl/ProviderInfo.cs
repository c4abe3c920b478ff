namespace SpectralSensitivity.Providers.Mkl;

/// <summary>What the linear-algebra provider in use is, for diagnostics and <c>spectral info</c>.</summary>
/// <param name="Provider">Short name: <c>mkl</c>, <c>openblas</c>, <c>managed</c>, or the provider's type name for a foreign provider.</param>
/// <param name="IsNative">Whether the hot paths run on a native library.</param>
/// <param name="Version">Native version string (<c>mkl_get_version_string</c> / <c>openblas_get_config</c>), or the MathNet.Numerics version for the managed provider.</param>
/// <param name="Threads">Threads used within one operation: the native library's thread count, or MathNet's <c>Control.MaxDegreeOfParallelism</c>.</param>
/// <param name="ThreadingLayer">Native threading layer (<c>gnu</c>, <c>sequential</c>, <c>pthread</c>), or <see langword="null"/> for managed code.</param>
/// <param name="LibraryPath">File the native library was loaded from, or <see langword="null"/> for managed code.</param>
/// <param name="Requested">The selection that produced this provider: the value of <c>SPECTRAL_PROVIDER</c> (default <c>auto</c>) or the name of the <c>Use*</c> call.</param>
public sealed record ProviderInfo(
    string Provider,
    bool IsNative,
    string Version,
    int Threads,
    string? ThreadingLayer,
    string? LibraryPath,
    string Requested)
{
    /// <summary>One line for logs, e.g. <c>mkl (Intel(R) Math Kernel Library ...; threads: 2, gnu; /usr/lib/.../libmkl_rt.so)</c>.</summary>
    /// <returns>A human-readable one-line description.</returns>
    public override string ToString() => IsNative
        ? $"{Provider} ({Version}; threads: {Threads}, {ThreadingLayer}; {LibraryPath})"
        : $"{Provider} ({Version}; threads: {Threads})";
}
