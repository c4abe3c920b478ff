namespace SpectralSensitivity.Studies.Results;

/// <summary>The columns of a study's <c>results.csv</c>: <c>ensemble,trial,k,singular_value,d1..dN</c>, the error columns
/// of the validations asked for, and <c>status</c>.</summary>
/// <remarks>
/// Error columns, in this order: <c>closed_form_error_d1..</c> (orders up to min(N, 12)), <c>extended_precision_error_d1..dN</c>,
/// <c>finite_difference_error_d1..</c> (orders up to min(N, 4)), <c>hessian_kronecker_error</c>, <c>hessian_finite_difference_error</c>
/// (with both hessian and finite-differences), <c>external_error_d1..</c> (the orders the external file has, up to N).
/// </remarks>
public sealed class StudyLayout
{
    internal StudyLayout(int[] indices, int order, StudyValidations validations, int externalOrders)
    {
        Indices = indices;
        Order = order;
        Validations = validations;
        var columns = new List<string>();
        ClosedFormOffset = Add(columns, validations.HasFlag(StudyValidations.ClosedForm), "closed_form_error_d", Math.Min(order, SingularValueDerivatives.MaxClosedFormOrder));
        ClosedFormOrders = columns.Count;
        ExtendedPrecisionOffset = Add(columns, validations.HasFlag(StudyValidations.ExtendedPrecision), "extended_precision_error_d", order);
        FiniteDifferenceOffset = Add(columns, validations.HasFlag(StudyValidations.FiniteDifferences), "finite_difference_error_d", Math.Min(order, Evaluation.RichardsonDifferences.MaxOrder));
        FiniteDifferenceOrders = FiniteDifferenceOffset < 0 ? 0 : columns.Count - FiniteDifferenceOffset;
        var hessian = validations.HasFlag(StudyValidations.Hessian);
        HessianKroneckerColumn = hessian ? AddOne(columns, "hessian_kronecker_error") : -1;
        HessianFiniteDifferenceColumn = hessian && validations.HasFlag(StudyValidations.FiniteDifferences) ? AddOne(columns, "hessian_finite_difference_error") : -1;
        ExternalOffset = Add(columns, externalOrders > 0, "external_error_d", Math.Min(order, externalOrders));
        ExternalOrders = ExternalOffset < 0 ? 0 : columns.Count - ExternalOffset;
        ErrorColumns = columns;
        Header = string.Join(',', new[] { "ensemble", "trial", "k", "singular_value" }
            .Concat(Enumerable.Range(1, order).Select(j => $"d{j}"))
            .Concat(columns)
            .Append("status"));
    }

    /// <summary>The indices k of every trial.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>N.</summary>
    public int Order { get; }

    /// <summary>The validations asked for.</summary>
    public StudyValidations Validations { get; }

    /// <summary>Names of the error columns, in file order.</summary>
    public IReadOnlyList<string> ErrorColumns { get; }

    /// <summary>The CSV header line (no newline).</summary>
    public string Header { get; }

    internal int ClosedFormOffset { get; }

    internal int ClosedFormOrders { get; }

    internal int ExtendedPrecisionOffset { get; }

    internal int FiniteDifferenceOffset { get; }

    internal int FiniteDifferenceOrders { get; }

    internal int HessianKroneckerColumn { get; }

    internal int HessianFiniteDifferenceColumn { get; }

    internal int ExternalOffset { get; }

    internal int ExternalOrders { get; }

    private static int Add(List<string> columns, bool wanted, string prefix, int orders)
    {
        if (!wanted)
        {
            return -1;
        }

        var offset = columns.Count;
        columns.AddRange(Enumerable.Range(1, orders).Select(j => prefix + j));
        return offset;
    }

    private static int AddOne(List<string> columns, string name)
    {
        columns.Add(name);
        return columns.Count - 1;
    }
}
