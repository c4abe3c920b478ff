using System.Numerics;
using FluentAssertions;
using SpectralSensitivity.Decomposition.Refinement;

namespace SpectralSensitivity.Tests.Decomposition.Refinement;

/// <summary>Double-double arithmetic against exact rational arithmetic in <see cref="BigInteger"/> fixed point (2⁻³⁰⁰ units).</summary>
public class DoubleDoubleTests
{
    private const int FractionBits = 300;

    /// <summary>2⁻¹⁰⁴: the double-double unit roundoff the operations are accurate to, up to small multiples.</summary>
    private static readonly double Unit = Math.ScaleB(1.0, -104);

    private static BigInteger Exact(double x) =>
        new BigInteger(Math.ScaleB(x, 200)) << (FractionBits - 200); // x·2³⁰⁰, exact while ulp(x) ≥ 2⁻²⁰⁰ (true for every operand here)

    private static BigInteger Exact(DoubleDouble x) => Exact(x.Hi) + Exact(x.Lo);

    private static double RelativeError(DoubleDouble computed, BigInteger exact) =>
        (double)BigInteger.Abs(Exact(computed) - exact) / (double)BigInteger.Abs(exact);

    private static IEnumerable<(DoubleDouble A, DoubleDouble B)> Operands(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            DoubleDouble Next()
            {
                var hi = (random.NextDouble() + 0.5) * (random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1.0, random.Next(-20, 20));
                var ulp = Math.BitIncrement(Math.Abs(hi)) - Math.Abs(hi);
                return new DoubleDouble(hi, (random.NextDouble() - 0.5) * ulp);   // |lo| < ulp(hi)/2: a normalized pair
            }

            yield return (Next(), Next());
        }
    }

    [Fact]
    public void Product_of_two_doubles_is_exact()
    {
        var random = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            var a = random.NextDouble() * Math.ScaleB(1.0, random.Next(-30, 30));
            var b = random.NextDouble() * Math.ScaleB(1.0, random.Next(-30, 30));
            var product = DoubleDouble.Product(a, b);
            (Exact(product) << FractionBits).Should().Be(Exact(a) * Exact(b), $"{a:R} × {b:R}");
        }
    }

    [Fact]
    public void Sum_difference_product_and_quotient_are_accurate_to_a_few_units_of_2_to_the_minus_104()
    {
        foreach (var (a, b) in Operands(2))
        {
            BigInteger ea = Exact(a), eb = Exact(b);
            RelativeError(a + b, ea + eb).Should().BeLessThan(4 * Unit, $"{a} + {b}");
            RelativeError(a - b, ea - eb).Should().BeLessThan(4 * Unit, $"{a} - {b}");
            RelativeError(a * b, (ea * eb) >> FractionBits).Should().BeLessThan(8 * Unit, $"{a} × {b}");
            RelativeError(a / b, (ea << FractionBits) / eb).Should().BeLessThan(8 * Unit, $"{a} / {b}");
            RelativeError(a * b.Hi, (ea * Exact(b.Hi)) >> FractionBits).Should().BeLessThan(8 * Unit, $"{a} × {b.Hi:R}");
        }
    }

    [Fact]
    public void Square_root_squares_back_to_its_argument()
    {
        foreach (var (a, _) in Operands(3))
        {
            var x = DoubleDouble.Abs(a);
            var root = DoubleDouble.Sqrt(x);
            var ex = Exact(x);
            RelativeError(root * root, ex).Should().BeLessThan(16 * Unit, $"√{x}");
        }

        DoubleDouble.Sqrt(0.0).Hi.Should().Be(0.0);
        double.IsNaN(DoubleDouble.Sqrt(-1.0).Hi).Should().BeTrue("the refinement never takes roots of negatives; a NaN would show it");
    }

    [Fact]
    public void Cancellation_keeps_the_trailing_digits_a_double_loses()
    {
        // (1 + 2⁻⁶⁰) − 1 is 0 in double and exactly 2⁻⁶⁰ in double-double.
        var sum = new DoubleDouble(1.0) + Math.ScaleB(1.0, -60);
        (sum - 1.0).ToDouble().Should().Be(Math.ScaleB(1.0, -60));
        (1.0 + Math.ScaleB(1.0, -60) - 1.0).Should().Be(0.0);
        (new DoubleDouble(1.0) / 3.0 * 3.0 - 1.0).ToDouble().Should().BeLessThan(1e-31);
        new DoubleDouble(2.0).CompareTo(new DoubleDouble(2.0, 1e-20)).Should().BeNegative();
    }
}
