using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Series;

/// <summary>An eigenvalue <c>λ_k</c> of a symmetric <c>T + Σ t^β T_β</c>: eigenvector <c>q_k</c>, resolvent from the eigendecomposition.
/// For a cluster of eigenvalues: the members' eigenvectors, and column c uses the resolvent with the whole cluster removed at
/// <c>μ_c</c>.</summary>
internal sealed class SymmetricEigenproblem : IsolatedEigenproblem
{
    private readonly SymmetricReducedResolvent[] _resolvents;
    private readonly double[][] _terms;
    private readonly int _size;

    private SymmetricEigenproblem(SymmetricReducedResolvent[] resolvents, double[][] terms, double[] bounds, double[][] eigenvectors, int size)
        : base(eigenvectors, bounds, resolvents[0].ScaleExponent)
    {
        _resolvents = resolvents;
        _terms = terms;
        _size = size;
    }

    /// <inheritdoc/>
    public override double MemberEigenvalue(int member) => Math.ScaleB(_resolvents[member].Eigenvalue, -ValueExponent);

    /// <inheritdoc/>
    public override double Gap => Math.ScaleB(_resolvents.Min(r => r.Gap), -ValueExponent);

    /// <summary>The problem for <c>λ_k</c> along symmetric terms <c>T_β</c> (checked: shapes, finite entries, symmetry).</summary>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>λ_k</c> is repeated.</exception>
    public static SymmetricEigenproblem Create(SymmetricEigendecomposition eig, PerturbationPath path, int index)
    {
        var (terms, bounds) = Validate(eig, path);
        var resolvent = SymmetricReducedResolvent.At(eig, index);
        return new SymmetricEigenproblem([resolvent], terms, bounds, [eig.Vectors.Column(index - 1).ToArray()], eig.Size);
    }

    /// <summary>The problem for a cluster of eigenvalues <c>μ_first … μ_{first+g−1}</c> (ascending).</summary>
    public static SymmetricEigenproblem ForCluster(SymmetricEigendecomposition eig, PerturbationPath path, SpectralCluster cluster)
    {
        var (terms, bounds) = Validate(eig, path);
        return ForReduction(eig, terms, bounds, cluster.First, cluster.Count);
    }

    /// <summary>The small problem of the reduction process: a group of the symmetric <c>K₀</c> (already decomposed) along terms
    /// <c>K₁ … K_L</c> that need not be symmetric (Kato, Ch. II §2.3).</summary>
    /// <param name="eig">The eigendecomposition of K₀.</param>
    /// <param name="terms">Column-major g × g terms.</param>
    /// <param name="bounds">Upper bounds on their spectral norms.</param>
    /// <param name="first">First member of the group (1-based, ascending).</param>
    /// <param name="count">Members in the group.</param>
    internal static SymmetricEigenproblem ForReduction(SymmetricEigendecomposition eig, double[][] terms, double[] bounds, int first, int count)
    {
        var resolvents = PerMember(count, c => eig.Factors.Values[first - 1 + c], shift => SymmetricReducedResolvent.ForCluster(eig, first, count, shift));
        var eigenvectors = Enumerable.Range(first - 1, count).Select(i => eig.Vectors.Column(i).ToArray()).ToArray();
        return new SymmetricEigenproblem(resolvents, terms, bounds, eigenvectors, eig.Size);
    }

    /// <inheritdoc/>
    public override void ApplyResolvent(int member, double[] source, double[] destination) => _resolvents[member].ApplyScaled(source, destination);

    /// <inheritdoc/>
    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) =>
        ColumnKernels.MultiplyColumns(_terms[term - 1], _size, source, destination);                // T_β x

    private static (double[][] Terms, double[] Bounds) Validate(SymmetricEigendecomposition eig, PerturbationPath path)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(path);
        string TermName(int nu) => path.Degree == 1 ? "direction T1" : $"path term T{nu}";
        var result = path.ValidateAndBound(eig.Size, eig.Size, "T", TermName);
        for (var nu = 1; nu <= path.Degree; nu++)
        {
            MatrixGuard.RequireSymmetric(path.Terms[nu - 1], TermName(nu), SymmetricEigendecomposition.SymmetryTolerance);
        }

        return result;
    }
}
