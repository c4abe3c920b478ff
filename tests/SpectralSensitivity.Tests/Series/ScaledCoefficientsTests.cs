using System.Numerics;
using FluentAssertions;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Tests.Series;

/// <summary>
/// <see cref="ScaledCoefficients"/> against exact rational arithmetic (BigInteger, rounded to nearest-even by hand, no floating
/// point): <c>D_j = 2^e · c′ · j!</c> is the product rounded once and then correctly rounded at the scale, so it is exactly
/// homogeneous where normal and within one subnormal step of the exact value where subnormal.
/// </summary>
public class ScaledCoefficientsTests
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    [Fact]
    public void Derivatives_are_the_scaled_product_correctly_rounded_across_the_subnormal_range()
    {
        var random = new Random(2026);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var order = random.Next(1, 23);                                                   // j! exact in double up to 22!
            var scaled = (random.Next(2) == 0 ? -1 : 1) * (1 + random.NextDouble()) * Math.ScaleB(1, random.Next(-60, 61));
            var target = random.Next(-1100, -990);                                            // where D lands: subnormal, or normal just above
            var exponent = target - Math.ILogB(scaled) - (int)BigInteger.Log(Factorial(order), 2);
            var actual = ScaledCoefficients.Derivative(scaled, exponent, order);

            var product = scaled * (double)Factorial(order);                                  // rounded once, in scaled units (normal)
            actual.Should().Be(Round(Exact(product), exponent), "2^{0} fl(c′ j!) correctly rounded, c′ = {1:R}, j = {2}", exponent, scaled, order);
            var exact = Round(Exact(scaled) * Factorial(order), exponent);                    // c′ j! 2^e rounded once
            if (Math.Abs(exact) >= SmallestNormal)
            {
                actual.Should().Be(exact, "a normal derivative is the exact product rounded once");
            }
            else
            {
                Math.Abs(actual - exact).Should().BeLessThanOrEqualTo(double.Epsilon, "a subnormal one is within one step of it");
            }
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(100)]
    public void A_derivative_is_exactly_homogeneous_where_normal_even_where_its_coefficient_is_subnormal(int order)
    {
        var scaled = -1.2345678901234567;
        var unscaled = ScaledCoefficients.Derivative(scaled, 0, order);
        unscaled.Should().Be(scaled * Factorials(order), "at order one the derivative is fl(c′ · j!) as before");
        var shift = -1021 - Math.ILogB(unscaled);                                                // D just above the smallest normal number
        var coefficients = new ScaledCoefficients(Pad(scaled, order), Exponents(order, shift));
        var coefficient = coefficients.Coefficients()[order];
        coefficient.Should().Be(Math.ScaleB(scaled, shift));
        Math.Abs(coefficient).Should().BeLessThan(SmallestNormal, "c_j = D_j / j! is subnormal or 0");
        coefficients.Derivatives()[order - 1].Should().Be(Math.ScaleB(unscaled, shift), "D_j is 2^s times the unscaled one, bit for bit");
    }

    [Fact]
    public void A_scaled_coefficient_far_from_one_neither_overflows_in_the_product_nor_loses_bits()
    {
        var exact = Round(Exact(1e300) * Factorial(100), -1500);                                  // 1e300 · 100! ≈ 9e457 would overflow
        double.IsNormal(exact).Should().BeTrue();
        ScaledCoefficients.Derivative(1e300, -1500, 100).Should().BeApproximately(exact, 1e-13 * exact, "100! is a chain of 99 roundings");
        ScaledCoefficients.Derivative(double.Epsilon, 1100, 3).Should().Be(6 * Math.ScaleB(1, 26), "2^-1074 · 3! · 2^1100 is exact");
        double.IsNegative(ScaledCoefficients.Derivative(-0.0, 5, 3)).Should().BeTrue("−0 stays −0");
    }

    [Fact]
    public void A_derivative_beyond_the_range_is_refused_naming_its_order_while_its_coefficient_is_representable()
    {
        var coefficients = new ScaledCoefficients([1, 1, 0, 1.5, 1], [0, 0, 0, 1022, 0]);   // c₃ = 1.5 · 2^1022, D₃ = 9 · 2^1022
        coefficients.Coefficients()[3].Should().Be(1.5 * Math.ScaleB(1, 1022));
        var derivatives = () => coefficients.Derivatives();
        derivatives.Should().Throw<ResultOutOfRangeException>().Where(e => e.Order == 3 && e.Message.Contains("derivative of order 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Coefficients_are_correctly_rounded_where_subnormal_and_refused_beyond_the_range()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 5_000; trial++)
        {
            var scaled = (1 + random.NextDouble()) * Math.ScaleB(1, random.Next(-900, 900));
            var exponent = random.Next(-1100, -1020) - Math.ILogB(scaled);
            new ScaledCoefficients([scaled], [exponent]).Coefficients()[0].Should().Be(Round(Exact(scaled), exponent));
        }

        var beyond = () => new ScaledCoefficients([1, 1.5], [0, 1024]).Coefficients();                 // 1.5 · 2^1024
        beyond.Should().Throw<ResultOutOfRangeException>().Which.Order.Should().Be(1);
    }

    private static double[] Pad(double last, int order) => [.. Enumerable.Repeat(1.0, order), last];

    private static int[] Exponents(int order, int last) => [.. Enumerable.Repeat(0, order), last];

    /// <summary>fl(j!) as a chain of double products, the factorial the library uses.</summary>
    private static double Factorials(int order) => Enumerable.Range(1, order).Aggregate(1.0, (f, j) => f * j);

    private static BigInteger Factorial(int order) => Enumerable.Range(1, order).Aggregate(BigInteger.One, (f, j) => f * j);

    /// <summary>A finite double as an exact <c>n · 2^x</c>, n an integer of at most 53 bits.</summary>
    private static Rational Exact(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & ((1L << 52) - 1);
        var mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        var exponent = biased == 0 ? -1074 : biased - 1075;
        return new Rational(x < 0 ? -mantissa : mantissa, exponent);
    }

    /// <summary><c>n · 2^(x + shift)</c> rounded to the nearest double, ties to even, by integer arithmetic only.</summary>
    private static double Round(Rational value, int shift)
    {
        var (n, x) = (value.Numerator, value.Exponent + shift);
        if (n.IsZero)
        {
            return 0;
        }

        var magnitude = BigInteger.Abs(n);
        var length = (int)magnitude.GetBitLength();
        var top = length - 1 + x;                                                              // the value is in [2^top, 2^(top + 1))
        var precision = top >= -1022 ? 53 : 53 - (-1022 - top);                                // fewer bits below the normal range
        var drop = length - precision;
        if (drop > 0)
        {
            var kept = magnitude >> drop;
            var rest = magnitude - (kept << drop);
            var half = BigInteger.One << (drop - 1);
            if (rest > half || (rest == half && !kept.IsEven))
            {
                kept += 1;
            }

            (magnitude, x) = (kept, x + drop);
        }

        var result = Math.ScaleB((double)magnitude, x);                                        // exact: at most 53 bits at a representable scale
        return n.Sign < 0 ? -result : result;
    }

    private readonly record struct Rational(BigInteger Numerator, int Exponent)
    {
        public static Rational operator *(Rational a, BigInteger b) => new(a.Numerator * b, a.Exponent);
    }
}
