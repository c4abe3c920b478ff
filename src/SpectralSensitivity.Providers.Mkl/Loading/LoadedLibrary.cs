namespace SpectralSensitivity.Providers.Mkl.Loading;

/// <summary>A successfully loaded and configured native backend.</summary>
/// <param name="Backend">Which backend.</param>
/// <param name="Handle">The handle returned by <see cref="System.Runtime.InteropServices.NativeLibrary"/>.</param>
/// <param name="Path">Resolved file path of the library (or the name it was loaded by when the path is unknown).</param>
/// <param name="ThreadingLayer">Threading layer in effect: <c>gnu</c>, <c>sequential</c>, <c>pthread</c> or <c>default</c>.</param>
internal sealed record LoadedLibrary(NativeBackend Backend, nint Handle, string Path, string ThreadingLayer);
