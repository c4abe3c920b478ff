using SpectralSensitivity.Studies.Sources;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>A study source that runs <c>beforeLoad(trial)</c> before loading each trial of <c>inner</c> (to hold, count or fail trials).</summary>
internal sealed class HookedSource(StudySource inner, Action<long> beforeLoad) : StudySource
{
    public override long TrialCount => inner.TrialCount;

    public override int Rows => inner.Rows;

    public override int Columns => inner.Columns;

    public override ulong Seed => inner.Seed;

    public override string Fingerprint => inner.Fingerprint;

    public override StudyTrial Load(long trial)
    {
        beforeLoad(trial);
        return inner.Load(trial);
    }
}
