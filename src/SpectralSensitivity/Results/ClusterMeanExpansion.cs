using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>The Taylor expansion of a cluster's mean, <c>(1/g) Σ_{c ∈ cluster} λ_c(t)</c>, and of its effective matrix <c>M(t)</c>.</summary>
/// <remarks>
/// <para>The block recursion finds <c>T(t) X(t) = X(t) M(t)</c> with a g × g <c>M(t) = Σ_j M_j t^j</c> whose eigenvalues are the
/// cluster's eigenvalues of <c>T(t)</c> (for singular values, <c>T(t) = H(A(t))</c> and these are the members' <c>s_c(t)</c>).
/// So <c>mean(t) = tr M(t)/g</c>, analytic even where members cross, with <c>c_j = tr(M_j)/g</c>, and every symmetric function
/// of the cluster follows from <c>M(t)</c>: e.g. <c>Σ_c s_c(t)² = tr M(t)²</c> (Kato, Ch. II §2.3).</para>
/// <para><see cref="SpectralExpansion.Gap"/> is the cluster's gap d to the rest of the spectrum and
/// <see cref="SpectralExpansion.Convergence"/> the rigorous bound for the mean with that gap: within <c>|t| &lt; r₀ = d/(2‖E‖₂)</c>
/// each member moves less than d/2, so the mean does too and stays analytic.</para>
/// </remarks>
public sealed class ClusterMeanExpansion : SpectralExpansion
{
    internal ClusterMeanExpansion(SpectralCluster cluster, ScaledCoefficients coefficients, Matrix<double>[] matrices, double gap, ConvergenceBound convergence, ExpansionCondition condition)
        : base(cluster.First, coefficients, gap, convergence, condition)
    {
        Cluster = cluster;
        CoefficientMatrices = matrices;
    }

    /// <summary>The cluster: its members, spread and gap.</summary>
    public SpectralCluster Cluster { get; }

    /// <summary>The g × g coefficient matrices <c>M₀ … M_N</c> of the cluster's effective matrix (M₀ = diag of the members' values).</summary>
    /// <remarks>In the eigenbasis of the members' unperturbed eigenvectors (for singular values <c>(u_c; v_c)/√2</c>); <c>M₁</c> is
    /// symmetric, the later ones need not be.</remarks>
    public IReadOnlyList<Matrix<double>> CoefficientMatrices { get; }

    /// <inheritdoc/>
    private protected override IEnumerable<FormattableString> Members() =>
        [$"Cluster = {ResultText.List(Cluster.Count, i => (Cluster.First + i).ToString(System.Globalization.CultureInfo.InvariantCulture))}", .. base.Members()];
}
