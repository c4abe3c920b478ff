using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class MatrixMarketReaderTests
{
    private static Matrix<double> ReadMtx(string text, MatrixReadOptions? options = null) =>
        ReadHelpers.Read(text, MatrixFileFormat.MatrixMarket, "C.mtx", options);

    [Fact]
    public void Reads_a_general_array_in_column_major_order() =>
        ReadMtx("%%MatrixMarket matrix array real general\n% comment\n\n2 3\n1\n4\n2\n5\n3 6\n")
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([1, 2, 3], [4, 5, 6]));

    [Fact]
    public void Reads_symmetric_and_skew_symmetric_arrays_from_the_lower_triangle()
    {
        ReadMtx("%%MatrixMarket matrix array real symmetric\n3 3\n1\n2\n3\n4\n5\n6\n")
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([1, 2, 3], [2, 4, 5], [3, 5, 6]));
        ReadMtx("%%MatrixMarket matrix array real skew-symmetric\n3 3\n1\n2\n3\n")
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([0, -1, -2], [1, 0, -3], [2, 3, 0]));
    }

    [Fact]
    public void Reads_coordinate_entries_summing_duplicates() =>
        ReadMtx("%%MatrixMarket matrix coordinate real general\n%\n2 3 4\n1 1 1.5\n2 3 -2\n1 1 0.25\n  2 1 7e-3\n")
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([1.75, 0, 0], [7e-3, 0, -2]));

    [Fact]
    public void Reads_symmetric_integer_coordinates_case_insensitively() =>
        ReadMtx("%%MatrixMarket MATRIX Coordinate Integer Symmetric\n2 2 2\n1 1 3\n2 1 -4\n")
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([3, -4], [-4, 0]));

    [Fact]
    public void Reads_skew_symmetric_coordinates() =>
        ReadMtx("%%MatrixMarket matrix coordinate real skew-symmetric\n3 3 1\n3 1 2.5\n")
            .ShouldBeBitwiseEqualTo(TestMatrices.Of([0, 0, -2.5], [0, 0, 0], [2.5, 0, 0]));

    public static TheoryData<string, string, string[]> Malformed => new()
    {
        { "empty file", "", ["C.mtx", "empty", "banner"] },
        { "missing banner", "2 2\n1\n2\n3\n4\n", ["line 1", "missing the '%%MatrixMarket' banner"] },
        { "short banner", "%%MatrixMarket matrix array real\n", ["line 1", "banner has 4 words"] },
        { "complex field", "%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n", ["field 'complex' is not supported"] },
        { "pattern field", "%%MatrixMarket matrix coordinate pattern general\n1 1 1\n1 1\n", ["field 'pattern' is not supported"] },
        { "hermitian", "%%MatrixMarket matrix array real hermitian\n1 1\n1\n", ["symmetry 'hermitian' is not supported"] },
        { "vector object", "%%MatrixMarket vector array real general\n1\n", ["object 'vector' is not supported"] },
        { "unknown layout", "%%MatrixMarket matrix dense real general\n1 1\n1\n", ["format 'dense' is not supported"] },
        { "missing size line", "%%MatrixMarket matrix array real general\n% only comments\n", ["size line is missing"] },
        { "bad size line", "%%MatrixMarket matrix coordinate real general\n2 x 1\n", ["line 2, column 2", "size line must hold rows, columns and number of entries"] },
        { "huge declared size", "%%MatrixMarket matrix coordinate real general\n100000000 100000000 1\n1 1 1\n", ["line 2", "10000000000000000 entries", "limit of 134217728"] },
        { "non-square symmetric", "%%MatrixMarket matrix array real symmetric\n2 3\n", ["must be square", "2 x 3"] },
        { "too few array values", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n", ["expected 4 values for a 2 x 2 general array, found 3"] },
        { "too many array values", "%%MatrixMarket matrix array real general\n1 2\n1 2 3\n", ["line 3, column 3", "more values than the 2"] },
        { "row out of range", "%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n", ["line 3, column 1", "row index 3 is outside 1..2"] },
        { "zero index", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 0 1.0\n", ["line 3, column 2", "column index 0 is outside 1..2"] },
        { "bad index", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1.5 1 1.0\n", ["'1.5' is not a valid row index"] },
        { "fewer entries than declared", "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n2 2 2\n", ["declares 3 entries, found 2"] },
        { "more entries than declared", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n2 2 2\n", ["line 4", "more entries than the 1"] },
        { "missing value", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1\n", ["line 3", "expected 3 values (row, column, value), found 2"] },
        { "upper triangle in symmetric", "%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 2 1\n", ["entry (1, 2) is outside the lower triangle"] },
        { "diagonal in skew-symmetric", "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 1\n", ["entry (1, 1) is outside the strict lower triangle"] },
        { "text in numbers", "%%MatrixMarket matrix array real general\n1 1\nabc\n", ["line 3, column 1: 'abc' is not a number"] },
        { "fraction in integer file", "%%MatrixMarket matrix array integer general\n1 1\n1.5\n", ["'1.5' is not an integer"] },
        { "NaN entry", "%%MatrixMarket matrix array real general\n2 1\n1\nnan\n", ["line 4", "row 2, column 1 (1-based) is nan"] },
        { "duplicates overflowing", "%%MatrixMarket matrix coordinate real general\n1 1 2\n1 1 1e308\n1 1 1e308\n", ["row 1, column 1 (1-based) is inf"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_malformed_files_naming_the_problem(string what, string text, string[] fragments)
    {
        _ = what;
        new Func<Matrix<double>>(() => ReadMtx(text)).ShouldFailWith(fragments);
    }
}
