using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>
/// Independent reference: Taylor coefficients of an isolated eigenvalue λ(z) of <c>M + z M₁</c> by the Cauchy integral
/// <c>c_n = (1/2πi) ∮ λ(z) z^(−n−1) dz</c>, discretized with the trapezoid rule on a circle inside the convergence disk.
/// λ(z) is found by Rayleigh-quotient inverse iteration on the complex (non-Hermitian) matrix <c>M + z M₁</c>, continued
/// around the circle: complex LU solves only, no resolvent, no recursion.
/// </summary>
internal static class CauchyTaylorReference
{
    /// <summary>Coefficients <c>c₀..c_N</c> using <paramref name="points"/> samples at radius <paramref name="radius"/>.</summary>
    /// <remarks>
    /// The trapezoid rule is exact up to aliasing <c>O((radius/R)^points)</c>; rounding adds ≈ ε‖M‖/radiusⁿ.
    /// Inside the disk of the convergence bound exactly one eigenvalue lies within gap/2 of the unperturbed one;
    /// the iteration is checked to land there.
    /// </remarks>
    public static double[] Coefficients(Matrix<double> m, Matrix<double> direction, double eigenvalue, Vector eigenvector, double gap, double radius, int order, int points = 64)
    {
        var mc = m.Map(x => new Complex(x, 0));
        var ec = direction.Map(x => new Complex(x, 0));
        var x = eigenvector.Map(v => new Complex(v, 0));
        var sigma = new Complex(eigenvalue, 0);
        var sums = new Complex[order + 1];
        for (var p = 0; p < points; p++)
        {
            var z = Complex.FromPolarCoordinates(radius, 2 * Math.PI * p / points);
            var mz = mc + z * ec;
            (sigma, x) = RayleighInverseIteration(mz, sigma, x);
            if ((sigma - eigenvalue).Magnitude >= gap / 2)
            {
                throw new InvalidOperationException($"inverse iteration left the isolation disk at z = {z}");
            }

            for (var n = 0; n <= order; n++)
            {
                sums[n] += sigma * Complex.Pow(z, -n);
            }
        }

        return sums.Select(s => s.Real / points).ToArray();
    }

    private static (Complex Value, MathNet.Numerics.LinearAlgebra.Vector<Complex> Vector) RayleighInverseIteration(Matrix<Complex> mz, Complex sigma, MathNet.Numerics.LinearAlgebra.Vector<Complex> x)
    {
        var identity = Matrix<Complex>.Build.DenseIdentity(mz.RowCount);
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var y = (mz - sigma * identity).LU().Solve(x);
            if (y.Any(v => !double.IsFinite(v.Real) || !double.IsFinite(v.Imaginary)))
            {
                break; // σ is an eigenvalue to working precision
            }

            x = y / y.L2Norm();
            var next = x.DotProduct(mz * x) / x.DotProduct(x); // unconjugated Rayleigh quotient of a complex-symmetric matrix
            var converged = (next - sigma).Magnitude <= 1e-16 * Math.Max(1, sigma.Magnitude);
            sigma = next;
            if (converged)
            {
                break;
            }
        }

        return (sigma, x);
    }
}
