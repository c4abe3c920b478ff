using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Spectrum;

/// <summary>
/// The Jordan–Wielandt operator <c>H(A)</c> and the path terms <c>H(E_β)</c> in the eigenbasis of <c>H(A)</c>, for a
/// matrix oriented tall (M ≥ R: a wide A is handled through its transpose, which has the same singular values).
/// </summary>
/// <remarks>
/// <para>With <c>A = U diag(s) Vᵀ</c> (U M × R, V R × R), a vector <c>(x; y)</c> of <c>R^(M+R)</c> is
/// <c>Σ a_i w_i⁺ + Σ b_i w_i⁻ + (γ; 0)</c> with <c>w_i^± = (u_i; ±v_i)/√2</c> (eigenvalues <c>±s_i</c>) and γ ⊥ range(U)
/// (eigenvalue 0). Let <c>Ê_β = Uᵀ E_β V</c> and <c>R_β = (I − UUᵀ) E_β V</c>. The null part that <c>H(E_β)</c> produces
/// is always <c>R_β q</c> for some q, so it is kept as coefficients <c>z_β</c> with <c>γ = Σ_β R_β z_β</c>, and only the
/// Gram matrices <c>G_βμ = R_βᵀ R_μ</c> are needed. With <c>σ = a + b</c>, <c>δ = a − b</c>:</para>
/// <para><c>X = ½ Ê_β δ</c>, <c>Y = ½ Ê_βᵀ σ + (1/√2) Σ_μ G_βμ z_μ</c>; <c>H(E_β)</c> maps (a, b, z) to
/// <c>(X + Y, X − Y, z_β = δ/√2)</c>.</para>
/// <para>Zero singular values (at or below the zero tolerance) join the null part: their rows carry eigenvalue 0.
/// Blocks: a (eigenvalues s_i), b (−s_i), then one z block per path term when M &gt; R (eigenvalue 0).</para>
/// <para>Setup: per term, the products <c>E_β V</c> (M × R × R), <c>Uᵀ(E_β V)</c> and <c>U Ê_β</c> (M × R × R each), and
/// <c>R_βᵀ R_μ</c> (R × M × R per pair). Memory: O(L² R² + L M R) besides the blocks.</para>
/// </remarks>
internal sealed class SingularCoordinates : CoordinateOperator
{
    private static readonly double InverseSqrt2 = 1.0 / Math.Sqrt(2.0);

    private readonly Matrix<double>[] _projected;     // Ê_β = Uᵀ E_β V (R × R)
    private readonly Matrix<double>[] _transposed;    // Ê_βᵀ, whose columns are the rows of Ê_β
    private readonly Matrix<double>[,] _gram;         // G_βμ = R_βᵀ R_μ
    private readonly Matrix<double> _sum;
    private readonly Matrix<double> _difference;
    private readonly Matrix<double> _x;
    private readonly Matrix<double> _y;

