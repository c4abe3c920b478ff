namespace SpectralSensitivity.Decomposition.Refinement;

/// <summary>A double-double number <c>Hi + Lo</c> with <c>|Lo| ≤ ulp(Hi)/2</c>: about 31 significant digits, unit roundoff
/// about <c>2⁻¹⁰⁴ ≈ 4.9e-32</c>, the exponent range of a double.</summary>
/// <remarks>
/// <para>Built on two error-free transformations: Knuth's TwoSum (<c>s + e = a + b</c> exactly) and the FMA product
/// (<c>p + e = a·b</c> exactly, <c>e = fma(a, b, −p)</c>). Addition is the accurate (IEEE-style) variant, error at most
/// about <c>2u²</c> relative; multiplication, division and square root are accurate to a few units of <c>u² = 2⁻¹⁰⁶</c>.
/// References: Dekker, Numer. Math. 18 (1971); Knuth, TAOCP vol. 2 §4.2.2; Hida, Li, Bailey, "Algorithms for quad-double
/// precision floating point arithmetic", ARITH-15 (2001), §3–4.</para>
/// <para>Used only by the SVD refinement, where the residuals of a double-precision SVD must be resolved below double
/// rounding. Overflow is the caller's concern: the refinement scales its matrix to norm about one first.</para>
/// </remarks>
internal readonly struct DoubleDouble : IComparable<DoubleDouble>
{
    /// <summary>Creates <c>hi + lo</c>; the pair must already be normalized (<c>|lo| ≤ ulp(hi)/2</c>).</summary>
    public DoubleDouble(double hi, double lo = 0.0)
    {
        Hi = hi;
        Lo = lo;
    }

    /// <summary>The leading double: the value rounded to double precision.</summary>
    public double Hi { get; }

    /// <summary>The trailing correction.</summary>
    public double Lo { get; }

    public static implicit operator DoubleDouble(double value) => new(value);

    /// <summary>The exact product of two doubles, <c>a·b = p + e</c> with <c>e = fma(a, b, −p)</c>.</summary>
    public static DoubleDouble Product(double a, double b)
    {
        var p = a * b;
        return new DoubleDouble(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s, e) = TwoSum(a.Hi, b.Hi);   // leading parts, exactly
        var (t, f) = TwoSum(a.Lo, b.Lo);   // trailing parts, exactly
        e += t;
        (s, e) = QuickTwoSum(s, e);
        e += f;
        (s, e) = QuickTwoSum(s, e);
        return new DoubleDouble(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p = a.Hi * b.Hi;
        var e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);       // a.Hi·b.Hi = p + e exactly
        e += (a.Hi * b.Lo) + (a.Lo * b.Hi);                   // the cross terms; a.Lo·b.Lo is below u²
        (p, e) = QuickTwoSum(p, e);
        return new DoubleDouble(p, e);
    }

    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        var p = a.Hi * b;
        var e = Math.FusedMultiplyAdd(a.Hi, b, -p);
        e += a.Lo * b;
        (p, e) = QuickTwoSum(p, e);
        return new DoubleDouble(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        // Long division with three double quotient digits, each from the remainder's leading part.
        var q1 = a.Hi / b.Hi;
        var remainder = a - (b * q1);
        var q2 = remainder.Hi / b.Hi;
        remainder -= b * q2;
        var q3 = remainder.Hi / b.Hi;
        var (hi, lo) = QuickTwoSum(q1, q2);
        return new DoubleDouble(hi, lo) + q3;
    }

    public static bool operator <(DoubleDouble a, DoubleDouble b) => a.CompareTo(b) < 0;

    public static bool operator >(DoubleDouble a, DoubleDouble b) => a.CompareTo(b) > 0;

    public static bool operator <=(DoubleDouble a, DoubleDouble b) => a.CompareTo(b) <= 0;

    public static bool operator >=(DoubleDouble a, DoubleDouble b) => a.CompareTo(b) >= 0;

    /// <summary><c>√a</c> for <c>a ≥ 0</c>: the double root <c>x</c> plus one Newton correction <c>(a − x²)/(2x)</c>.</summary>
    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (a.Hi <= 0.0)
        {
            return a.Hi == 0.0 ? default : new DoubleDouble(double.NaN);
        }

        var x = Math.Sqrt(a.Hi);
        var residual = a - Product(x, x);                      // a − x², exact product
        var (hi, lo) = TwoSum(x, residual.Hi / (2.0 * x));
        return new DoubleDouble(hi, lo);
    }

    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0.0 ? -a : a;

    /// <summary>The value rounded to double.</summary>
    public double ToDouble() => Hi + Lo;

    public int CompareTo(DoubleDouble other) => Hi != other.Hi ? Hi.CompareTo(other.Hi) : Lo.CompareTo(other.Lo);

    public override string ToString() => $"{Hi:R} + {Lo:R}";

    /// <summary>Knuth's TwoSum: <c>s = fl(a + b)</c> and <c>e</c> with <c>s + e = a + b</c> exactly, for any a, b.</summary>
    private static (double S, double E) TwoSum(double a, double b)
    {
        var s = a + b;
        var bVirtual = s - a;
        var e = (a - (s - bVirtual)) + (b - bVirtual);
        return (s, e);
    }

    /// <summary>Dekker's FastTwoSum, exact when <c>|a| ≥ |b|</c> (or a = 0).</summary>
    private static (double S, double E) QuickTwoSum(double a, double b)
    {
        var s = a + b;
        return (s, b - (s - a));
    }
}
