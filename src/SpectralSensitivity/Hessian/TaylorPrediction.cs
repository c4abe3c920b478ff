using SpectralSensitivity.Results;

namespace SpectralSensitivity.Hessian;

/// <summary>A Taylor prediction of <c>s_k(A + ΔA)</c> and the size of what it leaves out.</summary>
/// <remarks>
/// <c>Prediction = Σ_{j≤N} c_j</c> with <c>c_j</c> the Taylor coefficients of <c>s_k(A + tΔA)</c> at t = 1: <c>c₀ = s_k</c>,
/// <c>c₁ = ⟨u_k v_kᵀ, ΔA⟩</c>, <c>c₂ = ½ vec(ΔA)ᵀ Hess s_k vec(ΔA)</c>, …
/// </remarks>
/// <param name="Index">The 1-based index k.</param>
/// <param name="Order">The order N of the prediction.</param>
/// <param name="Terms">The terms <c>c₀ … c_N</c> (c₀ = s_k).</param>
/// <param name="Prediction">Their sum, the predicted <c>s_k(A + ΔA)</c>.</param>
/// <param name="NextTerm">The first neglected term <c>c_{N+1}</c>: the error estimate when the series converges quickly.</param>
/// <param name="ErrorBound">A rigorous bound on <c>|s_k(A + ΔA) − Prediction|</c>, <c>ρ q^(N+1)/(1 − q)</c> with <c>q = 1/r₀</c>; +∞ when ΔA is too large for the bound (q ≥ 1).</param>
public sealed record TaylorPrediction(int Index, int Order, IReadOnlyList<double> Terms, double Prediction, double NextTerm, double ErrorBound)
{
    /// <summary>One line in the invariant culture (six significant digits), the terms listed (shortened beyond eight).</summary>
    /// <returns>E.g. <c>TaylorPrediction { Index = 1, Order = 2, Prediction = 3.2, NextTerm = 1e-05, ErrorBound = 4e-05, Terms = [...] }</c>.</returns>
    public override string ToString() => ResultText.Members(
        nameof(TaylorPrediction),
        $"Index = {Index}",
        $"Order = {Order}",
        $"Prediction = {ResultText.Number(Prediction)}",
        $"NextTerm = {ResultText.Number(NextTerm)}",
        $"ErrorBound = {ResultText.Number(ErrorBound)}",
        $"Terms = {ResultText.List(Terms)}");
}