    /// <summary>Builds the coordinates of every path term.</summary>
    /// <param name="left">U, M × R, orthonormal columns.</param>
    /// <param name="right">V, R × R, orthogonal.</param>
    /// <param name="values">s scaled by 2^−e, zero values already set to 0.</param>
    /// <param name="terms">The scaled path terms <c>g_β E_β</c>, each M × R (transposed already for a wide A).</param>
    /// <param name="indices">The requested 1-based indices k.</param>
    /// <param name="keepResiduals">Whether to keep <c>R_β</c> for the singular vectors.</param>
    public SingularCoordinates(Matrix<double> left, Matrix<double> right, double[] values, IReadOnlyList<Matrix<double>> terms, int[] indices, bool keepResiduals)
    {
        Left = left;
        Right = right;
        var rows = values.Length;
        var degree = terms.Count;
        var hasNullPart = left.RowCount > rows;
        RowEigenvalues = [values, values.Select(s => -s).ToArray(), .. Enumerable.Range(0, hasNullPart ? degree : 0).Select(_ => new double[rows])];
        EigenvectorRows = indices.Select(k => k - 1).ToArray();
        ColumnEigenvalues = indices.Select(k => values[k - 1]).ToArray();
        _projected = new Matrix<double>[degree];
        _transposed = new Matrix<double>[degree];
        var residuals = new Matrix<double>[degree];
        for (var beta = 0; beta < degree; beta++)
        {
            var ev = Matrix<double>.Build.Dense(left.RowCount, rows);
            Gemm.Run(1.0, terms[beta], false, right, false, 0.0, ev);                 // E_β V
            _projected[beta] = Matrix<double>.Build.Dense(rows, rows);
            Gemm.Run(1.0, left, true, ev, false, 0.0, _projected[beta]);             // Ê_β = Uᵀ (E_β V)
            _transposed[beta] = _projected[beta].Transpose();
            if (hasNullPart)
            {
                Gemm.Run(-1.0, left, false, _projected[beta], false, 1.0, ev);       // R_β = E_β V − U Ê_β
                residuals[beta] = ev;
            }
        }

        _gram = new Matrix<double>[degree, degree];
        if (hasNullPart)
        {
            for (var beta = 0; beta < degree; beta++)
            {
                for (var mu = 0; mu <= beta; mu++)
                {
                    _gram[beta, mu] = Matrix<double>.Build.Dense(rows, rows);
                    Gemm.Run(1.0, residuals[beta], true, residuals[mu], false, 0.0, _gram[beta, mu]); // G_βμ = R_βᵀ R_μ
                    _gram[mu, beta] = beta == mu ? _gram[beta, mu] : _gram[beta, mu].Transpose();
                }
            }
        }

        Residuals = keepResiduals && hasNullPart ? residuals : [];
        var columns = indices.Length;
        _sum = Matrix<double>.Build.Dense(rows, columns);
        _difference = Matrix<double>.Build.Dense(rows, columns);
        _x = Matrix<double>.Build.Dense(rows, columns);
        _y = Matrix<double>.Build.Dense(rows, columns);
    }

    /// <summary>U (M × R).</summary>
    public Matrix<double> Left { get; }

    /// <summary>V (R × R).</summary>
    public Matrix<double> Right { get; }

    /// <summary><c>R_β = (I − UUᵀ) E_β V</c> when kept (empty for a square A or when not asked).</summary>
    public Matrix<double>[] Residuals { get; }

    /// <inheritdoc/>
    public override int Rows => Right.RowCount;

    /// <inheritdoc/>
    public override double[][] RowEigenvalues { get; }

    /// <inheritdoc/>
    public override int[] EigenvectorRows { get; }

    /// <inheritdoc/>
    public override double[] ColumnEigenvalues { get; }

    /// <inheritdoc/>
    public override int PathDegree => _projected.Length;

    /// <summary>Whether there are z blocks (M &gt; R).</summary>
    private bool HasNullPart => RowEigenvalues.Length > 2;

    /// <inheritdoc/>
    public override void Apply(int term, Matrix<double>[] source, Matrix<double>[] destination)
    {
        var beta = term - 1;
        source[0].Add(source[1], _sum);                                              // σ = a + b
        source[0].Subtract(source[1], _difference);                                  // δ = a − b
        Gemm.Run(0.5, _projected[beta], false, _difference, false, 0.0, _x);         // X = ½ Ê δ
        Gemm.Run(0.5, _projected[beta], true, _sum, false, 0.0, _y);                 // Y = ½ Êᵀ σ
        if (HasNullPart)
        {
            for (var mu = 0; mu < PathDegree; mu++)
            {
                Gemm.Run(InverseSqrt2, _gram[beta, mu], false, source[2 + mu], false, 1.0, _y); // Y += (1/√2) G_βμ z_μ
            }

            ColumnKernels.Axpy(InverseSqrt2, CoordinateRecursion.Storage(_difference), CoordinateRecursion.Storage(destination[2 + beta])); // z_β += δ/√2
        }

        var a = CoordinateRecursion.Storage(destination[0]);
        var b = CoordinateRecursion.Storage(destination[1]);
        var x = CoordinateRecursion.Storage(_x);
        var y = CoordinateRecursion.Storage(_y);
        ColumnKernels.Axpy(1.0, x, a);                                               // a += X + Y
        ColumnKernels.Axpy(1.0, y, a);
        ColumnKernels.Axpy(1.0, x, b);                                               // b += X − Y
        ColumnKernels.Axpy(-1.0, y, b);
    }

