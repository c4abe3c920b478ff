using SpectralSensitivity.Backends;

namespace SpectralSensitivity;

/// <summary>The one process-wide thread setting: it governs the core's parallel loops, MathNet.Numerics' managed
/// parallelism and the native library behind <see cref="DecompositionBackends.Current"/>.</summary>
/// <remarks>
/// <para>Setting <see cref="Current"/> calls <see cref="IDecompositionBackend.ApplyParallelism"/> on the backend in use
/// (<c>MKL_Set_Num_Threads</c> / <c>openblas_set_num_threads</c> for the native ones) and sets
/// <c>MathNet.Numerics.Control.MaxDegreeOfParallelism</c>; selecting another backend applies the setting to it too.
/// The core's loops pass <see cref="Parallelism.MaxDegree"/> as <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</para>
/// <para>Cost: O(1) per change. Pattern: MathNet.Numerics' <c>Control.MaxDegreeOfParallelism</c>.</para>
/// </remarks>
public static class SpectralParallelism
{
    private static volatile Parallelism _current = Parallelism.Default;

    /// <summary>The thread setting in use (default <see cref="Parallelism.Default"/>).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public static Parallelism Current
    {
        get => _current;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (DecompositionBackends.Gate)
            {
                _current = value;
                MathNet.Numerics.Control.MaxDegreeOfParallelism = value.MaxDegree ?? Environment.ProcessorCount;
                DecompositionBackends.Current.ApplyParallelism(value);
            }
        }
    }

    /// <summary>The setting of the current logical call (<see cref="SpectralOptions.Parallelism"/>), if any.</summary>
    private static readonly AsyncLocal<Parallelism?> CallSetting = new();

    /// <summary>Options for the core's <c>Parallel.For</c> calls: those of <paramref name="perCall"/> when given, else the
    /// current call's setting, else <see cref="Current"/>.</summary>
    /// <param name="perCall">A per-call setting, or null.</param>
    internal static ParallelOptions Options(Parallelism? perCall = null) => (perCall ?? CallSetting.Value ?? _current).ToParallelOptions();

    /// <summary>Puts a per-call setting (<see cref="SpectralOptions.Parallelism"/>) in force for this logical call until disposed.</summary>
    internal static IDisposable Scope(Parallelism? setting)
    {
        var previous = CallSetting.Value;
        CallSetting.Value = setting ?? previous;
        return new Restore(previous);
    }

    private sealed class Restore(Parallelism? previous) : IDisposable
    {
        public void Dispose() => CallSetting.Value = previous;
    }
}
