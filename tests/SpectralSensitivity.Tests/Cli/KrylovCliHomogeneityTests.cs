using System.Text.Json;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli;

/// <summary>
/// The CLI's matrix-free commands (<c>--decomposition krylov</c>) scale bit-exactly under powers of two, from 2^−1000 to 2^1000, for A
/// and E together, A alone and E alone: the iterations run on <c>2^−e A</c> and <c>2^−f E</c>, the same operators at every scale, so every
/// number in the JSON (values, derivatives, residuals, error estimates, factors, radius) is the unscaled one times its power of two, or the
/// command exits 3 saying the result is beyond the double range. Every numeric field is classified: a new field fails until it is.
/// </summary>
public sealed class KrylovCliHomogeneityTests
{
    public static TheoryData<string> Commands() => [.. EntryPoints.Select(e => e.Point.Name)];

    private static readonly (EntryPoint Point, bool Clustered)[] EntryPoints =
    [
        (Krylov("svd", ["--count", "3"], (_, field, _) => field == "clusterTolerance" ? (1, 0) : Field(field), takesDirection: false), false),
        (Krylov("derivatives", ["-k", "2", "-N", "4"], Fields), false),
        (Krylov("derivatives", ["-k", "2", "-N", "1"], Fields, format: MatrixFormat.MatrixMarketCoordinate), false),
        (Krylov("derivatives", ["-k", "3", "-N", "3", "--cluster-mean"], Fields), true),
        (Krylov("derivatives", ["-k", "3", "-N", "3", "--branches"], Fields, format: MatrixFormat.MatrixMarketCoordinate), true),
        (Krylov("eig-derivatives", ["-k", "8", "-N", "3"], Fields, symmetric: true), false),
        (Krylov("eig-derivatives", ["-k", "8", "-N", "1"], Fields, symmetric: true), false),
        (Krylov("gradient", ["-k", "2"], Gradient, takesDirection: false), false),
        (Krylov("hvp", ["-k", "2"], HessianVectorProduct), false),
        (Krylov("gradient", ["-k", "3", "--cluster-mean"], Gradient, takesDirection: false, format: MatrixFormat.MatrixMarketCoordinate), true),
        (Krylov("hvp", ["-k", "3", "--cluster-mean"], HessianVectorProduct), true),
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Json_outputs_scale_bit_exactly_for_A_and_E_together_and_apart_or_the_command_exits_3_naming_the_range(string command)
    {
        var (entryPoint, clustered) = EntryPoints.Single(e => e.Point.Name == command);
        var a = clustered ? TestSupport.TestMatrices.WithSingularValues(5, 4, [4, 2, 2, 2], seed: 3) : TestMatrices.Random(5, 4, 1);   // s₂ = s₃ = s₄ = 2 up to rounding
        EntryPointHarness.CheckHomogeneity(entryPoint, a, TestMatrices.Random(5, 4, 2), tolerance: 0, EntryPointHarness.Separately).Should().BeEmpty();
    }

    /// <summary>The gradient's factors <c>u vᵀ</c> (or <c>U_c V_cᵀ / g</c>) and its error estimate are scale-free.</summary>
    private static (int A, int E) Gradient(JsonElement root, string field, int[] at) => field switch
    {
        "factors.left" or "factors.right" or "errorEstimate" => (0, 0),
        _ => Field(field),
    };

    /// <summary>The HVP's factors <c>L = [Ẋ_top, U_c/g]</c>, <c>R = [V_c, Ẋ_bot]</c>, g columns each: the derivative columns scale as (−1, 1).</summary>
    private static (int A, int E) HessianVectorProduct(JsonElement root, string field, int[] at)
    {
        var g = root.GetProperty("rank").GetInt32() / 2;
        return field switch
        {
            "factors.left" => at[1] < g ? (-1, 1) : (0, 0),
            "factors.right" => at[1] < g ? (0, 0) : (-1, 1),
            "errorEstimate" => (-1, 1),
            "quadraticForm" => (-1, 2),
            _ => Field(field),
        };
    }

    private static (int A, int E) Fields(JsonElement root, string field, int[] at) => field switch
    {
        "derivatives" or "derivativeErrorEstimates" => Derivative(at[0] + 1),
        "branches" or "branchErrorEstimates" => Derivative(at[1] + 1),
        "taylorCoefficients" => (1 - at[0], at[0]),
        _ => Field(field),
    };

    /// <summary>D_n(2^a A)[2^b E] = 2^(a + (b − a) n) D_n(A)[E].</summary>
    private static (int A, int E) Derivative(int n) => (1 - n, n);

    /// <summary>The fields every command shares.</summary>
    private static (int A, int E) Field(string field) => field switch
    {
        "index" or "order" or "rows" or "columns" or "rank" or "count" or "restarts" or "products" or "cluster" or "tied" or "solverIterations" => (0, 0),
        "tolerance" or "clusterTolerance" or "conditionFigure" or "expectedRelativeErrors" or "solverResiduals" => (0, 0),       // relative
        "singularValue" or "eigenvalue" or "singularValues" or "gap" => (1, 0),
        "leftResidual" or "rightResidual" or "residual" or "leftResiduals" or "rightResiduals" or "memberResiduals" => (1, 0),
        "convergenceRadius" => (1, -1),                                                                                        // d / (2‖E‖₂)
        _ => throw new InvalidOperationException($"JSON field '{field}' has no homogeneity in this test: add it"),
    };

    /// <summary>`spectral COMMAND ARGS --decomposition krylov --json`, every numeric leaf of the JSON a quantity named by its path.</summary>
    private static EntryPoint Krylov(string name, string[] arguments, Func<JsonElement, string, int[], (int A, int E)> exponents, bool symmetric = false,
        bool takesDirection = true, MatrixFormat format = MatrixFormat.NpyFloat64C) =>
        CliHomogeneityTests.Command(name, [.. arguments, "--decomposition", "krylov"], json => Leaves(json, "", []).Select(leaf =>
        {
            var (a, e) = exponents(json, leaf.Field, leaf.At);
            return new Quantity($"{leaf.Field}[{string.Join(',', leaf.At)}]", leaf.Value, a, e);
        }), symmetric, takesDirection, format);

    private static IEnumerable<(string Field, int[] At, double Value)> Leaves(JsonElement element, string field, int[] at) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value, field.Length == 0 ? p.Name : $"{field}.{p.Name}", [])),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((x, i) => Leaves(x, field, [.. at, i])),
        JsonValueKind.Number => [(field, at, element.GetDouble())],
        _ => [],
    };
}
