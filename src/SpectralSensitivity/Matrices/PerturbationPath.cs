using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Matrices;

/// <summary>A polynomial perturbation path <c>A(t) = A + t E₁ + t² E₂ + … + t^L E_L</c>, given by its terms <c>E₁ … E_L</c>.</summary>
/// <remarks>
/// The common case is the straight line <c>A + tE</c> (<see cref="Linear"/>). Derivatives "along the path" are
/// <c>dⁿ/dtⁿ s_k(A(t))</c> at <c>t = 0</c>. The terms are validated against the matrix they perturb when the
/// path is used (shape and finiteness), not here.
/// </remarks>
public sealed class PerturbationPath
{
    private PerturbationPath(IReadOnlyList<Matrix<double>> terms) => Terms = terms;

    /// <summary>The terms <c>E₁ … E_L</c>; <c>Terms[ν-1]</c> multiplies <c>t^ν</c>.</summary>
    public IReadOnlyList<Matrix<double>> Terms { get; }

    /// <summary>The degree <c>L</c> of the path (1 for a straight line).</summary>
    public int Degree => Terms.Count;

    /// <summary>The straight line <c>A + tE</c>.</summary>
    /// <param name="direction">The direction <c>E</c>.</param>
    public static PerturbationPath Linear(Matrix<double> direction)
    {
        ArgumentNullException.ThrowIfNull(direction);
        return new PerturbationPath([direction]);
    }

    /// <summary>The polynomial path <c>A + t E₁ + t² E₂ + …</c>.</summary>
    /// <param name="terms">At least one term; <c>terms[ν-1]</c> multiplies <c>t^ν</c>.</param>
    public static PerturbationPath Polynomial(params Matrix<double>[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Length == 0)
        {
            throw new Errors.InvalidSpectralInputException("a perturbation path needs at least one term E1");
        }

        foreach (var term in terms)
        {
            ArgumentNullException.ThrowIfNull(term, nameof(terms));
        }

        return new PerturbationPath(terms.ToArray());
    }

    /// <summary>Throws unless every term is finite and has the given shape.</summary>
    internal void Validate(int rows, int columns, string reference)
    {
        for (var nu = 1; nu <= Degree; nu++)
        {
            var name = Degree == 1 ? "direction E" : $"path term E{nu}";
            MatrixGuard.RequireShape(Terms[nu - 1], name, rows, columns, reference);
        }
    }

    /// <summary>Cheap upper bounds on ‖E_ν‖₂: <c>min(‖E‖_F, √(‖E‖₁ ‖E‖_∞))</c>, both valid bounds on the spectral norm.</summary>
    internal double[] SpectralNormBounds()
    {
        var bounds = new double[Degree];
        for (var i = 0; i < Degree; i++)
        {
            var e = Terms[i];
            bounds[i] = Math.Min(e.FrobeniusNorm(), Math.Sqrt(e.L1Norm() * e.InfinityNorm()));
        }

        return bounds;
    }
}
