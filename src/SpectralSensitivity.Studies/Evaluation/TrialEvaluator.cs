using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Results;
using SpectralSensitivity.Studies.Results;
using SpectralSensitivity.Studies.Sources;

namespace SpectralSensitivity.Studies.Evaluation;

/// <summary>Computes the rows of one trial: <c>s_k</c> and its derivatives by the recursion, then the error against each reference asked for.</summary>
/// <remarks>
/// One evaluator per worker thread: it owns the workspaces of the dense-Hessian validation (two mn × mn arrays), so a
/// study allocates them once per thread, not once per trial. Everything a trial computes runs on the calling thread, so
/// its bits do not depend on how trials are spread over threads or ranks.
/// </remarks>
internal sealed class TrialEvaluator
{
    private readonly StudyDefinition _definition;
    private readonly StudyLayout _layout;
    private readonly HessianWorkspace? _hessian;

    public TrialEvaluator(StudyDefinition definition, StudyLayout layout)
    {
        _definition = definition;
        _layout = layout;
        if (layout.HessianKroneckerColumn >= 0)
        {
            _hessian = new HessianWorkspace(definition.Source.Rows * definition.Source.Columns);
        }
    }

    /// <summary>The rows of <paramref name="trial"/>, one per k, in increasing k.</summary>
    public StudyRow[] Evaluate(StudyTrial trial)
    {
        var svd = ThinSingularValueDecomposition.Compute(trial.Matrix);
        var path = PerturbationPath.Linear(trial.Direction);
        var norm = new DenseMatrixOperator(trial.Direction).FrobeniusNorm();                // ‖E‖_F in one O(mn) pass
        var indices = _layout.Indices;
        var expansions = new SingularValueExpansion?[indices.Count];
        var statuses = new TrialStatus[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            (expansions[i], statuses[i]) = Expand(() => SingularValueDerivatives.Expand(svd, path, indices[i], _layout.Order));
        }

        var errors = new double[indices.Count][];
        for (var i = 0; i < indices.Count; i++)
        {
            errors[i] = new double[_layout.ErrorColumns.Count];
            Array.Fill(errors[i], double.NaN);
        }

        var scales = expansions.Select(e => e is null ? [] : Enumerable.Range(1, _layout.Order).Select(j => RelativeError.NaturalScale(j, norm, e.Gap)).ToArray()).ToArray();
        CompareClosedForm(svd, path, expansions, scales, errors);
        CompareExtendedPrecision(trial, path, expansions, scales, errors);
        CompareFiniteDifferences(trial, norm, expansions, scales, errors);
        CompareHessians(trial, svd, norm, expansions, errors);
        CompareExternal(trial, expansions, scales, errors);

        var rows = new StudyRow[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var expansion = expansions[i];
            rows[i] = expansion is null
                ? new StudyRow(trial.Ensemble, trial.Trial, indices[i], double.NaN, Nan(_layout.Order), errors[i], statuses[i])
                : new StudyRow(trial.Ensemble, trial.Trial, indices[i], expansion.Value, expansion.Derivatives.ToArray(), errors[i], TrialStatus.Ok);
        }

        return rows;
    }

    private void CompareClosedForm(ThinSingularValueDecomposition svd, PerturbationPath path, SingularValueExpansion?[] expansions, double[][] scales, double[][] errors)
    {
        if (_layout.ClosedFormOffset < 0)
        {
            return;
        }

        for (var i = 0; i < expansions.Length; i++)
        {
            var index = _layout.Indices[i];
            if (expansions[i] is { } expansion && Expand(() => SingularValueDerivatives.ClosedForm(svd, path, index, _layout.ClosedFormOrders)).Expansion is { } reference)
            {
                Fill(errors[i], _layout.ClosedFormOffset, expansion, reference.Derivatives, scales[i], _layout.ClosedFormOrders);
            }
        }
    }

    private void CompareExtendedPrecision(StudyTrial trial, PerturbationPath path, SingularValueExpansion?[] expansions, double[][] scales, double[][] errors)
    {
        if (_layout.ExtendedPrecisionOffset < 0)
        {
            return;
        }

        var refined = ThinSingularValueDecomposition.Compute(trial.Matrix, DecompositionRefinement.ExtendedPrecision);
        for (var i = 0; i < expansions.Length; i++)
        {
            var index = _layout.Indices[i];
            if (expansions[i] is { } expansion && Expand(() => SingularValueDerivatives.Expand(refined, path, index, _layout.Order)).Expansion is { } reference)
            {
                Fill(errors[i], _layout.ExtendedPrecisionOffset, expansion, reference.Derivatives, scales[i], _layout.Order);
            }
        }
    }

