namespace SpectralSensitivity;

/// <summary>How many threads one computation may use: the core's own parallel loops and the native library's threads.</summary>
/// <remarks>
/// <para>The process-wide setting is <see cref="SpectralParallelism.Current"/>. <see cref="MaxDegree"/> bounds the
/// number of threads; it does not change how work is split, so results do not depend on it (the core's loops use a
/// fixed partition; native libraries may round differently with different thread counts).</para>
/// <para>Null <see cref="MaxDegree"/> means the defaults: all cores for the core's loops
/// (<see cref="ParallelOptions.MaxDegreeOfParallelism"/> = −1), the native library's own default (physical cores for MKL).
/// The environment variable <c>SPECTRAL_THREADS</c>, applied by the provider assembly's <c>UseFromEnvironment</c>,
/// sets it.</para>
/// </remarks>
public sealed record Parallelism
{
    private readonly int? _maxDegree;

    /// <summary>Creates the setting.</summary>
    /// <param name="maxDegree">Largest number of threads, at least 1; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegree"/> is below 1.</exception>
    public Parallelism(int? maxDegree = null)
    {
        MaxDegree = maxDegree;
    }

    /// <summary>The defaults: every core for the core's loops, the native library's default thread count.</summary>
    public static Parallelism Default { get; } = new();

    /// <summary>One thread everywhere.</summary>
    public static Parallelism Sequential { get; } = new(1);

    /// <summary>Largest number of threads (at least 1), or null for the defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int? MaxDegree
    {
        get => _maxDegree;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxDegree), value, "the number of threads must be at least 1, or null for the defaults");
            }

            _maxDegree = value;
        }
    }

    /// <summary>The options for <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>: −1 (unbounded) for the defaults.</summary>
    internal ParallelOptions ToParallelOptions() => new() { MaxDegreeOfParallelism = _maxDegree ?? -1 };

    /// <summary>Short text, e.g. <c>threads: 2</c> or <c>threads: default</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"threads: {(_maxDegree is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "default")}";
}
