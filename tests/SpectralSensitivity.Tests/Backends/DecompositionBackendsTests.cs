using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Backends;

/// <summary>The control of the backend seam and of the thread setting. Both are process-wide, so these tests run alone
/// (<see cref="GlobalProviderCollection"/>) and restore them.</summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class DecompositionBackendsTests
{
    [Fact]
    public void Default_backend_is_the_managed_one()
    {
        DecompositionBackends.Managed.Name.Should().Be("managed");
        using var saved = new GlobalLinearAlgebraState();
        DecompositionBackends.UseManaged();
        DecompositionBackends.Current.Should().BeSameAs(DecompositionBackends.Managed);
    }

    [Fact]
    public void Decompositions_run_on_the_selected_backend_wide_matrices_through_their_transpose()
    {
        using var saved = new GlobalLinearAlgebraState();
        var backend = new RecordingBackend();
        DecompositionBackends.Use(backend);
        var a = Matrix<double>.Build.Random(4, 9, 5);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var b = Matrix<double>.Build.Random(6, 6, 6);
        _ = SymmetricEigendecomposition.Compute(b + b.Transpose());
        backend.Calls.Should().Equal("svd 9x4", "evd 6");
        (svd.LeftVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(svd.SingularValues) * svd.RightVectors.Transpose() - a)
            .FrobeniusNorm().Should().BeLessThan(1e-14 * a.FrobeniusNorm() * 10);
    }

    [Fact]
    public void Selecting_a_backend_applies_the_thread_setting_and_changing_the_setting_reaches_it()
    {
        using var saved = new GlobalLinearAlgebraState();
        var backend = new RecordingBackend();
        SpectralParallelism.Current = new Parallelism(3);
        DecompositionBackends.Use(backend);
        backend.Applied.Should().Equal(new Parallelism(3));

        SpectralParallelism.Current = Parallelism.Sequential;
        backend.Applied.Should().Equal(new Parallelism(3), Parallelism.Sequential);
        MathNet.Numerics.Control.MaxDegreeOfParallelism.Should().Be(1, "MathNet's managed code follows the same setting");
        SpectralParallelism.Options().MaxDegreeOfParallelism.Should().Be(1, "the core's loops follow the same setting");
        SpectralParallelism.Options(new Parallelism(2)).MaxDegreeOfParallelism.Should().Be(2, "a per-call setting wins");

        SpectralParallelism.Current = Parallelism.Default;
        SpectralParallelism.Options().MaxDegreeOfParallelism.Should().Be(-1);
        MathNet.Numerics.Control.MaxDegreeOfParallelism.Should().Be(Environment.ProcessorCount);
    }

    [Fact]
    public void Null_backend_and_null_setting_are_rejected()
    {
        var backend = () => DecompositionBackends.Use(null!);
        backend.Should().Throw<ArgumentNullException>();
        var setting = () => SpectralParallelism.Current = null!;
        setting.Should().Throw<ArgumentNullException>();
    }
}
