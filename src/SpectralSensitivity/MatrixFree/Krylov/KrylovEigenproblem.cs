using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>
/// An isolated eigenvalue of a symmetric operator whose reduced resolvent is applied matrix-free by a
/// <see cref="DeflatedResolvent"/>: what the matrix-free recursion and its error estimate read, for singular values
/// (through the Jordan–Wielandt embedding) and for symmetric eigenvalues alike.
/// </summary>
/// <remarks>
/// Units: the target, gap and residual are held in the normalised operator's units (<c>2^−e</c> times the caller's);
/// the recursion's scaled units divide them by <c>σ = 2^v</c> (<see cref="IsolatedEigenproblem.ValueExponent"/>), and
/// the resolvent is multiplied back by σ: <c>S(T/σ, λ/σ) = σ S(T, λ)</c>.
/// </remarks>
internal abstract class KrylovEigenproblem : IsolatedEigenproblem
{
    /// <summary>Stores the target's unit eigenvector, the bound on ‖E'‖₂ and v.</summary>
    protected KrylovEigenproblem(double[] eigenvector, double directionNormBound, int valueExponent)
        : base(eigenvector, [directionNormBound], valueExponent)
    {
    }

    /// <summary>The target in the normalised operator's units (s'_k or μ'_k).</summary>
    public double UnscaledEigenvalue { get; protected init; }

    /// <summary>d', the distance from the target to the rest of the spectrum, in the normalised operator's units.</summary>
    public double UnscaledGap { get; protected init; }

    /// <summary>The residual of the target pair, in the normalised operator's units.</summary>
    public double TripletResidual { get; protected init; }

    /// <summary>The deflated solver, with the residual and iterations of each solve.</summary>
    public DeflatedResolvent Resolvent { get; protected init; } = null!;

    /// <summary>‖right-hand side‖ of each solve, in the recursion's units.</summary>
    public List<double> RightSideNorms { get; } = [];

    public override double MemberEigenvalue(int member) => Math.ScaleB(UnscaledEigenvalue, -ValueExponent);

    public override double Gap => Math.ScaleB(UnscaledGap, -ValueExponent);

    /// <summary>destination = σ S' source (the reduced resolvent of <c>T'/σ</c> at <c>λ'/σ</c>).</summary>
    public override void ApplyResolvent(int member, double[] source, double[] destination)
    {
        RightSideNorms.Add(VectorMath.Norm(source));
        Resolvent.Apply(source, destination);
        VectorMath.ScaleByPowerOfTwo(destination, ValueExponent);
    }
}
