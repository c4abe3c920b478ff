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

    [Theory]
    [InlineData("all", 4, new[] { 1, 2, 3, 4 })]
    [InlineData("1,2,5", 6, new[] { 1, 2, 5 })]
    [InlineData("5,1,1", 6, new[] { 1, 5 })]
    [InlineData("1..3,6", 6, new[] { 1, 2, 3, 6 })]
    public void Index_selections_resolve(string text, int count, int[] expected) =>
        StudyIndices.Parse(text).Resolve(count).Should().Equal(expected);

    [Theory]
    [InlineData("0")]
    [InlineData("3..1")]
    [InlineData("x")]
    [InlineData("")]
    public void Bad_index_selections_are_refused(string text) =>
        FluentActions.Invoking(() => StudyIndices.Parse(text)).Should().Throw<InvalidSpectralInputException>();

    [Fact]
    public void An_index_past_min_m_n_is_refused_when_resolved() =>
        FluentActions.Invoking(() => StudyIndices.Parse("1,7").Resolve(6)).Should().Throw<SpectralIndexOutOfRangeException>();

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