    private void CompareFiniteDifferences(StudyTrial trial, double norm, SingularValueExpansion?[] expansions, double[][] scales, double[][] errors)
    {
        if (_layout.FiniteDifferenceOffset < 0)
        {
            return;
        }

        var offsets = RichardsonDifferences.HalfStepOffsets;
        var values = new double[offsets.Length];
        var atZero = SingularValuesAt(trial, 0);
        for (var i = 0; i < expansions.Length; i++)
        {
            if (expansions[i] is not { } expansion)
            {
                continue;
            }

            var k = _layout.Indices[i];
            var lengthScale = expansion.Gap / (2 * norm);                                       // ρ_k = g_k / (2‖E‖_F), inside the disk of convergence
            for (var order = 1; order <= _layout.FiniteDifferenceOrders; order++)
            {
                var step = RichardsonDifferences.Step(order, lengthScale);
                for (var p = 0; p < offsets.Length; p++)
                {
                    values[p] = offsets[p] == 0 ? atZero[k - 1] : SingularValuesAt(trial, offsets[p] * step / 2)[k - 1];    // s_k(A + tE), t = o h/2
                }

                var reference = RichardsonDifferences.Derivative(order, values, step);
                errors[i][_layout.FiniteDifferenceOffset + order - 1] = RelativeError.Of(expansion.Derivatives[order - 1], reference, scales[i][order - 1]);
            }
        }
    }

    private void CompareHessians(StudyTrial trial, ThinSingularValueDecomposition svd, double norm, SingularValueExpansion?[] expansions, double[][] errors)
    {
        if (_hessian is null)
        {
            return;
        }

        var full = KroneckerHessian.Factor(trial.Matrix);
        var gradients = _layout.HessianFiniteDifferenceColumn >= 0 && LengthScale(expansions, norm) is { } rho
            ? GradientDifferences.Along(trial, _layout.Indices, RichardsonDifferences.Step(1, rho))
            : null;
        for (var i = 0; i < expansions.Length; i++)
        {
            if (expansions[i] is not { } expansion)
            {
                continue;
            }

            _hessian.Fill(svd, full, _layout.Indices[i]);
            errors[i][_layout.HessianKroneckerColumn] = _hessian.RelativeDifference();                   // ‖H − H_ref‖_F / ‖H_ref‖_F
            if (gradients is not null)
            {
                var difference = (_hessian.Apply(trial.Direction) - gradients[i]).L2Norm();            // ‖Hess · vec(E) − FD‖
                errors[i][_layout.HessianFiniteDifferenceColumn] = difference / Math.Max(gradients[i].L2Norm(), norm / expansion.Gap);
            }
        }
    }

    private void CompareExternal(StudyTrial trial, SingularValueExpansion?[] expansions, double[][] scales, double[][] errors)
    {
        if (_layout.ExternalOffset < 0 || _definition.External is not { } external)
        {
            return;
        }

        for (var i = 0; i < expansions.Length; i++)
        {
            if (expansions[i] is { } expansion && external.Find(trial.Trial, _layout.Indices[i]) is { } reference)
            {
                Fill(errors[i], _layout.ExternalOffset, expansion, reference, scales[i], _layout.ExternalOrders);
            }
        }
    }

    /// <summary>ρ = min_k g_k / (2‖E‖_F): inside the convergence disk of every k followed (null when none has a derivative).</summary>
    private static double? LengthScale(SingularValueExpansion?[] expansions, double norm)
    {
        var gaps = expansions.Where(e => e is not null).Select(e => e!.Gap).ToArray();
        return gaps.Length == 0 ? null : gaps.Min() / (2 * norm);
    }

    private static double[] SingularValuesAt(StudyTrial trial, double t) =>
        (trial.Matrix + t * trial.Direction).Svd(computeVectors: false).S.ToArray();

    private static void Fill(double[] errors, int offset, SpectralExpansion expansion, IReadOnlyList<double> reference, double[] scales, int orders)
    {
        for (var j = 0; j < orders; j++)
        {
            errors[offset + j] = RelativeError.Of(expansion.Derivatives[j], reference[j], scales[j]);
        }
    }

    private static (T? Expansion, TrialStatus Status) Expand<T>(Func<T> compute)
        where T : class
    {
        try
        {
            return (compute(), TrialStatus.Ok);
        }
        catch (DegenerateSpectrumException)
        {
            return (null, TrialStatus.Degenerate);
        }
        catch (SeriesOverflowException)
        {
            return (null, TrialStatus.Overflow);
        }
    }

    private static double[] Nan(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }
}
