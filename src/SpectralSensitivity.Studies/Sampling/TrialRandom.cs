namespace SpectralSensitivity.Studies.Sampling;

/// <summary>The random stream of one trial: xoshiro256** seeded by SplitMix64 from <c>(seed, trial)</c>.</summary>
/// <remarks>
/// <para>Every trial draws from its own stream, so a trial's matrices depend only on the study seed and the trial number,
/// never on which thread, process or machine computes it. The algorithms are fixed and documented (unlike
/// <see cref="System.Random"/>, whose algorithm is unspecified), so the same seed gives the same matrices in every
/// version of this library and can be reproduced elsewhere:</para>
/// <para>State: <c>x = seed ⊕ (trial · 0xD1B54A32D192ED03)</c>, then four SplitMix64 outputs of x
/// (Steele, Lea, Flood, OOPSLA 2014) fill the xoshiro256** state (Blackman, Vigna, ACM TOMS 47 (2021)).
/// Uniform: the top 53 bits of one output times 2⁻⁵³, in [0, 1). Normal: Marsaglia's polar method, the second value of a
/// pair kept for the next call. Gamma(a): Marsaglia–Tsang (ACM TOMS 26 (2000)), with <c>Gamma(a) = Gamma(a + 1) U^(1/a)</c>
/// for a &lt; 1. Beta(a, b) = X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b).</para>
/// <para>Cost: a few nanoseconds per draw; 32 bytes of state.</para>
/// </remarks>
public sealed class TrialRandom
{
    private const ulong TrialMultiplier = 0xD1B54A32D192ED03UL;
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>The stream of trial <paramref name="trial"/> of the study seeded by <paramref name="seed"/>.</summary>
    /// <param name="seed">The study seed.</param>
    /// <param name="trial">The 0-based trial number.</param>
    public TrialRandom(ulong seed, long trial)
    {
        var x = seed ^ unchecked((ulong)trial * TrialMultiplier);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A stream with the given xoshiro256** state (for checks against the reference implementation).</summary>
    internal static TrialRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        var random = new TrialRandom(0, 0);
        (random._s0, random._s1, random._s2, random._s3) = (s0, s1, s2, s3);
        return random;
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextBits()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;    // ** scrambler: rotl(s1 · 5, 7) · 9
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits times 2⁻⁵³.</summary>
    public double NextUniform() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Marsaglia's polar method).</summary>
    public double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        double x, y, r;
        do
        {
            x = 2 * NextUniform() - 1;
            y = 2 * NextUniform() - 1;
            r = x * x + y * y;
        }
        while (r >= 1 || r == 0);

        var factor = Math.Sqrt(-2 * Math.Log(r) / r);   // (x, y) √(−2 ln r / r) are two independent N(0, 1)
        _spareNormal = y * factor;
        return x * factor;
    }

    /// <summary>A Gamma(shape, 1) draw (Marsaglia–Tsang).</summary>
    /// <param name="shape">a &gt; 0.</param>
    public double NextGamma(double shape)
    {
        if (!(shape > 0) || double.IsInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "the Gamma shape must be positive and finite");
        }

        if (shape < 1)
        {
            var boosted = NextGamma(shape + 1);
            return boosted * Math.Pow(1 - NextUniform(), 1 / shape);    // Gamma(a) = Gamma(a + 1) U^(1/a), U in (0, 1]
        }

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - NextUniform();                                  // in (0, 1]
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))  // accept: ln u < x²/2 + d − dv + d ln v
            {
                return d * v;
            }
        }
    }

    /// <summary>A Beta(a, b) draw: X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    /// <param name="a">a &gt; 0.</param>
    /// <param name="b">b &gt; 0.</param>
    public double NextBeta(double a, double b)
    {
        while (true)
        {
            var x = NextGamma(a);
            var y = NextGamma(b);
            if (x + y > 0)  // both underflow only for tiny shapes: draw again rather than return 0/0
            {
                return x / (x + y);
            }
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
