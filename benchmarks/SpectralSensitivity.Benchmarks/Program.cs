using BenchmarkDotNet.Running;

namespace SpectralSensitivity.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0].StartsWith("krylov-", StringComparison.Ordinal))
        {
            MatrixFree.KrylovScaleRun.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "classification")
        {
            Decomposition.NearTieClassificationRun.Run(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
