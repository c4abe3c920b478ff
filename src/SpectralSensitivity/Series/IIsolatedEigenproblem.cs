namespace SpectralSensitivity.Series;

/// <summary>
/// What the perturbation engine needs to know about <c>T(t) = T + Σ_ν t^ν T^(ν)</c> at an isolated simple
/// eigenvalue λ of the symmetric operator T: its unit eigenvector, its reduced resolvent and the path terms.
/// </summary>
/// <remarks>Implemented for singular values (through the Jordan–Wielandt embedding) and for symmetric matrices.
/// Instances hold scratch buffers and are not thread-safe.</remarks>
internal interface IIsolatedEigenproblem
{
    /// <summary>Dimension of the space T acts on.</summary>
    int Dimension { get; }

    /// <summary>The unperturbed eigenvalue λ.</summary>
    double Eigenvalue { get; }

    /// <summary>A unit eigenvector w₀ of λ (length <see cref="Dimension"/>).</summary>
    double[] Eigenvector { get; }

    /// <summary>Distance d from λ to the rest of the spectrum of T.</summary>
    double Gap { get; }

    /// <summary>Degree L of the path.</summary>
    int PathDegree { get; }

    /// <summary>Upper bounds on ‖T^(ν)‖₂, ν = 1..L (index ν−1).</summary>
    double[] PathTermNormBounds { get; }

    /// <summary>destination = S source, S the reduced resolvent at λ.</summary>
    void ApplyResolvent(double[] source, double[] destination);

    /// <summary>destination = T^(ν) source, 1 ≤ ν ≤ L.</summary>
    void ApplyPathTerm(int degree, double[] source, double[] destination);
}
