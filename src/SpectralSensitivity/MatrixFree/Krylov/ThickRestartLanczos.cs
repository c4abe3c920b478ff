using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Extreme eigenpairs of a symmetric operator by Lanczos with thick restart and full reorthogonalisation.</summary>
/// <remarks>
/// <para>Builds an orthonormal <c>Q_p</c> with <c>T Q_p = Q_p M_p + r e_pᵀ</c>, <c>M_p = Q_pᵀ T Q_p</c> from the Gram–Schmidt
/// coefficients (tridiagonal in exact arithmetic before the first restart). With <c>M_p = Y Θ Yᵀ</c> the Ritz pair
/// <c>(θ_i, Q_p y_i)</c> has residual <c>‖r‖ |Y[p, i]|</c>. A restart keeps the l Ritz pairs at the wanted end and
/// continues from <c>r/‖r‖</c> (Wu and Simon, SIAM J. Matrix Anal. Appl. 22 (2000) 602–616). Cost per cycle:
/// <c>p − l</c> products with T, O(n p²) reorthogonalisation, O(p³) for the small eigenproblem; memory <c>8 n p</c> bytes.</para>
/// </remarks>
internal static class ThickRestartLanczos
{
    /// <summary>The wanted pairs, most extreme first, in the (scaled) coordinates the iteration ran in.</summary>
    /// <param name="Values">The wanted Ritz values, most extreme first.</param>
    /// <param name="Vectors">Their Ritz vectors.</param>
    /// <param name="Residuals"><c>‖T q̃_i − θ_i q̃_i‖</c>, measured.</param>
    /// <param name="Restarts">Restart cycles used.</param>
    /// <param name="Products">Products with T used.</param>
    /// <param name="Spare">Ritz vectors <c>Q_p y_i</c> of the final basis beyond the wanted ones, most extreme first, at most
    /// <see cref="KrylovOptions.RecycledVectors"/> of them: approximate eigenvectors next to the wanted ones, which the shifted solves recycle
    /// (<see cref="RecycledSubspace"/>).</param>
    internal sealed record Pairs(double[] Values, double[][] Vectors, double[] Residuals, int Restarts, int Products, double[][] Spare);

    /// <summary>The <paramref name="wanted"/> most extreme pairs at <paramref name="end"/>, the first <paramref name="converged"/> to
    /// <see cref="KrylovOptions.Tolerance"/> times the largest |θ|, the others until their residual is at most
    /// <see cref="GolubKahanLanczos.GapResidualFraction"/> of their distance beyond pair <paramref name="converged"/> (<see cref="RitzBounds.Converged"/>).</summary>
    /// <remarks>Convergence is checked at every step (<c>T Q_c = Q_c M_c + r e_cᵀ</c> holds for the leading block at every step), within a
    /// cycle against <paramref name="earlyStopMargin"/> times the tolerance, at the end of a cycle against the tolerance itself, as in
    /// <see cref="GolubKahanLanczos.Run"/>.</remarks>
    /// <param name="t">T (normalised), symmetric.</param>
    /// <param name="wanted">The number of pairs.</param>
    /// <param name="converged">How many of them converge to the tolerance.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="options">Tolerance, basis size and restart budget.</param>
    /// <param name="earlyStopMargin">Within a cycle, stop when the residuals are below this fraction of the tolerance.</param>
    public static Pairs Run(ILinearOperator t, int wanted, int converged, SpectrumEnd end, KrylovOptions options, double earlyStopMargin = GolubKahanLanczos.EarlyStopMargin)
    {
        var start = new double[t.RowCount];
        StartVector.Fill(start, 0);
        var basis = Iterate(start, t.Multiply, wanted, converged, end, Eigenvalues(end), options, earlyStopMargin,
            $"the {wanted} {(end == SpectrumEnd.LargestAlgebraic ? "largest" : "smallest")} eigenvalues");
        return Finish(t, basis, wanted, options);
    }

