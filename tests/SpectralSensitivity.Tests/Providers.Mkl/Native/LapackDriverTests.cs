using FluentAssertions;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Providers.Mkl.Errors;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl.Native;

/// <summary>LAPACK <c>info</c> codes from the real libraries become typed exceptions.</summary>
public sealed class LapackDriverTests
{
    [NativeTheory(NativeBackend.Mkl)]
    [InlineData(NativeBackend.Mkl)]
    public void Mkl_illegal_argument_becomes_a_typed_exception(NativeBackend backend) => IllegalLda(backend);

    [NativeTheory(NativeBackend.OpenBlas)]
    [InlineData(NativeBackend.OpenBlas)]
    public void OpenBlas_illegal_argument_becomes_a_typed_exception(NativeBackend backend) => IllegalLda(backend);

    [NativeFact(NativeBackend.Mkl)]
    public void Workspace_queries_serve_large_and_degenerate_shapes()
    {
        var driver = SpectralProviders.GetNative(NativeBackend.Mkl).Driver;
        foreach (var (m, n) in new[] { (1, 1), (1, 300), (300, 1), (257, 129) })
        {
            var a = Enumerable.Range(0, m * n).Select(i => Math.Sin(i + 1.0)).ToArray();
            var k = Math.Min(m, n);
            double[] s = new double[k], u = new double[m * k], vt = new double[k * n];
            driver.Gesdd('S', m, n, a, m, s, u, m, vt, k).Should().Be(0);
            s.Should().BeInDescendingOrder().And.OnlyContain(x => x >= 0);
        }
    }

    private static void IllegalLda(NativeBackend backend)
    {
        var driver = SpectralProviders.GetNative(backend).Driver;
        var a = new double[9];
        // dgesdd argument 5 is LDA, which must be >= max(1, M) = 3.
        var act = () => driver.Gesdd('A', 3, 3, a, 1, new double[3], new double[9], 3, new double[9], 3);
        var error = act.Should().Throw<NativeLinearAlgebraException>().Which;
        error.Routine.Should().Be("dgesdd");
        error.Info.Should().Be(-5);
        error.IsIllegalArgument.Should().BeTrue();
    }
}
