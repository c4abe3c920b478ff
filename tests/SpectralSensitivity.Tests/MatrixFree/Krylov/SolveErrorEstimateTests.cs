using FluentAssertions;
using SpectralSensitivity.MatrixFree.Krylov;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

public class SolveErrorEstimateTests
{
    [Fact]
    public void The_estimates_of_the_rule_are_the_first_order_propagation_written_out_by_hand()
    {
        // vectors w₀ … w₂ with norms 1, 3, 5 and errors 0.01, 0.1, 0.2; λ₁ = 2, λ₂ = −4, λ₃ = 7 with errors 0.5, 0.25 for λ₁, λ₂; ‖E‖ = 2
        double[][] w = [[1, 0], [0, 3], [3, 4]];
        double[] lambda = [1, 2, -4, 7, 0, 0];
        double[] vectorErrors = [0.01, 0.1, 0.2];
        double[] valueErrors = [0.5, 0.25];
        var errors = SolveErrorEstimate.WignerValues(lambda, w, valueErrors, vectorErrors, 2.0);
        errors.Should().HaveCount(5);
        errors[0].Should().Be(0.5, "order 1 comes from the recursion");
        errors[1].Should().Be(0.25, "order 2 comes from the recursion");
        // λ₃ = w₁ᵀ E w₁ − λ₁ w₁ᵀ w₁: ‖E‖ (ε₁ ‖w₁‖ + ‖w₁‖ ε₁) + ε(λ₁) ‖w₁‖² + |λ₁| 2 ε₁ ‖w₁‖
        var third = (2.0 * ((0.1 * 3) + (3 * 0.1))) + (0.5 * 9) + (2 * 2 * 0.1 * 3);
        errors[2].Should().BeApproximately(third, 1e-14);
        // λ₄ = w₁ᵀ E w₂ − λ₂ w₁ᵀ w₁ − λ₁ w₂ᵀ w₁ (k = 1, 2; l = 1)
        var fourth = (2.0 * ((0.1 * 5) + (3 * 0.2)))
            + (0.25 * 3 * 3) + (4 * ((0.1 * 3) + (3 * 0.1)))
            + (0.5 * 5 * 3) + (2 * ((0.2 * 3) + (5 * 0.1)));
        errors[3].Should().BeApproximately(fourth, 1e-13);
        // λ₅ = w₂ᵀ E w₂ − Σ_{k,l=1..2} λ_{5−k−l} w_kᵀ w_l: λ₃ (k = l = 1), λ₂ (k + l = 3, twice), λ₁ (k = l = 2)
        var fifth = (2.0 * 2 * 0.2 * 5)
            + (third * 9) + (7 * 2 * 0.1 * 3)
            + (2 * ((0.25 * 3 * 5) + (4 * ((0.1 * 5) + (3 * 0.2)))))
            + (0.5 * 25) + (2 * 2 * 0.2 * 5);
        errors[4].Should().BeApproximately(fifth, 1e-12);
    }
}
