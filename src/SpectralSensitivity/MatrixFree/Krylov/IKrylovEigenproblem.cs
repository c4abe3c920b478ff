namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>What the matrix-free expansion reads from its eigenproblem beyond <see cref="Series.IsolatedEigenproblem"/>: the solver and the inputs of the error estimate.</summary>
internal interface IKrylovEigenproblem
{
    /// <summary>The deflated solver, with the residual and iterations of each solve.</summary>
    DeflatedResolvent Resolvent { get; }

    /// <summary>‖right-hand side‖ of each solve, in the recursion's units.</summary>
    List<double> RightSideNorms { get; }

    /// <summary>The residual of the target pair, in the normalised operator's units.</summary>
    double TripletResidual { get; }

    /// <summary>The gap d in the normalised operator's units.</summary>
    double UnscaledGap { get; }
}
