using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Studies.Sources;

namespace SpectralSensitivity.Studies.Evaluation;

/// <summary>The Hessian along E by finite differences of the gradient: <c>d/dt ∇s_k(A + tE) = Hess s_k · vec(E)</c>.</summary>
/// <remarks>
/// <c>∇s_k = u_k v_kᵀ</c> (unchanged when both vectors flip sign), from MathNet's full SVD of <c>A + tE</c> at t = ±h, ±h/2;
/// central differences <c>D(h) = (G(h) − G(−h))/2h</c> and one Richardson step <c>(4 D(h/2) − D(h))/3</c>, error O(h⁴) + O(ε/h).
/// Cost: four SVDs with vectors per trial, shared by every k.
/// </remarks>
internal static class GradientDifferences
{
    /// <summary>Richardson-extrapolated <c>vec(d∇s_k/dt)</c> for each index.</summary>
    public static Vector<double>[] Along(StudyTrial trial, IReadOnlyList<int> indices, double step)
    {
        Vector<double>[] At(double t)
        {
            var svd = (trial.Matrix + t * trial.Direction).Svd(computeVectors: true);
            return indices.Select(k => Vector<double>.Build.DenseOfArray(svd.U.Column(k - 1).OuterProduct(svd.VT.Row(k - 1)).ToColumnMajorArray())).ToArray();
        }

        var (plus, minus, plusHalf, minusHalf) = (At(step), At(-step), At(step / 2), At(-step / 2));
        var result = new Vector<double>[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var coarse = (plus[i] - minus[i]) / (2 * step);                 // D(h)
            var fine = (plusHalf[i] - minusHalf[i]) / step;                 // D(h/2) = (G(h/2) − G(−h/2)) / h
            result[i] = (4 * fine - coarse) / 3;                            // Richardson
        }

        return result;
    }
}
