using SpectralSensitivity.Studies.Sampling;

namespace SpectralSensitivity.Studies.Sources;

/// <summary>User matrices: trial t is matrix t of the stack, with a direction drawn from <c>TrialRandom(seed, t)</c>.</summary>
/// <remarks>The direction has standard normal entries scaled to ‖E‖_F = 1, as for the random ensembles. Cost: one read per trial.</remarks>
/// <param name="stack">The matrices.</param>
/// <param name="seed">The seed of the directions.</param>
public sealed class MatrixStackSource(IMatrixStack stack, ulong seed) : StudySource
{
    private readonly IMatrixStack _stack = stack ?? throw new ArgumentNullException(nameof(stack));

    /// <inheritdoc />
    public override long TrialCount => _stack.Count;

    /// <inheritdoc />
    public override int Rows => _stack.Rows;

    /// <inheritdoc />
    public override int Columns => _stack.Columns;

    /// <inheritdoc />
    public override ulong Seed { get; } = seed;

    /// <inheritdoc />
    public override string Fingerprint => $"matrices {_stack.Fingerprint}; seed {Seed}";

    /// <inheritdoc />
    public override StudyTrial Load(long trial)
    {
        RequireTrial(trial);
        var matrix = _stack.Read((int)trial);
        return new StudyTrial(_stack.Name, trial, matrix, DrawDirection(new TrialRandom(Seed, trial), Rows, Columns));
    }
}
