using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies.Sampling;

namespace SpectralSensitivity.Studies.Sources;

/// <summary>User matrices: trial t is matrix t of the stack, with direction t of a second stack, or one drawn per trial.</summary>
/// <remarks>
/// A drawn direction has standard normal entries scaled to ‖E‖_F = 1, from the stream <c>TrialRandom(seed ⊕ 0x5A17D1EC7, t)</c>
/// (salted, so that re-reading a saved <c>A.npy</c> with the same seed does not make E a multiple of A). Cost: one read per trial.
/// </remarks>
public sealed class MatrixStackSource : StudySource
{
    private const ulong DirectionSalt = 0x5A17D1EC7UL;
    private readonly IMatrixStack _stack;
    private readonly IMatrixStack? _directions;

    /// <summary>Creates the source.</summary>
    /// <param name="stack">The matrices A.</param>
    /// <param name="seed">The seed of the drawn directions.</param>
    /// <param name="directions">The directions E (same count and shape), or null to draw them.</param>
    public MatrixStackSource(IMatrixStack stack, ulong seed, IMatrixStack? directions = null)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        if (directions is not null && (directions.Count != stack.Count || directions.Rows != stack.Rows || directions.Columns != stack.Columns))
        {
            throw new DimensionMismatchException(
                $"the directions are {directions.Count} x {directions.Rows} x {directions.Columns}; the matrices are {stack.Count} x {stack.Rows} x {stack.Columns}");
        }

        _directions = directions;
        Seed = seed;
    }

    /// <inheritdoc />
    public override long TrialCount => _stack.Count;

    /// <inheritdoc />
    public override int Rows => _stack.Rows;

    /// <inheritdoc />
    public override int Columns => _stack.Columns;

    /// <inheritdoc />
    public override ulong Seed { get; }

    /// <inheritdoc />
    public override string Fingerprint => $"matrices {_stack.Fingerprint}; " + (_directions is null ? $"directions drawn, seed {Seed}" : $"directions {_directions.Fingerprint}");

    /// <inheritdoc />
    public override StudyTrial Load(long trial)
    {
        RequireTrial(trial);
        var matrix = _stack.Read((int)trial);
        var direction = _directions?.Read((int)trial) ?? DrawDirection(new TrialRandom(Seed ^ DirectionSalt, trial), Rows, Columns);
        return new StudyTrial(_stack.Name, trial, matrix, direction);
    }
}
