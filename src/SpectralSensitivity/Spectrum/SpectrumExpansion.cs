using SpectralSensitivity.Results;

namespace SpectralSensitivity.Spectrum;

/// <summary>The Taylor expansions of many singular values (or eigenvalues) along one path, computed together.</summary>
/// <remarks>Each entry of <see cref="Expansions"/> is what the one-value entry point returns for its index, to rounding:
/// a <see cref="ValueExpansion"/>, or with <see cref="VectorCoefficients.Include"/> a <see cref="SingularValueExpansion"/>
/// (<see cref="EigenvalueExpansion"/> for a symmetric matrix).</remarks>
public sealed class SpectrumExpansion
{
    private readonly Dictionary<int, SpectralExpansion> _byIndex;

    internal SpectrumExpansion(int order, SpectralExpansion[] expansions)
    {
        Order = order;
        Expansions = expansions;
        _byIndex = expansions.ToDictionary(e => e.Index);
    }

    /// <summary>The highest order N.</summary>
    public int Order { get; }

    /// <summary>The expansions in the order the indices were asked for.</summary>
    public IReadOnlyList<SpectralExpansion> Expansions { get; }

    /// <summary>The 1-based indices expanded, in order.</summary>
    public IReadOnlyList<int> Indices => Expansions.Select(e => e.Index).ToArray();

    /// <summary>The expansion of the value with 1-based index k.</summary>
    /// <exception cref="KeyNotFoundException">k was not expanded.</exception>
    public SpectralExpansion Expansion(int index) =>
        _byIndex.TryGetValue(index, out var expansion) ? expansion : throw new KeyNotFoundException($"index {index} was not expanded; the expansion holds {string.Join(", ", _byIndex.Keys)}");

    /// <summary>One line: the order and the number of values.</summary>
    public override string ToString() => ResultText.Members(nameof(SpectrumExpansion), [$"Order = {Order}", $"Count = {Expansions.Count}"]);
}
