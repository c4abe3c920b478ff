namespace SpectralSensitivity.Errors;

/// <summary>
/// A result exists mathematically but lies beyond the double range (above about 1.8e308 in magnitude) at the scale of
/// the input: for example the eighth derivative of <c>s_k(2^-1000 A)</c>, which is <c>2^7000</c> times that of A.
/// </summary>
/// <remarks>
/// Distinct from <see cref="SeriesOverflowException"/>, which says the series itself outgrew double precision because the
/// value is too close to the rest of the spectrum for the order asked. The library computes in units where the largest
/// singular value (or eigenvalue) and the direction are of order one, so only the final power-of-two rescaling can
/// overflow; a result that underflows is returned correctly rounded (possibly as zero or subnormal).
/// </remarks>
public sealed class ResultOutOfRangeException : UndefinedDerivativeException
{
    /// <summary>Creates the exception naming what overflowed.</summary>
    /// <param name="what">The quantity, e.g. "the derivative of order 8".</param>
    /// <param name="order">The derivative order concerned, if any.</param>
    public ResultOutOfRangeException(string what, int? order = null)
        : base($"{what} is beyond the double range at this scale of A and E (|x| > 1.8e308); rescale the inputs by a power of two and apply the homogeneity D_j(cA)[cE] = c D_j(A)[E]")
    {
        Order = order;
    }

    /// <summary>The derivative order concerned, if any.</summary>
    public int? Order { get; }
}
