using System.Buffers.Binary;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;
using static SpectralSensitivity.Tests.IO.NpyBytes;

namespace SpectralSensitivity.Tests.IO;

/// <summary>Integer and bool <c>.npy</c> arrays are widened to double exactly, or refused when that is impossible.</summary>
public class NpyWideningTests
{
    public static TheoryData<string, int> IntegerTypes => new()
    {
        { "|i1", 1 }, { "<i2", 2 }, { ">i2", 2 }, { "<i4", 4 }, { ">i4", 4 }, { "<i8", 8 }, { ">i8", 8 },
        { "|u1", 1 }, { "<u2", 2 }, { ">u2", 2 }, { "<u4", 4 }, { ">u4", 4 }, { "<u8", 8 }, { ">u8", 8 },
    };

    [Theory]
    [MemberData(nameof(IntegerTypes))]
    public void Every_integer_type_widens_its_extreme_and_small_values_exactly(string descr, int size)
    {
        var signed = descr[1] == 'i';
        var big = descr[0] == '>';
        var bits = (8 * size) - (signed ? 1 : 0);
        var max = size == 8 ? (signed ? 1L << 62 : 1L << 53) : (1L << bits) - 1;   // exactly representable extremes
        var min = signed ? (size == 8 ? long.MinValue : -(1L << bits)) : 0;
        long[] values = [min, -1 * (signed ? 1 : 0), 0, 1, 7, max];
        var data = values.SelectMany(v => Encode(v, size, big)).ToArray();

        var matrix = ReadHelpers.Read(File(1, Dict(descr, false, "(2, 3)"), data), MatrixFileFormat.Npy, "A.npy");

        matrix.ShouldBeBitwiseEqualTo(TestMatrices.Of(values[..3].Select(v => (double)v).ToArray(), values[3..].Select(v => (double)v).ToArray()));
    }

    [Fact]
    public void Bools_are_zero_and_one_and_any_nonzero_byte_is_true()
    {
        var matrix = ReadHelpers.Read(File(1, Dict("|b1", true, "(2, 2)"), [0, 1, 2, 255]), MatrixFileFormat.Npy, "M.npy");
        matrix.ShouldBeBitwiseEqualTo(TestMatrices.Of([0, 1], [1, 1]));
    }

    [Theory]
    [InlineData("<i8", 9007199254740993L, false)]     // 2^53 + 1: rounds
    [InlineData("<i8", -9007199254740993L, false)]
    [InlineData("<i8", 9007199254740992L, true)]      // 2^53
    [InlineData("<i8", 1152921504606846976L, true)]   // 2^60: one significant bit
    [InlineData("<i8", long.MaxValue, false)]
    [InlineData("<u8", -1L, false)]                   // 2^64 - 1
    public void An_8_byte_integer_is_read_only_when_a_double_holds_it_exactly(string descr, long raw, bool exact)
    {
        var bytes = File(1, Dict(descr, false, "(1,)"), BitConverter.GetBytes(raw));
        var read = () => ReadHelpers.Read(bytes, MatrixFileFormat.Npy, "A.npy");
        if (exact)
        {
            read().At(0, 0).Should().Be(raw);
        }
        else
        {
            read.ShouldFailWith("row 1, column 1", "cannot hold exactly");
        }
    }

    private static byte[] Encode(long value, int size, bool big)
    {
        var bytes = new byte[8];
        if (big)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes, value);
            return bytes[(8 - size)..];
        }

        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes[..size];
    }
}
