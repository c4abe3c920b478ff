namespace SpectralSensitivity.Backends;

/// <summary>Selects the <see cref="IDecompositionBackend"/> every decomposition of this library runs on, process-wide.</summary>
/// <remarks>
/// <para>Default: <see cref="Managed"/> (MathNet.Numerics, through whatever provider <c>LinearAlgebraControl.Provider</c>
/// holds). The provider assembly <c>SpectralSensitivity.Providers.Mkl</c> registers its native backend when a native
/// provider is selected (<c>SpectralProviders.UseMkl</c>, <c>UseOpenBlas</c>, <c>UseBest</c>, <c>UseFromEnvironment</c>),
/// so that <see cref="Decomposition.ThinSingularValueDecomposition"/> calls <c>dgesdd</c> and
/// <see cref="Decomposition.SymmetricEigendecomposition"/> calls <c>dsyevd</c> directly.</para>
/// <para>Selecting a backend applies <see cref="SpectralParallelism.Current"/> to it. Cost: O(1).
/// Pattern: MathNet.Numerics' <c>LinearAlgebraControl</c>.</para>
/// </remarks>
public static class DecompositionBackends
{
    private static volatile IDecompositionBackend _current = MathNetDecompositionBackend.Instance;

    /// <summary>Serializes changes of the backend and of the thread setting.</summary>
    internal static readonly object Gate = new();

    /// <summary>The managed backend: MathNet.Numerics' factorizations (thin QR, square SVD and a product for the thin SVD).</summary>
    public static IDecompositionBackend Managed => MathNetDecompositionBackend.Instance;

    /// <summary>The backend in use.</summary>
    public static IDecompositionBackend Current => _current;

    /// <summary>Uses <paramref name="backend"/> from now on, with the current thread setting applied to it.</summary>
    /// <param name="backend">The backend.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backend"/> is null.</exception>
    public static void Use(IDecompositionBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        lock (Gate)
        {
            backend.ApplyParallelism(SpectralParallelism.Current);
            _current = backend;
        }
    }

    /// <summary>Uses the managed backend (<see cref="Managed"/>).</summary>
    public static void UseManaged() => Use(Managed);
}
