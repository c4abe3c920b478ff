namespace SpectralSensitivity.Decomposition.Refinement;

/// <summary>Column operations in double-double arithmetic on column-major storage, for the SVD refinement.</summary>
internal static class DoubleDoubleColumns
{
    /// <summary><c>Σ x_i y_i</c> in double-double.</summary>
    public static DoubleDouble Dot(ReadOnlySpan<DoubleDouble> x, ReadOnlySpan<DoubleDouble> y)
    {
        DoubleDouble sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary><c>Σ x_i y_i</c> in double-double for a double x (a column of the input matrix).</summary>
    public static DoubleDouble Dot(ReadOnlySpan<double> x, ReadOnlySpan<DoubleDouble> y)
    {
        DoubleDouble sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += y[i] * x[i];
        }

        return sum;
    }

    /// <summary>Applies the plane rotation <c>(x, y) ← (c x − s y, s x + c y)</c>.</summary>
    public static void Rotate(Span<DoubleDouble> x, Span<DoubleDouble> y, DoubleDouble c, DoubleDouble s)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var xi = x[i];
            var yi = y[i];
            x[i] = (c * xi) - (s * yi);
            y[i] = (s * xi) + (c * yi);
        }
    }

    /// <summary>The double-double copy of a column-major double matrix.</summary>
    public static DoubleDouble[] Widen(ReadOnlySpan<double> values)
    {
        var result = new DoubleDouble[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary><c>M X</c> for a double matrix M (rows × inner) and a double-double X (inner × columns), all column-major.</summary>
    public static DoubleDouble[] Multiply(ReadOnlySpan<double> matrix, int rows, int inner, ReadOnlySpan<DoubleDouble> x, int columns)
    {
        var result = new DoubleDouble[rows * columns];
        for (var j = 0; j < columns; j++)
        {
            var target = result.AsSpan(j * rows, rows);
            for (var l = 0; l < inner; l++)
            {
                var weight = x[(j * inner) + l];
                var column = matrix.Slice(l * rows, rows);
                for (var i = 0; i < rows; i++)
                {
                    target[i] += weight * column[i];            // (M X)_ij += X_lj M_il
                }
            }
        }

        return result;
    }

    /// <summary>
    /// One Newton–Schulz step towards the orthonormal polar factor of Q (rows × columns, rows ≥ columns):
    /// <c>Q (3I − QᵀQ)/2</c>. If <c>QᵀQ = I + Δ</c>, the result has <c>QᵀQ − I = O(‖Δ‖²)</c>: from a double-precision factor
    /// (‖Δ‖ ≈ 1e-15) one step reaches double-double level.
    /// </summary>
    public static DoubleDouble[] NewtonSchulzStep(ReadOnlySpan<double> q, int rows, int columns)
    {
        var wide = Widen(q);
        var correction = new DoubleDouble[columns * columns];
        for (var j = 0; j < columns; j++)
        {
            for (var i = 0; i <= j; i++)
            {
                var gram = Dot(wide.AsSpan(i * rows, rows), wide.AsSpan(j * rows, rows));
                var entry = ((i == j ? 3.0 : 0.0) - gram) * 0.5;   // (3I − QᵀQ)/2, symmetric
                correction[(j * columns) + i] = entry;
                correction[(i * columns) + j] = entry;
            }
        }

        return Multiply(q, rows, columns, correction, columns);
    }

    /// <summary>Makes column j of Q orthogonal to the columns listed and of unit length (classical Gram–Schmidt, twice).</summary>
    /// <returns>False if the column lies (numerically) in the span of the others.</returns>
    public static bool OrthonormalizeAgainst(DoubleDouble[] q, int rows, int j, IEnumerable<int> others)
    {
        var target = q.AsSpan(j * rows, rows);
        var before = Math.Sqrt(Dot(target, target).Hi);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var i in others)
            {
                var basis = q.AsSpan(i * rows, rows);
                var projection = Dot(basis, target);
                for (var l = 0; l < rows; l++)
                {
                    target[l] -= projection * basis[l];
                }
            }
        }

        var norm = DoubleDouble.Sqrt(Dot(target, target));
        if (!(norm.Hi > 1e-8 * before))
        {
            return false;
        }

        for (var l = 0; l < rows; l++)
        {
            target[l] /= norm;
        }

        return true;
    }
}