    /// <inheritdoc/>
    public override void ApplyToEigenvectors(int term, Matrix<double>[] destination)
    {
        var projected = CoordinateRecursion.Storage(_projected[term - 1]);
        var transposed = CoordinateRecursion.Storage(_transposed[term - 1]);
        var a = CoordinateRecursion.Storage(destination[0]);
        var b = CoordinateRecursion.Storage(destination[1]);
        var rows = Rows;
        for (var c = 0; c < Columns; c++)
        {
            var k = EigenvectorRows[c];
            var column = projected.AsSpan(k * rows, rows);                           // Ê e_k
            var row = transposed.AsSpan(k * rows, rows);                             // Êᵀ e_k
            var ac = a.AsSpan(c * rows, rows);
            var bc = b.AsSpan(c * rows, rows);
            ColumnKernels.Axpy(0.5, column, ac);                                     // a += (Ê e_k + Êᵀ e_k)/2
            ColumnKernels.Axpy(0.5, row, ac);
            ColumnKernels.Axpy(0.5, column, bc);                                     // b += (Ê e_k − Êᵀ e_k)/2
            ColumnKernels.Axpy(-0.5, row, bc);
            if (HasNullPart)
            {
                destination[1 + term][k, c] += InverseSqrt2;                         // z_β += e_k/√2
            }
        }
    }

    /// <inheritdoc/>
    public override void AddEigenvectorComponent(int term, Matrix<double>[] source, double[] values)
    {
        var beta = term - 1;
        var projected = CoordinateRecursion.Storage(_projected[beta]);
        var transposed = CoordinateRecursion.Storage(_transposed[beta]);
        var a = CoordinateRecursion.Storage(source[0]);
        var b = CoordinateRecursion.Storage(source[1]);
        var rows = Rows;
        for (var c = 0; c < Columns; c++)
        {
            var k = EigenvectorRows[c];
            var ac = a.AsSpan(c * rows, rows);
            var bc = b.AsSpan(c * rows, rows);
            var row = transposed.AsSpan(k * rows, rows);                             // row k of Ê
            var column = projected.AsSpan(k * rows, rows);                           // row k of Êᵀ
            // (X + Y)_k = ½ Ê_k·(a − b) + ½ Êᵀ_k·(a + b) + (1/√2) Σ_μ (G_βμ)_k·z_μ
            var value = 0.5 * (ColumnKernels.Dot(row, ac) - ColumnKernels.Dot(row, bc)) + 0.5 * (ColumnKernels.Dot(column, ac) + ColumnKernels.Dot(column, bc));
            if (HasNullPart)
            {
                for (var mu = 0; mu < PathDegree; mu++)
                {
                    var gramRow = CoordinateRecursion.Storage(_gram[mu, beta]).AsSpan(k * rows, rows); // row k of G_βμ = column k of G_μβ
                    value += InverseSqrt2 * ColumnKernels.Dot(gramRow, CoordinateRecursion.Storage(source[2 + mu]).AsSpan(c * rows, rows));
                }
            }

            values[c] += value;
        }
    }

    /// <inheritdoc/>
    public override void AddDiagonal(int term, double[] values)
    {
        for (var c = 0; c < Columns; c++)
        {
            var k = EigenvectorRows[c];
            values[c] += _projected[term - 1][k, k];                                  // w₀ᵀ H(E) w₀ = u_kᵀ E v_k
        }
    }
}