    /// <summary>The convergence rule of the eigenvalues of T: <c>x_i = ±θ_i</c> (end coordinates), residual <c>ρ_i</c>, tolerance times the largest |θ| of the step.</summary>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <returns>The rule for <see cref="Iterate"/>.</returns>
    public static RitzConvergence Eigenvalues(SpectrumEnd end)
    {
        var sign = end == SpectrumEnd.LargestAlgebraic ? 1.0 : -1.0;                  // end coordinates x = ±θ, most extreme first
        return (theta, order, residual, wanted, converged, relativeTolerance) =>
            RitzBounds.Converged(i => sign * theta[order[i]], residual, wanted, converged, relativeTolerance * Math.Max(Math.Abs(theta[0]), Math.Abs(theta[^1])));
    }

    /// <summary>The final basis of a run and the eigendecomposition of its projected matrix.</summary>
    /// <param name="Basis">Q, its columns the basis of the last step.</param>
    /// <param name="Vectors">Y, the eigenvectors of <c>M = Qᵀ T Q</c> (columns, in the order of <paramref name="Values"/>).</param>
    /// <param name="Values">θ, ascending.</param>
    /// <param name="Order">Indices into θ, most extreme first.</param>
    /// <param name="Restarts">Restart cycles used.</param>
    /// <param name="Products">Products with T used.</param>
    internal sealed record RitzBasis(OrthonormalBasis Basis, Matrix<double> Vectors, double[] Values, int[] Order, int Restarts, int Products)
    {
        /// <summary>The Ritz vector <c>Q y</c> of the pair of rank <paramref name="rank"/> (0-based, most extreme first). Cost O(n p).</summary>
        public double[] RitzVector(int rank)
        {
            var vector = new double[Basis.Dimension];
            Basis.Combine(Vectors.Column(Order[rank]).ToArray(), vector);           // q̃ = Q y
            return vector;
        }
    }

    /// <summary>The thick-restart Lanczos iteration on a symmetric T given by its product, from <paramref name="start"/>, until
    /// <paramref name="convergence"/> accepts the <paramref name="wanted"/> most extreme Ritz pairs at <paramref name="end"/> (or the basis spans the whole space).</summary>
    /// <remarks>Convergence is checked at every step (<c>T Q_c = Q_c M_c + r e_cᵀ</c> holds for the leading block at every step), within a
    /// cycle against <paramref name="earlyStopMargin"/> times the tolerance, at the end of a cycle against the tolerance itself, as in
    /// <see cref="GolubKahanLanczos.Run"/>. Cost per cycle: <c>p − l</c> products with T, O(n p²) reorthogonalisation, O(p³) for the small
    /// eigenproblem.</remarks>
    /// <param name="start">The start vector (any non-zero length-n vector; normalised here), e.g. <see cref="StartVector"/>'s stream 0.</param>
    /// <param name="product">x ↦ T x.</param>
    /// <param name="wanted">The number of pairs.</param>
    /// <param name="converged">How many of them converge to the tolerance.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="convergence">How the Ritz pairs are read (<see cref="Eigenvalues"/>, or the singular values of <see cref="OuterGramLanczos"/>).</param>
    /// <param name="options">Tolerance, basis size and restart budget.</param>
    /// <param name="earlyStopMargin">Within a cycle, stop when the residuals are below this fraction of the tolerance.</param>
    /// <param name="target">What is computed, for the message of a failure (e.g. "the 3 largest eigenvalues").</param>
    /// <returns>The final basis and its Ritz decomposition.</returns>
    /// <exception cref="KrylovConvergenceException">The restart budget ran out.</exception>
    internal static RitzBasis Iterate(double[] start, OperatorProduct product, int wanted, int converged, SpectrumEnd end, RitzConvergence convergence, KrylovOptions options,
        double earlyStopMargin, string target)
    {
        var n = start.Length;
        var p = options.BasisSizeFor(wanted, n);
        var q = new OrthonormalBasis(n, p);
        var m = Matrix<double>.Build.Dense(p, p);
        var w = new double[n];
        var coefficients = new double[p];
        q.Append(start, VectorMath.Norm(start));
        var (kept, products, stream, normEstimate) = (0, 0, 1, 0.0);
        var (theta, y, order) = (Array.Empty<double>(), m, Array.Empty<int>());
        for (var restart = 0; restart <= options.MaxRestarts; restart++)
        {
            var beta = 0.0;
            for (var c = kept; c < p; c++)
            {
                product(q.Column(c), w);                                                // T q_c
                products++;
                normEstimate = Math.Max(normEstimate, VectorMath.Norm(w));
                q.Orthogonalize(w, c + 1, coefficients);                                // T q_c = Q h + r
                for (var i = 0; i <= c; i++)
                {
                    m[i, c] = m[c, i] = coefficients[i];                               // M = Qᵀ T Q, symmetric
                }

                beta = VectorMath.Norm(w);
                if (c + 1 >= wanted)
                {
                    var size = c + 1;                                                   // T Q_c = Q_c M_c + r e_cᵀ holds at every step
                    (theta, y) = SmallMatrix.SymmetricEvd(size == p ? m : m.SubMatrix(0, size, 0, size));
                    order = Wanted(size, end);                                          // Ritz indices, most extreme first
                    var margin = size == p ? 1.0 : earlyStopMargin;                   // within a cycle, stop only well inside the tolerance
                    var last = y;
                    var done = convergence(theta, order, i => beta * Math.Abs(last[size - 1, order[i]]), wanted, converged, margin * options.Tolerance);   // ‖T q̃ − θ q̃‖ = ‖r‖ |Y[c, i]|
                    if (done || size == n)
                    {
                        return new RitzBasis(q, y, theta, order, restart, products);
                    }
                }

                if (c + 1 < p)
                {
                    GolubKahanLanczos.NextColumn(q, w, normEstimate, ref stream);
                }
            }

            kept = Math.Min(p - 1, wanted + ((p - wanted) / 2));
            var selected = Matrix<double>.Build.DenseOfColumnVectors(order.Take(kept).Select(y.Column));
            q.Rotate(selected, kept);
            m.Clear();
            for (var i = 0; i < kept; i++)
            {
                m[i, i] = theta[order[i]];
            }

            if (beta > 0)
            {
                q.Append(w, beta);
            }
            else
            {
                GolubKahanLanczos.NextColumn(q, w, normEstimate, ref stream);
            }
        }

        throw new KrylovConvergenceException(
            $"Lanczos did not converge to tolerance {options.Tolerance:G3} for {target} in {options.MaxRestarts} restarts (basis size {p}); raise the basis size or the restart budget, or use the dense decomposition");
    }

