namespace SpectralSensitivity.Studies.Results;

/// <summary>Whether the derivatives of one trial and index exist; written in the <c>status</c> column.</summary>
public enum TrialStatus
{
    /// <summary>Computed (<c>ok</c>).</summary>
    Ok,

    /// <summary><c>s_k</c> is zero or repeated, so its derivatives are undefined (<c>degenerate</c>); the row's numbers are empty.</summary>
    Degenerate,

    /// <summary>A Taylor coefficient overflowed double precision (<c>overflow</c>); the row's numbers are empty.</summary>
    Overflow,
}
