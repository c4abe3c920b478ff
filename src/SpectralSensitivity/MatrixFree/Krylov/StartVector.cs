namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Deterministic pseudo-random start and restart vectors (SplitMix64 of the entry index and a stream number).</summary>
/// <remarks>Independent of the matrix's scale and of the machine, so a run is reproducible bit for bit and exactly
/// homogeneous under power-of-two scaling of A. Entries uniform in (−1, 1).</remarks>
internal static class StartVector
{
    /// <summary>Fills <paramref name="x"/> with the stream <paramref name="stream"/>.</summary>
    public static void Fill(Span<double> x, int stream)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var z = unchecked(((ulong)i + 1) * 0x9E3779B97F4A7C15UL + ((ulong)stream * 0xD1B54A32D192ED03UL));
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            x[i] = ((z >> 11) * (1.0 / (1UL << 53)) * 2.0) - 1.0;   // 53 random bits mapped to (−1, 1)
        }
    }
}
