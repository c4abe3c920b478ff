using FluentAssertions;

namespace SpectralSensitivity.Tests;

public sealed class ParallelismTests
{
    [Fact]
    public void Defaults_and_sequential()
    {
        Parallelism.Default.MaxDegree.Should().BeNull();
        Parallelism.Default.ToParallelOptions().MaxDegreeOfParallelism.Should().Be(-1);
        Parallelism.Sequential.MaxDegree.Should().Be(1);
        Parallelism.Sequential.ToParallelOptions().MaxDegreeOfParallelism.Should().Be(1);
        new Parallelism(4).Should().Be(new Parallelism(4));
        new Parallelism(4).ToString().Should().Be("threads: 4");
        Parallelism.Default.ToString().Should().Be("threads: default");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Fewer_than_one_thread_is_an_argument_error_however_it_is_set(int threads)
    {
        var constructed = () => new Parallelism(threads);
        constructed.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDegree");
        var copied = () => Parallelism.Default with { MaxDegree = threads };
        copied.Should().Throw<ArgumentOutOfRangeException>();
    }
}
