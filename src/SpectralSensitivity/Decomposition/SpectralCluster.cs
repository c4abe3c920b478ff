using SpectralSensitivity.Results;

namespace SpectralSensitivity.Decomposition;

/// <summary>A group of singular values (or eigenvalues) that count as one: equal, nearly equal within a tolerance, or zero.</summary>
/// <remarks>
/// <para>Members are consecutive 1-based indices <c>First … First + Count − 1</c> whose neighbouring values differ by at most
/// the tolerance (a chain), or, for singular values, every value at or below the zero tolerance. Kato calls such a group a
/// λ-group: its total eigenprojection and every symmetric function of its members (their mean, sum of squares, …) are
/// analytic in the perturbation even where the members cross or split (Kato, Ch. II §1.4 and §2.3).</para>
/// <para><see cref="Gap"/> is the distance d from the members to the rest of the spectrum (of <c>H(A)</c> for singular
/// values: the other <c>±s_i</c>, the partners <c>−s_c</c> of the members themselves and, for m ≠ n, the zero eigenvalue);
/// the cluster's series converge at least for <c>|t| &lt; d/(2‖E‖₂)</c>.</para>
/// </remarks>
/// <param name="First">The first member (1-based).</param>
/// <param name="Count">The number g of members.</param>
/// <param name="Values">The members' values, in index order.</param>
/// <param name="Gap">Distance d from the members to the rest of the spectrum; +∞ when there is no rest.</param>
/// <param name="IsZero">True for the singular values at or below the zero tolerance.</param>
/// <param name="Tolerance">The absolute tolerance that formed the chain.</param>
public sealed record SpectralCluster(int First, int Count, IReadOnlyList<double> Values, double Gap, bool IsZero, double Tolerance)
{
    /// <summary>The 1-based members <c>First … First + Count − 1</c>.</summary>
    public IReadOnlyList<int> Members => Enumerable.Range(First, Count).ToArray();

    /// <summary>The largest minus the smallest member value (0 for an exact repeat).</summary>
    public double Spread => Values.Max() - Values.Min();

    /// <summary>The mean of the members' values.</summary>
    public double Mean => Values.Average();

    /// <summary>Whether the cluster has a single member (a simple value).</summary>
    public bool IsSimple => Count == 1 && !IsZero;

    /// <summary>Whether <paramref name="index"/> (1-based) is a member.</summary>
    public bool Contains(int index) => index >= First && index < First + Count;

    /// <summary>One line: members, spread and gap, in the invariant culture.</summary>
    /// <returns>E.g. <c>SpectralCluster { Members = [2, 3, 4], Mean = 2, Spread = 0, Gap = 0.5, IsZero = False }</c>.</returns>
    public override string ToString() => ResultText.Members(
        nameof(SpectralCluster),
        $"Members = {ResultText.List(Count, i => (First + i).ToString(System.Globalization.CultureInfo.InvariantCulture))}",
        $"Mean = {ResultText.Number(Mean)}",
        $"Spread = {ResultText.Number(Spread)}",
        $"Gap = {ResultText.Number(Gap)}",
        $"IsZero = {IsZero}");

    /// <summary>The chain of sorted <paramref name="values"/> around <paramref name="index"/> whose neighbours differ by at most
    /// <paramref name="tolerance"/>: (first, count), 1-based.</summary>
    internal static (int First, int Count) Chain(IReadOnlyList<double> values, int index, double tolerance)
    {
        var first = index;
        while (first > 1 && Math.Abs(values[first - 2] - values[first - 1]) <= tolerance)
        {
            first--;
        }

        var last = index;
        while (last < values.Count && Math.Abs(values[last] - values[last - 1]) <= tolerance)
        {
            last++;
        }

        return (first, last - first + 1);
    }

    /// <summary>The absolute tolerance: <paramref name="relative"/> times the scale when given, the default otherwise.</summary>
    internal static double AbsoluteTolerance(double? relative, double scale, double fallback)
    {
        if (relative is not { } r)
        {
            return fallback;
        }

        if (!double.IsFinite(r) || r < 0)
        {
            throw new Errors.InvalidSpectralInputException($"cluster tolerance {r} must be finite and non-negative (it is relative to the largest value)");
        }

        return r * scale;
    }
}
