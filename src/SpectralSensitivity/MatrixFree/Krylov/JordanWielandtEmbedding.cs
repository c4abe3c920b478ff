namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The Jordan–Wielandt embedding <c>H(M) = [[0, M], [Mᵀ, 0]]</c> of an m × n operator, applied matrix-free, and the
/// embedded singular vectors <c>(u; ±v)/√2</c>, its eigenvectors for <c>±s</c>.</summary>
/// <remarks>Cost of <see cref="Apply"/>: one product with M and one with Mᵀ.</remarks>
internal sealed class JordanWielandtEmbedding(ILinearOperator matrix)
{
    private readonly int _m = matrix.RowCount;

    /// <summary><c>H(M)(x; y) = (M y; Mᵀ x)</c>.</summary>
    public void Apply(double[] source, double[] destination)
    {
        matrix.Multiply(source.AsSpan(_m), destination.AsSpan(0, _m));
        matrix.TransposeMultiply(source.AsSpan(0, _m), destination.AsSpan(_m));
    }

    /// <summary><c>(u; ±v)/√2</c>.</summary>
    public static double[] Embed(double[] u, double[] v, int sign)
    {
        var w = new double[u.Length + v.Length];
        var scale = 1.0 / Math.Sqrt(2.0);
        for (var i = 0; i < u.Length; i++)
        {
            w[i] = scale * u[i];
        }

        for (var j = 0; j < v.Length; j++)
        {
            w[u.Length + j] = sign * scale * v[j];
        }

        return w;
    }
}
