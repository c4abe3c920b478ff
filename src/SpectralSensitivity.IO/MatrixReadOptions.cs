namespace SpectralSensitivity.IO;

/// <summary>Limits and policies for reading matrix files.</summary>
/// <remarks>Immutable; derive variants with <c>with</c>: <c>MatrixReadOptions.Default with { AllowNonFinite = true }</c>.</remarks>
public sealed record MatrixReadOptions
{
    /// <summary>The default of <see cref="MaxEntries"/>: 2^27 entries, 1 GiB of float64.</summary>
    public const long DefaultMaxEntries = 1L << 27;

    /// <summary>The default of <see cref="MaxLineLength"/>: 2^24 characters.</summary>
    public const int DefaultMaxLineLength = 1 << 24;

    /// <summary>The default of <see cref="MaxMatrices"/>: 2^20 matrices.</summary>
    public const int DefaultMaxMatrices = 1 << 20;

    private readonly long maxEntries = DefaultMaxEntries;
    private readonly int maxMatrices = DefaultMaxMatrices;
    private readonly int maxLineLength = DefaultMaxLineLength;

    /// <summary>The options used when none are given.</summary>
    public static MatrixReadOptions Default { get; } = new();

    /// <summary>
    /// The largest number of entries (rows times columns) a file may declare or contain. Readers check it before
    /// allocating, so a header that promises 10^16 entries is an error rather than an out-of-memory crash.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above <see cref="Array.MaxLength"/>.</exception>
    public long MaxEntries
    {
        get => maxEntries;
        init => maxEntries = value >= 1 && value <= Array.MaxLength
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxEntries), value, $"must be between 1 and {Array.MaxLength}");
    }

    /// <summary>
    /// The largest number of matrices a stack (a 3-D <c>.npy</c> array or the arrays of an <c>.npz</c> archive) may
    /// declare, checked with <see cref="MaxEntries"/> (which bounds their entries together) before allocating, so that
    /// a million 1 x 1 matrices cannot cost more in per-matrix overhead than their entries do.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxMatrices
    {
        get => maxMatrices;
        init => maxMatrices = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxMatrices), value, "must be at least 1");
    }

    /// <summary>
    /// Whether NaN and infinite entries are accepted. When <see langword="false"/> (the default) the first
    /// non-finite entry is reported as an error naming its row and column.
    /// </summary>
    public bool AllowNonFinite { get; init; }

    /// <summary>The longest line, in characters, that the text readers (<c>.csv</c>, <c>.mtx</c>) accept.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxLineLength
    {
        get => maxLineLength;
        init => maxLineLength = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxLineLength), value, "must be at least 1");
    }
}
