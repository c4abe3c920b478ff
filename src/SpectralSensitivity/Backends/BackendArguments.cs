namespace SpectralSensitivity.Backends;

/// <summary>Argument checks every <see cref="IDecompositionBackend"/> runs before any work: buffer lengths (shared with the
/// native provider assembly) and finiteness.</summary>
internal static class BackendArguments
{
    /// <summary>Buffers of a thin SVD of a rows × columns matrix, r = min(rows, columns): A, s (r), U (rows × r), V (columns × r).</summary>
    public static void RequireSvd(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> s, ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        var r = Math.Min(rows, columns);
        RequireLength(a, (long)rows * columns, "a");
        RequireLength(s, r, "singularValues");
        RequireLength(u, (long)rows * r, "leftVectors");
        RequireLength(v, (long)columns * r, "rightVectors");
    }

    /// <summary>Buffers of a symmetric eigendecomposition of order n: T (n × n) and the n eigenvalues.</summary>
    public static void RequireEigen(ReadOnlySpan<double> a, int order, ReadOnlySpan<double> eigenvalues)
    {
        RequireLength(a, (long)order * order, "a");
        RequireLength(eigenvalues, order, "eigenvalues");
    }

    /// <summary>Buffers of <c>C = α op(A) op(B) + β C</c>: A and B of m k and k n entries, C of m n.</summary>
    public static void RequireProduct(int m, int n, int k, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c)
    {
        RequireLength(a, (long)m * k, "a");
        RequireLength(b, (long)k * n, "b");
        RequireLength(c, (long)m * n, "c");
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="span"/> holds exactly <paramref name="required"/> entries.</summary>
    public static void RequireLength(ReadOnlySpan<double> span, long required, string name)
    {
        if (span.Length != required)
        {
            throw new ArgumentException($"the buffer has length {span.Length}; expected {required}", name);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first NaN or infinity. O(length).</summary>
    public static void RequireFinite(ReadOnlySpan<double> span, string routine)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (!double.IsFinite(span[i]))
            {
                throw new ArgumentException($"{routine}: the input holds a non-finite value ({span[i]}) at index {i}");
            }
        }
    }
}
