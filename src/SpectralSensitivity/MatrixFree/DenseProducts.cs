namespace SpectralSensitivity.MatrixFree;

/// <summary><c>A X</c> and <c>Aᵀ Y</c> for a column-major m × n matrix, cut into a fixed grid of tiles that run in parallel.</summary>
/// <remarks>
/// <para>The outputs are cut into blocks (<see cref="RowsPerBlock"/> rows of <c>A x</c>, <see cref="ColumnsPerBlock"/>
/// entries of <c>Aᵀ y</c>); when there are fewer than <see cref="MinimumTiles"/> blocks, the summation index is cut into
/// parts of at least <see cref="MinimumPartLength"/> as well, each part summed into its own buffer and the parts added in
/// increasing order: <c>y = ((p_0 + p_1) + p_2) + …</c>. The grid depends only on m and n, never on the number of cores,
/// so the result is bit-identical on any core count and thread setting (<see cref="SpectralParallelism"/>). Tiles run
/// through <see cref="RowBlocks.RunParts"/>; the inner loops are <see cref="DenseTileKernels"/>.</para>
/// <para>Cost: <c>m n b</c> multiply-adds for b vectors, the matrix read from memory once per call; plus
/// <c>(parts − 1) × output × b</c> additions when the summation index is cut.</para>
/// </remarks>
internal static class DenseProducts
{
    /// <summary>Rows of <c>A x</c> per output block: 32 KB of output, which stays in cache while eight columns stream past it
    /// (longer column runs stream faster: 2048 rows took about 20 % longer per product on one core).</summary>
    public const int RowsPerBlock = 4096;

    /// <summary>Entries of <c>Aᵀ y</c> per output block.</summary>
    public const int ColumnsPerBlock = 256;

    /// <summary>Below this many output blocks the summation index is cut too.</summary>
    public const int MinimumTiles = 8;

    /// <summary>The shortest part of the summation index.</summary>
    public const int MinimumPartLength = 1024;

    /// <summary>The tile grid for <paramref name="outputs"/> outputs in blocks of <paramref name="blockSize"/>, each a sum over <paramref name="length"/> terms.</summary>
    public static (int Blocks, int Parts) Grid(int outputs, int blockSize, int length)
    {
        var blocks = (outputs + blockSize - 1) / blockSize;
        var parts = blocks >= MinimumTiles ? 1 : Math.Clamp((MinimumTiles + blocks - 1) / blocks, 1, Math.Max(1, length / MinimumPartLength));
        return (blocks, parts);
    }

    /// <summary><c>Y ← A X</c>: X is n × count, Y is m × count, both column-major.</summary>
    public static void Multiply(double[] a, int m, int n, double[] x, double[] y, int count)
    {
        var (blocks, parts) = Grid(m, RowsPerBlock, n);
        var buffers = PartBuffers(y, parts, m * count);
        RowBlocks.RunParts(blocks * parts, (long)m * n * count, tile =>
        {
            var (block, part) = (tile / parts, tile % parts);
            var (first, end) = (block * RowsPerBlock, Math.Min(m, (block + 1) * RowsPerBlock));
            DenseTileKernels.Multiply(a, m, n, first, end, Cut(n, parts, part), Cut(n, parts, part + 1), x, buffers[part], count);
        });
        AddParts(buffers);
    }

    /// <summary><c>X ← Aᵀ Y</c>: Y is m × count, X is n × count, both column-major.</summary>
    public static void TransposeMultiply(double[] a, int m, int n, double[] y, double[] x, int count)
    {
        var (blocks, parts) = Grid(n, ColumnsPerBlock, m);
        var buffers = PartBuffers(x, parts, n * count);
        RowBlocks.RunParts(blocks * parts, (long)m * n * count, tile =>
        {
            var (block, part) = (tile / parts, tile % parts);
            var (first, end) = (block * ColumnsPerBlock, Math.Min(n, (block + 1) * ColumnsPerBlock));
            DenseTileKernels.TransposeMultiply(a, m, n, Cut(m, parts, part), Cut(m, parts, part + 1), first, end, y, buffers[part], count);
        });
        AddParts(buffers);
    }

    /// <summary>Columns of A per block of <see cref="OuterGram"/>: 32 columns of 4000 rows are 1 MB, read from memory by <c>Aᵀ x</c> and again from
    /// cache by <c>A t</c>.</summary>
    public const int GramColumnsPerBlock = 32;

    /// <summary><c>y ← A (Aᵀ x)</c> in one pass over A: <c>y = Σ_J A_J (A_Jᵀ x)</c> over blocks J of <see cref="GramColumnsPerBlock"/> columns.</summary>
    /// <remarks>The blocks are cut into at most <see cref="MinimumTiles"/> parts fixed by n; each part sums its blocks' <c>A_J t_J</c> in increasing
    /// J into its own buffer, and the parts are added in increasing order, so the result does not depend on the number of cores. Each block is
    /// read from memory once (by <c>A_Jᵀ x</c>) and from cache by <c>A_J t_J</c>. Cost: <c>2 m n</c> multiply-adds, A read from memory once;
    /// memory <c>(m + n)</c> doubles per part.</remarks>
    public static void OuterGram(double[] a, int m, int n, double[] x, double[] y)
    {
        var blocks = (n + GramColumnsPerBlock - 1) / GramColumnsPerBlock;
        var parts = Math.Min(blocks, MinimumTiles);
        var buffers = PartBuffers(y, parts, m);
        RowBlocks.RunParts(parts, 2L * m * n, part =>
        {
            var (sum, t, piece) = (buffers[part], new double[n], new double[m]);
            Array.Clear(sum);
            for (var block = Cut(blocks, parts, part); block < Cut(blocks, parts, part + 1); block++)
            {
                var (first, end) = (block * GramColumnsPerBlock, Math.Min(n, (block + 1) * GramColumnsPerBlock));
                DenseTileKernels.TransposeMultiply(a, m, n, 0, m, first, end, x, t, 1);                   // t_J = A_Jᵀ x
                DenseTileKernels.Multiply(a, m, n, 0, m, first, end, t, piece, 1);                         // A_J t_J
                VectorMath.Axpy(1.0, piece, sum);                                                          // sum += A_J t_J, in increasing J
            }
        });
        AddParts(buffers);
    }

    /// <summary>The start of part <paramref name="part"/> of <paramref name="parts"/> of <c>0..length−1</c> (the end of the last part when <c>part = parts</c>).</summary>
    private static int Cut(int length, int parts, int part) => (int)((long)length * part / parts);

    /// <summary>One buffer per part: the destination itself for part 0, new arrays for the others.</summary>
    private static double[][] PartBuffers(double[] destination, int parts, int length)
    {
        var buffers = new double[parts][];
        buffers[0] = destination;
        for (var part = 1; part < parts; part++)
        {
            buffers[part] = new double[length];
        }

        return buffers;
    }

    /// <summary><c>p_0 ← ((p_0 + p_1) + p_2) + …</c>, entry by entry in increasing part order.</summary>
    private static void AddParts(double[][] buffers)
    {
        var sum = buffers[0].AsSpan();
        for (var part = 1; part < buffers.Length; part++)
        {
            VectorMath.Axpy(1.0, buffers[part], sum);                        // 1·p exactly, so this is p_0 + p
        }
    }
}
