using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;
using static SpectralSensitivity.Tests.IO.NpyBytes;

namespace SpectralSensitivity.Tests.IO;

/// <summary>3-D <c>.npy</c> arrays read as stacks over the first axis, and written back.</summary>
public class NpyStackTests
{
    /// <summary>Entry (s, i, j) of the fixture stacks.</summary>
    private static double Entry(int s, int i, int j) => (100 * s) + (10 * i) + j + 0.25;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_3D_array_is_a_stack_over_its_first_axis_in_either_memory_order(bool fortranOrder)
    {
        const int p = 3, m = 2, n = 4;
        var values = fortranOrder
            ? (from j in Enumerable.Range(0, n) from i in Enumerable.Range(0, m) from s in Enumerable.Range(0, p) select Entry(s, i, j))
            : (from s in Enumerable.Range(0, p) from i in Enumerable.Range(0, m) from j in Enumerable.Range(0, n) select Entry(s, i, j));
        var bytes = File(1, Dict("<f8", fortranOrder, $"({p}, {m}, {n})"), Float64(false, [.. values]));

        var stack = MatrixFile.ReadStack(new MemoryStream(bytes), MatrixFileFormat.Npy);

        stack.Should().HaveCount(p);
        for (var s = 0; s < p; s++)
        {
            stack[s].ShouldBeBitwiseEqualTo(Matrix<double>.Build.Dense(m, n, (i, j) => Entry(s, i, j)));
        }
    }

    [Fact]
    public void A_2D_array_and_a_text_file_are_stacks_of_one()
    {
        var matrix = TestMatrices.Of([1, 2], [3, 4]);
        MatrixFile.ReadStack(new MemoryStream(ReadHelpers.Write(matrix, MatrixFileFormat.Npy)), MatrixFileFormat.Npy).Single().ShouldBeBitwiseEqualTo(matrix);
        MatrixFile.ReadStack(new MemoryStream(ReadHelpers.Write(matrix, MatrixFileFormat.Csv)), MatrixFileFormat.Csv).Single().ShouldBeBitwiseEqualTo(matrix);
    }

    [Fact]
    public void Reading_one_matrix_from_a_3D_array_names_the_stack_reader()
    {
        var bytes = File(1, Dict("<f8", false, "(2, 1, 1)"), Float64(false, 1, 2));
        new Func<Matrix<double>>(() => ReadHelpers.Read(bytes, MatrixFileFormat.Npy, "S.npy")).ShouldFailWith("3-dimensional", "stack of 2 matrices", "MatrixFile.ReadStack");
    }

    [Theory]
    [InlineData("(0, 2, 2)", "stack of 0 matrices")]
    [InlineData("(2, 0, 2)", "empty")]
    [InlineData("(5, 1, 1)", "more than the limit of 4 (MatrixReadOptions.MaxMatrices)")]
    [InlineData("(2, 3, 3)", "2 matrices of 3 x 3 = 18 entries, more than the limit of 16")]
    public void Stack_limits_are_checked_before_allocating(string shape, string fragment)
    {
        var bytes = File(1, Dict("<f8", false, shape), Float64(false, 1));
        var options = MatrixReadOptions.Default with { MaxEntries = 16, MaxMatrices = 4 };
        var read = () => MatrixFile.ReadStack(new MemoryStream(bytes), MatrixFileFormat.Npy, options, "S.npy");
        read.Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain(fragment);
    }

    [Fact]
    public void A_non_finite_entry_is_located_by_matrix_row_and_column()
    {
        var bytes = File(1, Dict("<f8", false, "(2, 1, 2)"), Float64(false, 1, 2, 3, double.NaN));
        var read = () => MatrixFile.ReadStack(new MemoryStream(bytes), MatrixFileFormat.Npy, null, "S.npy");
        read.Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain("S.npy matrix 2").And.Contain("row 1, column 2");
    }

    [Theory]
    [InlineData(MatrixFileFormat.Npy)]
    [InlineData(MatrixFileFormat.Npz)]
    public void Written_stacks_read_back_bit_for_bit(MatrixFileFormat format)
    {
        IReadOnlyList<Matrix<double>> stack = [TestMatrices.Stressing(3, 2, 1), TestMatrices.Stressing(3, 2, 2), TestMatrices.Stressing(3, 2, 3)];
        var stream = new MemoryStream();
        MatrixFile.WriteStack(stream, stack, format);

        var back = MatrixFile.ReadStack(new MemoryStream(stream.ToArray()), format);

        back.Should().HaveCount(3);
        for (var s = 0; s < 3; s++)
        {
            back[s].ShouldBeBitwiseEqualTo(stack[s]);
        }
    }

    [Fact]
    public void A_3D_npy_stack_is_written_in_C_order_with_the_stack_index_first()
    {
        IReadOnlyList<Matrix<double>> stack = [Matrix<double>.Build.Dense(2, 3, (i, j) => Entry(0, i, j)), Matrix<double>.Build.Dense(2, 3, (i, j) => Entry(1, i, j))];
        var stream = new MemoryStream();
        MatrixFile.WriteStack(stream, stack, MatrixFileFormat.Npy);
        var expected = File(1, Dict("<f8", false, "(2, 2, 3)"), Float64(false, [.. from s in Enumerable.Range(0, 2) from i in Enumerable.Range(0, 2) from j in Enumerable.Range(0, 3) select Entry(s, i, j)]));

        stream.ToArray().Should().Equal(expected);
    }

    [Fact]
    public void Writing_an_empty_or_mixed_shape_npy_stack_or_a_stack_as_csv_is_refused()
    {
        var stream = new MemoryStream();
        FluentActions.Invoking(() => MatrixFile.WriteStack(stream, [], MatrixFileFormat.Npy)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => MatrixFile.WriteStack(stream, [TestMatrices.Of([1]), TestMatrices.Of([1, 2])], MatrixFileFormat.Npy)).Should().Throw<ArgumentException>().WithMessage("*one shape*");
        FluentActions.Invoking(() => MatrixFile.WriteStack(stream, [TestMatrices.Of([1])], MatrixFileFormat.Csv)).Should().Throw<ArgumentException>().WithMessage("*.npz*");
    }
}
