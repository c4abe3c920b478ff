using MathNet.Numerics.LinearAlgebra.Double;

namespace SpectralSensitivity.Resolvent;

/// <summary>Scratch vectors for allocation-free applications of a <see cref="ReducedResolvent"/>; not thread-safe, use one per thread.</summary>
public sealed class ResolventWorkspace
{
    internal ResolventWorkspace(int rows, int columns, int size)
    {
        Top = new DenseVector(rows);
        Bottom = new DenseVector(columns);
        OutTop = new DenseVector(rows);
        OutBottom = new DenseVector(columns);
        A = new DenseVector(size);
        B = new DenseVector(size);
        AlphaPlus = new DenseVector(size);
        BetaPlus = new DenseVector(size);
    }

    internal DenseVector Top { get; }

    internal DenseVector Bottom { get; }

    internal DenseVector OutTop { get; }

    internal DenseVector OutBottom { get; }

    internal DenseVector A { get; }

    internal DenseVector B { get; }

    internal DenseVector AlphaPlus { get; }

    internal DenseVector BetaPlus { get; }
}
