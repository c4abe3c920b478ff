using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;
using static SpectralSensitivity.Tests.IO.NpyBytes;

namespace SpectralSensitivity.Tests.IO;

public class NpyReaderTests
{
    private static readonly Matrix<double> TwoByThree = TestMatrices.Of([1.5, -2, 3], [4, 5e-300, -0.0]);

    private static Matrix<double> ReadNpy(byte[] bytes, MatrixReadOptions? options = null) =>
        ReadHelpers.Read(bytes, MatrixFileFormat.Npy, "A.npy", options);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reads_float64_little_endian_in_C_order_for_every_version(int major) =>
        ReadNpy(File(major, Dict("<f8", false, "(2, 3)"), Float64(false, 1.5, -2, 3, 4, 5e-300, -0.0)))
            .ShouldBeBitwiseEqualTo(TwoByThree);

    [Fact]
    public void Reads_Fortran_order_column_by_column() =>
        ReadNpy(File(1, Dict("<f8", true, "(2, 3)"), Float64(false, 1.5, 4, -2, 5e-300, 3, -0.0)))
            .ShouldBeBitwiseEqualTo(TwoByThree);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_big_endian_float64(bool fortranOrder)
    {
        var data = fortranOrder ? Float64(true, 1.5, 4, -2, 5e-300, 3, -0.0) : Float64(true, 1.5, -2, 3, 4, 5e-300, -0.0);
        ReadNpy(File(1, Dict(">f8", fortranOrder, "(2, 3)"), data)).ShouldBeBitwiseEqualTo(TwoByThree);
    }

    [Theory]
    [InlineData("<f4", false)]
    [InlineData(">f4", true)]
    public void Reads_float32_widened_exactly(string descr, bool bigEndian)
    {
        float[] values = [0.1f, -3.4028235e38f, 1.4e-45f, -0.0f];
        var matrix = ReadNpy(File(2, Dict(descr, false, "(2, 2)"), Float32(bigEndian, values)));
        matrix.ShouldBeBitwiseEqualTo(TestMatrices.Of([0.1f, -3.4028235e38f], [1.4e-45f, -0.0f]));
    }

