using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Studies.Sampling;

namespace SpectralSensitivity.Studies.Sources;

/// <summary>Where a study's trials come from: a random ensemble (<see cref="EnsembleSource"/>) or user matrices (<see cref="MatrixStackSource"/>).</summary>
/// <remarks>
/// Trial t is a pure function of the source and t: any process can load any trial, which is what lets a study be split
/// across threads and MPI ranks without changing a single bit of its results.
/// </remarks>
public abstract class StudySource
{
    /// <summary>The number of trials.</summary>
    public abstract long TrialCount { get; }

    /// <summary>Rows m of every matrix.</summary>
    public abstract int Rows { get; }

    /// <summary>Columns n of every matrix.</summary>
    public abstract int Columns { get; }

    /// <summary>The seed of the per-trial streams (<see cref="TrialRandom"/>).</summary>
    public abstract ulong Seed { get; }

    /// <summary>A one-line description that changes whenever the trials would (recorded in the study manifest).</summary>
    public abstract string Fingerprint { get; }

    /// <summary>Loads trial <paramref name="trial"/>.</summary>
    /// <param name="trial">0 ≤ trial &lt; <see cref="TrialCount"/>.</param>
    public abstract StudyTrial Load(long trial);

    /// <summary>The direction of a trial: standard normal entries drawn after A from the trial's stream, scaled to unit Frobenius norm.</summary>
    /// <param name="random">The trial's stream.</param>
    /// <param name="rows">m.</param>
    /// <param name="columns">n.</param>
    protected static Matrix<double> DrawDirection(TrialRandom random, int rows, int columns)
    {
        var direction = Ensemble.Gaussian.Draw(random, rows, columns);
        return direction / new DenseMatrixOperator(direction).FrobeniusNorm();     // E / ‖E‖_F, one O(mn) pass (MathNet's FrobeniusNorm forms E Eᵀ)
    }

    /// <summary>Checks that <paramref name="trial"/> lies in 0..<see cref="TrialCount"/> − 1.</summary>
    protected void RequireTrial(long trial) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((ulong)trial, (ulong)TrialCount, nameof(trial));
}
