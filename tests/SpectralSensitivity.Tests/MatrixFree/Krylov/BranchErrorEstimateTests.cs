using FluentAssertions;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>The propagation of entry errors of <c>M₀ … M_N</c> through the reduction, on a 2 × 2 cluster whose sensitivities are known in
/// closed form: with <c>M₁ = diag(θ₁, θ₂)</c> (θ₁ ≠ θ₂) the branches are <c>λ + θ_b t + (q_bᵀ M₂ q_b) t² + O(t³)</c>, q_b the eigenvectors of
/// sym(M₁). An error h in an off-diagonal entry of M₁ turns q_b by <c>(h/2)/(θ₁ − θ₂)</c> and moves <c>c₂</c> by
/// <c>(h/2) ((M₂)₁₂ + (M₂)₂₁)/(θ₁ − θ₂)</c>, a diagonal one moves only <c>c₁</c>, by h; an error in M₂ moves <c>c₂</c> by h, through the diagonal.</summary>
public class BranchErrorEstimateTests
{
    private static readonly double[][,] Matrices =
    [
        new double[,] { { 2, 0 }, { 0, 2 } },
        new double[,] { { 0.75, 0 }, { 0, -0.5 } },
        new double[,] { { 0.3, -0.2 }, { 0.1, 0.6 } },
    ];

    [Fact]
    public void An_error_in_M1_moves_the_first_order_by_its_size_and_the_second_through_the_turn_of_the_eigenvectors()
    {
        var branches = BranchReduction.LargestFirst(BranchReduction.Reduce(Matrices));
        branches[0][1].Should().Be(0.75);
        var errors = BranchErrorEstimate.Of(Matrices, branches, [0, 1e-10, 0]);
        foreach (var error in errors)
        {
            error[1].Should().BeApproximately(1e-10, 1e-13, "∂c₁/∂(M₁)_bb = 1, the off-diagonal entries do not move an eigenvalue to first order");
            error[2].Should().BeApproximately(1e-10 * Math.Abs(-0.2 + 0.1) / (0.75 + 0.5), 1e-2 * 8e-12, "to the three digits a difference quotient keeps: two off-diagonal entries, each (1/2)|(M₂)₁₂ + (M₂)₂₁|/|θ₁ − θ₂|");
        }
    }

    [Fact]
    public void An_error_in_M2_moves_the_second_order_by_its_size()
    {
        var branches = BranchReduction.LargestFirst(BranchReduction.Reduce(Matrices));
        var errors = BranchErrorEstimate.Of(Matrices, branches, [0, 0, 1e-10]);
        foreach (var error in errors)
        {
            error[1].Should().Be(0);
            error[2].Should().BeApproximately(1e-10, 1e-13);
        }
    }
}
