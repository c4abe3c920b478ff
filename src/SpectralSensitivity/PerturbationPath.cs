using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity;

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

    /// <summary>One line: the degree and the shape of each term.</summary>
    /// <returns>E.g. <c>PerturbationPath { Degree = 2, Terms = [6 x 10, 6 x 10] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(PerturbationPath),
        $"Degree = {Degree}",
        $"Terms = {Results.ResultText.List(Degree, nu => FormattableString.Invariant($"{Terms[nu].RowCount} x {Terms[nu].ColumnCount}"))}");

    /// <summary>How error messages name term ν of a path of E's: "direction E" for a line, "path term Eν" otherwise.</summary>
    internal string TermName(int nu) => Degree == 1 ? "direction E" : $"path term E{nu}";

    /// <summary>
    /// Checks every term's shape and finiteness and returns its column-major storage (<see cref="ColumnKernels.Storage"/>,
    /// copied only for non-dense terms) with an upper bound on ‖E_ν‖₂ (<see cref="ColumnKernels.SpectralNormBound"/>),
    /// in one pass over each term.
    /// </summary>
    /// <param name="rows">Rows the terms must have.</param>
    /// <param name="columns">Columns the terms must have.</param>
    /// <param name="reference">What the shape is compared with, for messages ("A").</param>
    /// <param name="termName">Names term ν in messages; null for <see cref="TermName"/>.</param>
    internal (double[][] Storage, double[] NormBounds) ValidateAndBound(int rows, int columns, string reference, Func<int, string>? termName = null)
    {
        termName ??= TermName;
        var storage = new double[Degree][];
        var bounds = new double[Degree];
        for (var nu = 1; nu <= Degree; nu++)
        {
            var term = Terms[nu - 1];
            if (term.RowCount != rows || term.ColumnCount != columns)
            {
                MatrixGuard.RequireShape(term, termName(nu), rows, columns, reference);
            }

            storage[nu - 1] = ColumnKernels.Storage(term);
            bounds[nu - 1] = ColumnKernels.SpectralNormBound(storage[nu - 1], rows, columns);
            if (double.IsNaN(bounds[nu - 1]))
            {
                MatrixGuard.RequireFinite(term, termName(nu)); // names the first non-finite entry
            }
        }

        return (storage, bounds);
    }
}
