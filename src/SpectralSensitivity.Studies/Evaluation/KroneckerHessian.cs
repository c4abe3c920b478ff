using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SpectralSensitivity.Studies.Evaluation;

/// <summary>The paper's reference Hessian of <c>s_k</c>: the Kronecker sum formula on the full SVD of A (MathNet's, with full U and V).</summary>
/// <remarks>
/// <para><c>Hess s_k = Σ_{i≠k} c_i (v_k⊗u_i)(v_k⊗u_i)ᵀ + Σ_{j≠k} c_j (v_j⊗u_k)(v_j⊗u_k)ᵀ
/// + Σ_{l≠k, l≤r} d_l [(v_k⊗u_l)(v_l⊗u_k)ᵀ + (v_l⊗u_k)(v_k⊗u_l)ᵀ]</c>, i ≤ m, j ≤ n, <c>s_i := 0</c> beyond r = min(m, n),
/// <c>c_i = s_k / ((s_k − s_i)(s_k + s_i))</c>, <c>d_l = s_l / ((s_k − s_l)(s_k + s_l))</c> (partial fractions, never
/// <c>s_k² − s_i²</c>). <c>(v⊗u)[i + j m] = u_i v_j</c> matches column-major <c>vec(A)</c>.</para>
/// <para>It shares nothing with the library's assembly (<c>SingularValueHessian</c>): a different factorization (full,
/// not thin QR-based) and term-by-term rank-one updates. Cost O((m + n + 2r)(mn)²). Reference: Luo, O'Riordan, McDermott,
/// JMAA 2025 (arXiv 2506.03764).</para>
/// </remarks>
internal static class KroneckerHessian
{
    /// <summary>The full SVD of A (U m × m, V n × n).</summary>
    public static Svd<double> Factor(Matrix<double> a) => a.Svd(computeVectors: true);

    /// <summary>The mn × mn reference Hessian of <c>s_k</c>.</summary>
    /// <param name="svd">The full SVD of A.</param>
    /// <param name="index">1-based k.</param>
    public static Matrix<double> Compute(Svd<double> svd, int index)
    {
        var size = svd.U.RowCount * svd.VT.RowCount;
        var hessian = new double[size * size];
        Fill(svd, index, hessian);
        return new DenseMatrix(size, size, hessian);
    }

    /// <summary>Writes the mn × mn reference Hessian of <c>s_k</c>, column-major, into <paramref name="hessian"/> (overwritten).</summary>
    /// <param name="svd">The full SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="hessian">At least (mn)² doubles.</param>
    public static void Fill(Svd<double> svd, int index, double[] hessian)
    {
        var u = svd.U;
        var v = svd.VT.Transpose();
        int m = u.RowCount, n = v.RowCount, r = Math.Min(m, n), k = index - 1, size = m * n;
        var s = svd.S;
        var sk = s[k];
        double Value(int i) => i < r ? s[i] : 0.0;
        double Weight(int i) => sk / ((sk - Value(i)) * (sk + Value(i)));   // c_i = s_k / ((s_k − s_i)(s_k + s_i))

        Array.Clear(hessian, 0, size * size);
        var x = new double[size];
        var y = new double[size];
        for (var i = 0; i < m; i++)
        {
            if (i != k)
            {
                Kron(v.Column(k), u.Column(i), x);
                AddOuter(hessian, Weight(i), x, x);                                 // c_i (v_k⊗u_i)(v_k⊗u_i)ᵀ
            }
        }

        for (var j = 0; j < n; j++)
        {
            if (j != k)
            {
                Kron(v.Column(j), u.Column(k), x);
                AddOuter(hessian, Weight(j), x, x);                                 // c_j (v_j⊗u_k)(v_j⊗u_k)ᵀ
            }
        }

        for (var l = 0; l < r; l++)
        {
            if (l != k)
            {
                var d = s[l] / ((sk - s[l]) * (sk + s[l]));                         // d_l = s_l / ((s_k − s_l)(s_k + s_l))
                Kron(v.Column(k), u.Column(l), x);
                Kron(v.Column(l), u.Column(k), y);
                AddSymmetric(hessian, d, x, y);                                     // d_l [(v_k⊗u_l)(v_l⊗u_k)ᵀ + (v_l⊗u_k)(v_k⊗u_l)ᵀ]
            }
        }
    }

    /// <summary><c>(b⊗a)[i + j m] = a_i b_j</c>.</summary>
    private static void Kron(Vector<double> b, Vector<double> a, double[] destination)
    {
        var m = a.Count;
        for (var j = 0; j < b.Count; j++)
        {
            for (var i = 0; i < m; i++)
            {
                destination[i + j * m] = a[i] * b[j];
            }
        }
    }

    /// <summary><c>H += w x yᵀ</c>, column-major: column q gains <c>w y_q x</c>.</summary>
    private static void AddOuter(double[] hessian, double weight, double[] x, double[] y)
    {
        var size = x.Length;
        for (var q = 0; q < size; q++)
        {
            Axpy(weight * y[q], x, hessian.AsSpan(q * size, size));
        }
    }

    /// <summary><c>H += w (x yᵀ + y xᵀ)</c>: column q gains <c>w y_q x + w x_q y</c>.</summary>
    private static void AddSymmetric(double[] hessian, double weight, double[] x, double[] y)
    {
        var size = x.Length;
        for (var q = 0; q < size; q++)
        {
            var column = hessian.AsSpan(q * size, size);
            Axpy(weight * y[q], x, column);
            Axpy(weight * x[q], y, column);
        }
    }

    /// <summary><c>destination += a · source</c>, SIMD-wide.</summary>
    private static void Axpy(double a, ReadOnlySpan<double> source, Span<double> destination)
    {
        var width = System.Numerics.Vector<double>.Count;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var factor = new System.Numerics.Vector<double>(a);
            for (; i <= source.Length - width; i += width)
            {
                var sum = new System.Numerics.Vector<double>(destination.Slice(i, width)) + factor * new System.Numerics.Vector<double>(source.Slice(i, width));
                sum.CopyTo(destination.Slice(i, width));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] += a * source[i];
        }
    }
}
