namespace SpectralSensitivity.Operators;

/// <summary>
/// <c>(x; y) ↦ (U α; V β)</c> with <c>α_i = d_i a_i + c_i b_i</c>, <c>β_i = c_i a_i + d_i b_i</c>, <c>a = Uᵀx</c>, <c>b = Vᵀy</c>:
/// an operator that is block-diagonal in the singular pairs <c>(u_i, v_i)</c>, applied in one pass over U and V.
/// </summary>
/// <remarks>
/// Pair i needs only <c>a_i</c> and <c>b_i</c>, so the sweep takes the columns one at a time: two dot products, then two
/// axpys while <c>u_i</c> and <c>v_i</c> are still in cache. Each column is read from memory once instead of twice (once for
/// <c>Uᵀx</c>, once for <c>U α</c>); the operation is memory-bound, so that is about 40 % of its time at 2000 × 1000. Large problems split the pairs across cores, each core accumulating into its own vector.
/// </remarks>
internal static class PairedColumnSweep
{
    /// <summary>The per-core accumulators for <see cref="Apply"/>: none when the sweep is too small to split.</summary>
    /// <param name="dimension">m + n.</param>
    /// <param name="pairs">The number r of singular pairs.</param>
    public static double[][] CreatePartials(int dimension, int pairs)
    {
        var parts = ColumnKernels.Parts(dimension, pairs);
        if (parts == 1)
        {
            return [];
        }

        var partials = new double[parts][];
        for (var part = 0; part < parts; part++)
        {
            partials[part] = new double[dimension];
        }

        return partials;
    }

    /// <summary>Writes <c>(U α; V β)</c> into <paramref name="result"/> (length m + n).</summary>
    /// <param name="left">U, column-major m × r.</param>
    /// <param name="m">Rows of U.</param>
    /// <param name="right">V, column-major n × r.</param>
    /// <param name="n">Rows of V.</param>
    /// <param name="diagonal">d: the weight of <c>a_i</c> in <c>α_i</c> and of <c>b_i</c> in <c>β_i</c>.</param>
    /// <param name="cross">c: the weight of <c>b_i</c> in <c>α_i</c> and of <c>a_i</c> in <c>β_i</c>.</param>
    /// <param name="source"><c>(x; y)</c>, length m + n.</param>
    /// <param name="result">Receives the image; must not overlap <paramref name="source"/>.</param>
    /// <param name="partials">From <see cref="CreatePartials"/> for the same sizes.</param>
    public static void Apply(
        double[] left, int m, double[] right, int n, double[] diagonal, double[] cross, double[] source, double[] result, double[][] partials)
    {
        var pairs = diagonal.Length;
        if (partials.Length == 0)
        {
            Sweep(left, m, right, n, diagonal, cross, source, 0, pairs, result);
            return;
        }

        Parallel.For(0, partials.Length, SpectralParallelism.Options(), part =>
        {
            var (first, end) = ColumnKernels.Range(pairs, partials.Length, part);
            Sweep(left, m, right, n, diagonal, cross, source, first, end, partials[part]);
        });
        partials[0].CopyTo(result, 0);
        for (var part = 1; part < partials.Length; part++)
        {
            ColumnKernels.Axpy(1.0, partials[part], result);
        }
    }

    private static void Sweep(
        double[] left, int m, double[] right, int n, double[] diagonal, double[] cross, double[] source, int first, int end, Span<double> accumulator)
    {
        accumulator.Clear();
        var x = source.AsSpan(0, m);
        var y = source.AsSpan(m, n);
        var top = accumulator[..m];
        var bottom = accumulator[m..];
        for (var i = first; i < end; i++)
        {
            var u = left.AsSpan(i * m, m);
            var v = right.AsSpan(i * n, n);
            var a = ColumnKernels.Dot(u, x);                              // a_i = u_iᵀx
            var b = ColumnKernels.Dot(v, y);                              // b_i = v_iᵀy
            ColumnKernels.Axpy((diagonal[i] * a) + (cross[i] * b), u, top);    // + α_i u_i, u_i still in cache
            ColumnKernels.Axpy((cross[i] * a) + (diagonal[i] * b), v, bottom); // + β_i v_i
        }
    }
}
