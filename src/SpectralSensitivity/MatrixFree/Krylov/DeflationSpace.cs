namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The deflation subspace of deflated conjugate gradients for one symmetric positive definite operator M: vectors <c>w_i</c>, their
/// images <c>M w_i</c> and the diagonal <c>G = Wᵀ M W = diag(θ)</c> (Saad, Yeung, Erhel and Guyomarc'h, "A deflated version of the
/// conjugate gradient algorithm", SIAM J. Sci. Comput. 21 (2000) 1909–1926).</summary>
/// <remarks>
/// <para>Deflated CG starts from <c>x₀ = W G⁻¹ Wᵀ b</c> (so <c>Wᵀ r₀ = 0</c>) and keeps every direction M-orthogonal to W:
/// <c>p_j = r_j + β p_{j−1} − W G⁻¹ (M W)ᵀ r_j</c>. It is CG on <c>M</c> restricted to the M-orthogonal complement of W, whose condition
/// number excludes the eigenvalues W captures; the residual <c>r_j = b − M x_j</c> is that of the undeflated system, so the stopping
/// rule keeps its meaning. Exact for any W with G positive definite; a W that captures nothing only costs the extra vector work.</para>
/// <para>Cost per iteration: 2 r dot products and 3 r vector updates of the dimension (<see cref="Correct"/>, <see cref="Restrict"/>); memory <c>16 n r</c> bytes.
/// Built by <see cref="RecycledSubspace.Shifted"/>.</para>
/// </remarks>
internal sealed class DeflationSpace
{
    private readonly double[][] _w;
    private readonly double[][] _mw;
    private readonly double[] _theta;
    private readonly double[] _coefficients;

    /// <param name="w">w_i.</param>
    /// <param name="mw">M w_i.</param>
    /// <param name="theta">θ_i = w_iᵀ M w_i &gt; 0, with <c>w_iᵀ M w_j = 0</c> for i ≠ j.</param>
    public DeflationSpace(double[][] w, double[][] mw, double[] theta)
    {
        _w = w;
        _mw = mw;
        _theta = theta;
        _coefficients = new double[theta.Length];
    }

    /// <summary>r, the number of deflation vectors.</summary>
    public int Count => _theta.Length;

    /// <summary><c>x = W G⁻¹ Wᵀ b</c> and <c>r = b − M x = b − (M W) G⁻¹ Wᵀ b</c> (no product with M).</summary>
    /// <param name="rightSide">b.</param>
    /// <param name="x">Zero on entry; x₀ on exit.</param>
    /// <param name="residual">b on entry; r₀ on exit.</param>
    public void Start(double[] rightSide, double[] x, double[] residual)
    {
        for (var i = 0; i < _theta.Length; i++)
        {
            var c = VectorMath.Dot(_w[i], rightSide) / _theta[i];                           // (G⁻¹ Wᵀ b)_i
            VectorMath.Axpy(c, _w[i], x);                                                   // x₀ = W G⁻¹ Wᵀ b
            VectorMath.Axpy(-c, _mw[i], residual);                                          // r₀ = b − M W G⁻¹ Wᵀ b
        }
    }

    /// <summary><c>c = G⁻¹ Wᵀ r</c>, <c>x ← x + W c</c>, <c>r ← r − (M W) c</c>: the residual made orthogonal to W again, x moved so that
    /// <c>r = b − M x</c> still holds (<see cref="Start"/> applied to the residual itself; the columns are M-orthogonal, so one pass does it).</summary>
    public void Restrict(double[] x, double[] residual) => Start(residual, x, residual);

    /// <summary><c>p ← p − W G⁻¹ (M W)ᵀ r</c>: the direction made M-orthogonal to W.</summary>
    public void Correct(double[] residual, double[] direction)
    {
        for (var i = 0; i < _theta.Length; i++)
        {
            _coefficients[i] = VectorMath.Dot(_mw[i], residual) / _theta[i];                 // μ = G⁻¹ (M W)ᵀ r
        }

        for (var i = 0; i < _theta.Length; i++)
        {
            VectorMath.Axpy(-_coefficients[i], _w[i], direction);                           // p −= W μ
        }
    }
}
