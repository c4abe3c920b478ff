using FluentAssertions;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Tests.Operators;

public class StreamingStoreTests
{
    [Fact]
    public void Copies_every_value_bit_for_bit_at_every_alignment_and_length_and_leaves_the_rest_untouched()
    {
        var random = new Random(7);
        for (var offset = 0; offset < 4; offset++)      // the four 8-byte positions inside a 32-byte line
        {
            for (var length = 0; length <= 41; length++)
            {
                var source = Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();
                if (length > 2)
                {
                    source[1] = -0.0;
                    source[2] = double.Epsilon;             // signed zero and a subnormal survive the copy
                }

                var destination = Enumerable.Repeat(double.NaN, length + 8).ToArray();
                StreamingStore.Copy(source, destination.AsSpan(offset, length + 4));
                StreamingStore.Fence();
                for (var i = 0; i < destination.Length; i++)
                {
                    var inside = i >= offset && i < offset + length;
                    if (inside)
                    {
                        BitConverter.DoubleToInt64Bits(destination[i]).Should().Be(BitConverter.DoubleToInt64Bits(source[i - offset]), $"offset {offset}, length {length}, entry {i}");
                    }
                    else
                    {
                        double.IsNaN(destination[i]).Should().BeTrue($"entry {i} is outside the copy (offset {offset}, length {length})");
                    }
                }
            }
        }
    }

    [Fact]
    public void A_destination_shorter_than_the_source_is_refused()
    {
        var act = () => StreamingStore.Copy(new double[5], new double[4]);
        act.Should().Throw<ArgumentException>();
    }
}
