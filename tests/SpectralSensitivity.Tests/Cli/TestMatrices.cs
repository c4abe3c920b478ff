using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace SpectralSensitivity.Tests.Cli;

/// <summary>Small reproducible matrices for the CLI tests.</summary>
internal static class TestMatrices
{
    public static Matrix<double> Random(int rows, int columns, int seed) =>
        Matrix<double>.Build.Random(rows, columns, new Normal(0, 1, new MersenneTwister(seed)));

    public static Matrix<double> Symmetric(int size, int seed)
    {
        var m = Random(size, size, seed);
        return m + m.Transpose();
    }
}
