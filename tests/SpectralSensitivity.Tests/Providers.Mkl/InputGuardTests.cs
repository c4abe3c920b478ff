using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Providers.Mkl.Errors;

namespace SpectralSensitivity.Tests.Providers.Mkl;

public sealed class InputGuardTests
{
    [Fact]
    public void Finite_arrays_pass_and_the_first_non_finite_entry_is_reported()
    {
        var finite = ArbMap.Default.GeneratorFor<NormalFloat>().Select(x => x.Get).ArrayOf();
        var cases = from data in finite
                    from position in Gen.Choose(0, Math.Max(0, data.Length - 1))
                    from bad in Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)
                    select (data, position, bad);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            InputGuard.Finite(c.data, c.data.Length, "dgemm", "a");
            if (c.data.Length == 0)
            {
                return;
            }

            var poisoned = (double[])c.data.Clone();
            poisoned[c.position] = c.bad;
            var act = () => InputGuard.Finite(poisoned, poisoned.Length, "dgemm", "a");
            act.Should().Throw<NonFiniteInputException>().Which.Index.Should().Be(c.position);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Only_the_checked_prefix_matters()
    {
        InputGuard.Finite([1, 2, double.NaN], 2, "dgemm", "a");
    }

    [Fact]
    public void Lengths_are_checked_exactly_or_as_a_minimum()
    {
        var exact = () => InputGuard.Length(new double[5], 4, "u");
        exact.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("u");
        InputGuard.Length(new double[5], 4, "a", exact: false);
        var nullArray = () => InputGuard.Length<double>(null, 4, "s");
        nullArray.Should().Throw<ArgumentNullException>();
    }
}