    private static int[] Wanted(int p, SpectrumEnd end) =>
        end == SpectrumEnd.LargestAlgebraic ? Enumerable.Range(0, p).Reverse().ToArray() : Enumerable.Range(0, p).ToArray();

    private static Pairs Finish(ILinearOperator t, RitzBasis basis, int wanted, KrylovOptions options)
    {
        var n = t.RowCount;
        var (theta, order, products) = (basis.Values, basis.Order, basis.Products);
        var values = new double[wanted];
        var vectors = new double[wanted][];
        var residuals = new double[wanted];
        var product = new double[n];
        for (var i = 0; i < wanted; i++)
        {
            vectors[i] = basis.RitzVector(i);                                           // q̃_i = Q y_i
            var (index, largest) = (0, 0.0);
            for (var j = 0; j < n; j++)
            {
                (index, largest) = Math.Abs(vectors[i][j]) > largest ? (j, Math.Abs(vectors[i][j])) : (index, largest);
            }

            if (vectors[i][index] < 0)
            {
                VectorMath.Scale(-1.0, vectors[i]);                                     // sign: largest entry positive
            }

            values[i] = theta[order[i]];
            t.Multiply(vectors[i], product);
            products++;
            VectorMath.Axpy(-values[i], vectors[i], product);
            residuals[i] = VectorMath.Norm(product);                                    // ‖T q − θ q‖
        }

        var spare = new double[options.RecycledVectorsFor(order.Length - wanted, t)][];
        for (var i = 0; i < spare.Length; i++)
        {
            spare[i] = basis.RitzVector(wanted + i);                                    // Q y_i, i beyond the wanted
        }

        return new Pairs(values, vectors, residuals, basis.Restarts, products, spare);
    }
}
