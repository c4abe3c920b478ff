namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>How a thick-restart Lanczos run (<see cref="ThickRestartLanczos.Iterate"/>) reads its Ritz pairs to decide convergence: whether the
/// <paramref name="wanted"/> pairs of the current step have converged.</summary>
/// <remarks>
/// <para>The run supplies the Ritz values <c>θ</c> of the step (ascending), the ranks in the wanted order (<c>order[i]</c> is the index in θ of the
/// i-th wanted pair, most extreme first) and the Lanczos residual estimate <c>ρ_i = ‖r‖ |Y[c, order[i]]| = ‖T q̃_i − θ q̃_i‖</c> of each ranked pair; the
/// rule maps them to the quantity the caller converges and applies <see cref="RitzBounds.Converged"/> to it. Two rules exist: the eigenvalues of T
/// themselves (<see cref="ThickRestartLanczos.Eigenvalues"/>: <c>x_i = ±θ_i</c>, residual <c>ρ_i</c>, tolerance relative to the largest |θ|), and the singular
/// values of A read from the eigenvalues of <c>T = A Aᵀ</c> (<see cref="OuterGramLanczos"/>: <c>x_i = √θ_i</c>, residual <c>ρ_i / √θ_i</c>, tolerance relative
/// to <c>√θ₁</c>). Cost: O(wanted) per call.</para>
/// </remarks>
/// <param name="theta">The Ritz values of the step, ascending.</param>
/// <param name="order">The indices into <paramref name="theta"/> of the pairs, most extreme first.</param>
/// <param name="residual">ρ_i of the i-th ranked pair (0-based rank).</param>
/// <param name="wanted">How many ranked pairs are wanted.</param>
/// <param name="converged">How many of them converge to the tolerance (the others only for the gap below them).</param>
/// <param name="relativeTolerance">The tolerance relative to the scale of the problem (the early-stop margin included).</param>
/// <returns>Whether the step may stop.</returns>
internal delegate bool RitzConvergence(double[] theta, int[] order, Func<int, double> residual, int wanted, int converged, double relativeTolerance);
