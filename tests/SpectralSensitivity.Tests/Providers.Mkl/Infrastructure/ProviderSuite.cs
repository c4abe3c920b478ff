using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>Base of the per-provider suites: resolves the provider named by the derived class's <see cref="RunsOnProviderAttribute"/>.</summary>
public abstract class ProviderSuite
{
    /// <summary>MathNet's managed provider, the reference every provider is compared with.</summary>
    protected static ILinearAlgebraProvider<double> Reference => ManagedLinearAlgebraProvider.Instance;

    /// <summary>Name of the provider under test.</summary>
    protected string ProviderName =>
        GetType().GetCustomAttributes(typeof(RunsOnProviderAttribute), false).Cast<RunsOnProviderAttribute>().Single().Provider;

    /// <summary>The provider under test.</summary>
    protected ILinearAlgebraProvider Provider => NativeTestEnvironment.Provider(ProviderName);

    /// <summary>Full SVD of <paramref name="a"/> through <paramref name="provider"/>'s array-level contract.</summary>
    protected static (double[] S, Matrix<double> U, Matrix<double> VT) FullSvd(ILinearAlgebraProvider<double> provider, Matrix<double> a, bool vectors = true)
    {
        int m = a.RowCount, n = a.ColumnCount;
        double[] s = new double[Math.Min(m, n)], u = new double[m * m], vt = new double[n * n];
        provider.SingularValueDecomposition(vectors, a.ToColumnMajorArray(), m, n, s, u, vt);
        return (s, Matrix<double>.Build.Dense(m, m, u), Matrix<double>.Build.Dense(n, n, vt));
    }
}