    [Fact]
    public void Reads_a_1D_array_as_a_column() =>
        ReadNpy(File(1, Dict("<f8", false, "(3,)"), Float64(false, 1, 2, 3)))
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([1], [2], [3]));

    [Fact]
    public void Reads_a_version_3_header_with_UTF8_text_and_keys_in_any_order()
    {
        var dict = "{'shape': (1, 2), 'fortran_order': False, 'descr': '<f8', 'note': 'μ≈σ'}";
        ReadNpy(File(3, dict, Float64(false, 7, 8))).ShouldBeBitwiseEqualTo(TestMatrices.Of([7, 8]));
    }

    [Fact]
    public void Accepts_Python_2_long_integers_and_double_quotes_in_the_shape() =>
        ReadNpy(File(1, "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (1L, 1L)}", Float64(false, 9)))
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([9]));

    [Fact]
    public void Reads_files_written_by_NumPy_itself()
    {
        // numpy 1.24: np.save of np.arange(6.).reshape(2, 3) - 2.5 (version 1.0, '<f8', C order)
        ReadNpy(Convert.FromBase64String("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAEwAAAAAAAAPi/AAAAAAAA4L8AAAAAAADgPwAAAAAAAPg/AAAAAAAABEA="))
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([-2.5, -1.5, -0.5], [0.5, 1.5, 2.5]));

        // write_array(version=(2, 0)) of np.asfortranarray([[1.5, -2], [0.25, 8]], dtype='>f4')
        ReadNpy(Convert.FromBase64String("k05VTVBZAgB0AAAAeydkZXNjcic6ICc+ZjQnLCAnZm9ydHJhbl9vcmRlcic6IFRydWUsICdzaGFwZSc6ICgyLCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/wAAAPoAAAMAAAABBAAAA"))
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([1.5, -2], [0.25, 8]));

        // write_array(version=(3, 0)) of np.array([1, -0.0, 3], dtype='<f4'): a 1-D array, read as a column
        ReadNpy(Convert.FromBase64String("k05VTVBZAwB0AAAAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AAAAgAAAQEA="))
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([1], [-0.0], [3]));
    }

    public static TheoryData<string, byte[], string[]> Malformed => new()
    {
        { "empty file", [], ["A.npy", "empty"] },
        { "wrong magic", "PK\u0003\u0004 not numpy at all"u8.ToArray(), ["not an .npy file", "magic"] },
        { "truncated preamble", [0x93, (byte)'N', (byte)'U'], ["truncated preamble", "expected 8 bytes, found 3"] },
        { "unsupported version", [.. File(1, Dict("<f8", false, "(1, 1)"), Float64(false, 1)).Select((b, k) => k == 6 ? (byte)4 : b)], ["version 4.0", "not supported"] },
        { "truncated header", File(1, Dict("<f8", false, "(2, 2)"), [])[..30], ["truncated header", "found 20"] },
        { "truncated data", File(1, Dict("<f8", false, "(2, 2)"), Float64(false, 1, 2, 3)), ["truncated array data", "expected 32 bytes, found 24"] },
        { "trailing bytes", File(1, Dict("<f8", false, "(1, 1)"), Float64(false, 1, 2)), ["unexpected bytes after the 8 bytes of array data"] },
        { "3-D array", File(1, Dict("<f8", false, "(2, 2, 2)"), Float64(false, 1, 2, 3, 4, 5, 6, 7, 8)), ["3-dimensional", "(2, 2, 2)", "not supported"] },
        { "0-D array", File(1, Dict("<f8", false, "()"), Float64(false, 1)), ["0-dimensional", "not supported"] },
        { "float16 dtype", File(1, Dict("<f2", false, "(1, 1)"), [0, 60]), ["dtype '<f2' is not supported", "float64 ('<f8'", "bool ('|b1')"] },
        { "int64 beyond 2^53", File(1, Dict("<i8", false, "(1, 2)"), [.. BitConverter.GetBytes(1L), .. BitConverter.GetBytes((1L << 53) + 1)]), ["row 1, column 2", "cannot hold exactly"] },
        { "4-D array", File(1, Dict("<f8", false, "(1, 1, 1, 1)"), Float64(false, 1)), ["4-dimensional", "not supported"] },
        { "complex dtype", File(1, Dict("<c16", false, "(1, 1)"), new byte[16]), ["dtype '<c16' is not supported"] },
        { "structured dtype", File(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,)}", new byte[8]), ["structured dtypes are not supported"] },
        { "huge declared size", File(1, Dict("<f8", false, "(100000000, 100000000)"), []), ["declares", "10000000000000000 entries", "more than the limit of 134217728"] },
        { "negative dimension", File(1, Dict("<f8", false, "(-1, 2)"), []), ["non-negative integers"] },
        { "empty shape", File(1, Dict("<f8", false, "(0, 3)"), []), ["empty 0 x 3 matrix"] },
        { "missing key", File(1, "{'descr': '<f8', 'shape': (1, 1)}", Float64(false, 1)), ["no 'fortran_order' key"] },
        { "not a dict", File(1, "('<f8', False, (1, 1))", Float64(false, 1)), ["header is not a dict"] },
        { "bad literal", File(1, "{'descr': '<f8', 'fortran_order': Fals, 'shape': (1, 1)}", Float64(false, 1)), ["not a valid Python dict literal", "unknown name 'Fals'"] },
        { "NaN entry", File(1, Dict("<f8", false, "(1, 2)"), Float64(false, 1, double.NaN)), ["row 1, column 2 (1-based) is nan", "AllowNonFinite"] },
        { "infinite entry", File(1, Dict(">f4", true, "(2, 1)"), Float32(true, 1, float.NegativeInfinity)), ["row 2, column 1 (1-based) is -inf"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_malformed_files_naming_the_problem(string what, byte[] bytes, string[] fragments)
    {
        _ = what;
        new Func<Matrix<double>>(() => ReadNpy(bytes)).ShouldFailWith(fragments);
    }

    [Fact]
    public void Checks_the_declared_size_against_the_file_length_before_allocating()
    {
        var bytes = File(1, Dict("<f8", false, "(10000, 10000)"), Float64(false, 1));
        new Func<Matrix<double>>(() => ReadNpy(bytes)).ShouldFailWith("truncated array data", "expected 800000000 bytes, found 8");
    }

    [Fact]
    public void Reports_truncated_data_from_a_stream_that_cannot_seek()
    {
        var bytes = File(1, Dict("<f8", false, "(2, 2)"), Float64(false, 1, 2, 3));
        var read = () => MatrixFile.Read(new ForwardOnlyStream(bytes), MatrixFileFormat.Npy, null, "A.npy");
        read.ShouldFailWith("truncated array data", "expected 32 bytes, found 24");
    }

    [Fact]
    public void Accepts_non_finite_entries_when_the_options_allow_them()
    {
        var bytes = File(1, Dict("<f8", false, "(1, 2)"), Float64(false, double.PositiveInfinity, double.NaN));
        var matrix = ReadNpy(bytes, MatrixReadOptions.Default with { AllowNonFinite = true });
        matrix[0, 0].Should().Be(double.PositiveInfinity);
        double.IsNaN(matrix[0, 1]).Should().BeTrue();
    }

    [Fact]
    public void Respects_a_smaller_entry_limit()
    {
        var bytes = File(1, Dict("<f8", false, "(3, 3)"), Float64(false, new double[9]));
        new Func<Matrix<double>>(() => ReadNpy(bytes, MatrixReadOptions.Default with { MaxEntries = 8 }))
            .ShouldFailWith("3 x 3 = 9 entries", "limit of 8");
    }
}
