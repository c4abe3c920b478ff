using SpectralSensitivity.Validation;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Operators;

/// <summary>Scratch vectors for allocation-free applications of a <see cref="ReducedResolvent"/>; not thread-safe, use one per thread.</summary>
public sealed class ResolventWorkspace
{
    internal ResolventWorkspace(int dimension, int size)
    {
        Source = new double[dimension];
        Result = new double[dimension];
        Size = size;
        Partials = PairedColumnSweep.CreatePartials(dimension, size);
    }

    internal double[] Source { get; }

    internal double[] Result { get; }

    /// <summary>The number r of singular pairs of the resolvent that made this workspace.</summary>
    internal int Size { get; }

    /// <summary>One accumulator per core for the column-split pass; empty when the pass runs on one core.</summary>
    internal double[][] Partials { get; }
}
