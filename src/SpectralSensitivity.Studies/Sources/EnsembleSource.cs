using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies.Sampling;

namespace SpectralSensitivity.Studies.Sources;

/// <summary>Random matrices: <c>TrialsPerEnsemble</c> trials of each ensemble in turn, trial t drawn from <c>TrialRandom(seed, t)</c>.</summary>
/// <remarks>
/// Trials are numbered across ensembles: trials <c>e·T … (e+1)·T − 1</c> belong to ensemble e. Each trial draws A
/// (m × n, column-major) and then E (standard normal, scaled to ‖E‖_F = 1) from its own stream. Cost O(mn) per trial.
/// </remarks>
public sealed class EnsembleSource : StudySource
{
    /// <summary>Creates the source.</summary>
    /// <param name="ensembles">One or more ensembles, in the order their trials are numbered.</param>
    /// <param name="rows">m ≥ 1.</param>
    /// <param name="columns">n ≥ 1.</param>
    /// <param name="trialsPerEnsemble">T ≥ 1.</param>
    /// <param name="seed">The study seed.</param>
    public EnsembleSource(IReadOnlyList<Ensemble> ensembles, int rows, int columns, int trialsPerEnsemble, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(ensembles);
        if (ensembles.Count == 0)
        {
            throw new InvalidSpectralInputException("a study needs at least one ensemble");
        }

        if (rows < 1 || columns < 1 || trialsPerEnsemble < 1)
        {
            throw new InvalidSpectralInputException($"rows, columns and trials must be at least 1; got {rows} x {columns}, {trialsPerEnsemble} trials");
        }

        if (ensembles.Distinct().Count() != ensembles.Count)
        {
            throw new InvalidSpectralInputException("an ensemble is listed twice");
        }

        Ensembles = ensembles.ToArray();
        Rows = rows;
        Columns = columns;
        TrialsPerEnsemble = trialsPerEnsemble;
        Seed = seed;
    }

    /// <summary>The ensembles, in trial order.</summary>
    public IReadOnlyList<Ensemble> Ensembles { get; }

    /// <summary>Trials drawn from each ensemble.</summary>
    public int TrialsPerEnsemble { get; }

    /// <inheritdoc />
    public override long TrialCount => (long)TrialsPerEnsemble * Ensembles.Count;

    /// <inheritdoc />
    public override int Rows { get; }

    /// <inheritdoc />
    public override int Columns { get; }

    /// <inheritdoc />
    public override ulong Seed { get; }

    /// <inheritdoc />
    public override string Fingerprint =>
        $"ensembles {string.Join(' ', Ensembles.Select(e => e.Name))}; {Rows} x {Columns}; {TrialsPerEnsemble} trials each; seed {Seed}";

    /// <inheritdoc />
    public override StudyTrial Load(long trial)
    {
        RequireTrial(trial);
        var ensemble = Ensembles[(int)(trial / TrialsPerEnsemble)];
        var random = new TrialRandom(Seed, trial);
        var matrix = ensemble.Draw(random, Rows, Columns);
        return new StudyTrial(ensemble.Name, trial, matrix, DrawDirection(random, Rows, Columns));
    }
}
