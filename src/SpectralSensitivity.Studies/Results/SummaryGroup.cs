namespace SpectralSensitivity.Studies.Results;

/// <summary>The quantiles of every numeric column over the rows of one ensemble (or all, <c>"all"</c>) and one k.</summary>
/// <param name="Ensemble">The ensemble name, or <c>all</c> for every ensemble together.</param>
/// <param name="Index">k.</param>
/// <param name="Rows">Rows in the group.</param>
/// <param name="Ok">Rows whose status is <c>ok</c>.</param>
/// <param name="Columns">Quantiles per column name (<c>singular_value</c>, <c>d1</c>…, error columns); columns with no values are absent.</param>
public sealed record SummaryGroup(string Ensemble, int Index, int Rows, int Ok, IReadOnlyDictionary<string, Quantiles> Columns);
