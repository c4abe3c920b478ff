using FluentAssertions;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies;
using SpectralSensitivity.Studies.Sampling;

namespace SpectralSensitivity.Tests.Studies;

public class StudyOptionsParsingTests
{
    [Theory]
    [InlineData("gaussian", "gaussian")]
    [InlineData("Uniform", "uniform")]
    [InlineData("beta:2,5", "beta:2,5")]
    [InlineData("beta:0.5,1e1", "beta:0.5,10")]
    public void Ensemble_names_round_trip(string text, string name) => Ensemble.Parse(text).Name.Should().Be(name);

    [Theory]
    [InlineData("cauchy")]
    [InlineData("beta:2")]
    [InlineData("beta:-1,2")]
    [InlineData("beta:0,2")]
    [InlineData("beta:a,b")]
    public void Bad_ensembles_are_refused(string text) =>
        FluentActions.Invoking(() => Ensemble.Parse(text)).Should().Throw<InvalidSpectralInputException>();

    [Fact]
    public void Index_selections_resolve_sorted_and_without_repeats()
    {
        StudyIndices.All.Resolve(4).Should().Equal(1, 2, 3, 4);
        StudyIndices.Of([5, 1, 1]).Resolve(6).Should().Equal(1, 5);
        StudyIndices.Of([5, 1]).ToString().Should().Be("1,5");
        FluentActions.Invoking(() => StudyIndices.Of([0, 2])).Should().Throw<InvalidSpectralInputException>();
        FluentActions.Invoking(() => StudyIndices.Of([1, 7]).Resolve(6)).Should().Throw<SpectralIndexOutOfRangeException>();
    }

    [Fact]
    public void Validation_names_parse_and_format_in_a_fixed_order()
    {
        var parsed = ValidationNames.Parse("extended-precision,hessian");
        parsed.Should().Be(StudyValidations.Hessian | StudyValidations.ExtendedPrecision);
        ValidationNames.Format(parsed).Should().Be("hessian,extended-precision");
        ValidationNames.Parse("").Should().Be(StudyValidations.None);
        FluentActions.Invoking(() => ValidationNames.Parse("hessian,autograd")).Should().Throw<InvalidSpectralInputException>().WithMessage("*autograd*");
    }
}
