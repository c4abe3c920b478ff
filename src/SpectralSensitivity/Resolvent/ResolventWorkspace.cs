namespace SpectralSensitivity.Resolvent;

/// <summary>Scratch vectors for allocation-free applications of a <see cref="ReducedResolvent"/>; not thread-safe, use one per thread.</summary>
public sealed class ResolventWorkspace
{
    internal ResolventWorkspace(int dimension, int size)
    {
        Source = new double[dimension];
        Result = new double[dimension];
        A = new double[size];
        B = new double[size];
        AlphaPlus = new double[size];
        BetaPlus = new double[size];
    }

    internal double[] Source { get; }

    internal double[] Result { get; }

    internal double[] A { get; }

    internal double[] B { get; }

    internal double[] AlphaPlus { get; }

    internal double[] BetaPlus { get; }
}
