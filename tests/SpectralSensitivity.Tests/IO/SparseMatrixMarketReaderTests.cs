using System.Text;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class SparseMatrixMarketReaderTests
{
    private static Stream Text(string content) => new MemoryStream(Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Coordinate_file_reads_into_the_same_matrix_as_the_dense_reader()
    {
        const string file = "%%MatrixMarket matrix coordinate real general\n% comment\n4 3 5\n1 1 2.5\n4 3 -1\n2 2 0.5\n2 2 0.25\n3 1 7e-3\n";
        var sparse = MatrixMarketReader.ReadSparse(Text(file), "s.mtx", MatrixReadOptions.Default);
        var dense = MatrixMarketReader.Read(Text(file), "s.mtx", MatrixReadOptions.Default);
        sparse.NonZeroCount.Should().Be(4, "the duplicate (2,2) is summed into one entry");
        var x = new[] { 1.0, -2.0, 3.0 };
        var y = new double[4];
        sparse.Multiply(x, y);
        y.Should().Equal((dense * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(x)).ToArray());
    }

    [Fact]
    public void Symmetric_and_skew_symmetric_files_are_expanded_to_both_triangles()
    {
        foreach (var symmetry in new[] { "symmetric", "skew-symmetric" })
        {
            var file = $"%%MatrixMarket matrix coordinate real {symmetry}\n3 3 2\n2 1 4\n3 2 -1.5\n";
            var sparse = MatrixMarketReader.ReadSparse(Text(file), "s.mtx", MatrixReadOptions.Default);
            var dense = MatrixMarketReader.Read(Text(file), "s.mtx", MatrixReadOptions.Default);
            var y = new double[3];
            for (var j = 0; j < 3; j++)
            {
                var e = new double[3];
                e[j] = 1;
                sparse.Multiply(e, y);
                y.Should().Equal(dense.Column(j).ToArray(), "column {0} of the {1} file", j, symmetry);
            }
        }
    }

    [Fact]
    public void The_entry_limit_counts_stored_entries_not_rows_times_columns()
    {
        const string file = "%%MatrixMarket matrix coordinate real general\n100000 90000 2\n1 1 1\n100000 90000 2\n";
        var options = MatrixReadOptions.Default with { MaxEntries = 10 };
        var sparse = MatrixMarketReader.ReadSparse(Text(file), "big.mtx", options);
        (sparse.RowCount, sparse.ColumnCount, sparse.NonZeroCount).Should().Be((100000, 90000, 2));
        var dense = () => MatrixMarketReader.Read(Text(file), "big.mtx", options);
        dense.Should().Throw<MatrixFileFormatException>();
        var tooMany = () => MatrixMarketReader.ReadSparse(Text("%%MatrixMarket matrix coordinate real general\n3 3 11\n"), "m.mtx", options);
        tooMany.Should().Throw<MatrixFileFormatException>().WithMessage("*11 stored entries*");
    }
}
