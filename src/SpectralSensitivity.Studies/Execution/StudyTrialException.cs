namespace SpectralSensitivity.Studies.Execution;

/// <summary>A trial of a study failed (its matrix could not be read, or computing it threw): the trial is named here and the
/// original exception is <see cref="Exception.InnerException"/>. Shards completed before the failure are written and kept;
/// rerunning the same command (once the cause is fixed) computes only the missing ones.</summary>
public sealed class StudyTrialException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="trial">The 0-based trial number within the study (the row of <c>A.npy</c>).</param>
    /// <param name="innerException">What the trial threw.</param>
    public StudyTrialException(long trial, Exception innerException)
        : base($"trial {trial} of the study: {innerException?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        Trial = trial;
    }

    /// <summary>The 0-based trial number within the study.</summary>
    public long Trial { get; }
}
