namespace SpectralSensitivity.Studies.Results;

/// <summary>One line of <c>results.csv</c>: one trial and one index k.</summary>
/// <param name="Ensemble">Ensemble or stack name.</param>
/// <param name="Trial">0-based trial number.</param>
/// <param name="Index">1-based k.</param>
/// <param name="SingularValue"><c>s_k</c> (NaN when <paramref name="Status"/> is not <see cref="TrialStatus.Ok"/>).</param>
/// <param name="Derivatives"><c>D₁ … D_N</c> along the trial's direction.</param>
/// <param name="Errors">The error columns of <see cref="StudyLayout.ErrorColumns"/>.</param>
/// <param name="Status">Whether the derivatives exist.</param>
public sealed record StudyRow(string Ensemble, long Trial, int Index, double SingularValue, double[] Derivatives, double[] Errors, TrialStatus Status);
