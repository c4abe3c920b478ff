using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.IO;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Spectrum;

namespace SpectralSensitivity.Benchmarks.MatrixFree;

/// <summary>
/// Whole-run measurements of the matrix-free path that do not fit BenchmarkDotNet's repeated-iteration model (one
/// run takes seconds to minutes); driven by <c>scripts/bench-krylov.sh</c>, which runs SciPy's <c>svds</c> in the
/// same session.
/// <list type="bullet">
/// <item><c>krylov-scale A.mtx E.mtx K N [r]</c>: read A and E into CSR, the K + 1 largest triplets, orders 1..N of
/// <c>s_1..s_K</c> along E (values only, as the CLI computes them without <c>--output</c>: ⌊N/2⌋ solves each); prints the times and the peak working set.
/// r sets <see cref="KrylovOptions.RecycledVectors"/> (0: plain CG; default: the library's default).</item>
/// <item><c>krylov-versus-dense m n density K N seed [offset]</c>: a seeded random A with entries uniform in
/// <c>[−offset, 1 − offset)</c> (0.5 by default: mean zero, the top singular values at the edge of the bulk, close
/// together; 0: entries in [0, 1), <c>s₁</c> an isolated outlier), density 1 for a dense one, E uniform in [−0.5, 0.5); the dense
/// path (thin SVD with the best installed backend, recursion, gradient, HVP) against the matrix-free one (values only for the orders, ⌊N/2⌋ solves each,
/// as the CLI computes them without <c>--output</c>); prints both times and the largest relative differences; then, in the same run, the matrix-free
/// triplets and orders again, warm, without recycling (<c>RecycledVectors = 0</c>) and with it, for the ratio before and after the deflated solves;
/// then the triplets alone by the bidiagonalisation and by Lanczos on <c>A Aᵀ</c>, side by side.</item>
/// </list>
/// </summary>
internal static class KrylovScaleRun
{
    public static void Run(string[] args)
    {
        switch (args[0])
        {
            case "krylov-scale":
                Scale(args[1], args[2], Int(args[3]), Int(args[4]), args.Length > 5 ? Int(args[5]) : null);
                break;
            case "krylov-versus-dense":
                VersusDense(Int(args[1]), Int(args[2]), Real(args[3]), Int(args[4]), Int(args[5]), Int(args[6]), args.Length > 7 ? Real(args[7]) : 0.5);
                break;
            default:
                throw new ArgumentException($"unknown mode {args[0]}");
        }
    }

    private static void Scale(string aPath, string ePath, int count, int order, int? recycled)
    {
        var clock = Stopwatch.StartNew();
        var a = MatrixFile.ReadSparse(aPath);
        var e = MatrixFile.ReadSparse(ePath);
        var read = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var svd = PartialSingularValueDecomposition.ComputeThrough(a, count, new KrylovOptions(RecycledVectors: recycled));
        var triplets = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"read {read:F2} s; triplets {triplets:F2} s ({svd.Restarts} restarts, {svd.ProductCount} products); s = {Join(svd.SingularValues, "G12")}");
        Console.WriteLine($"triplet residuals ||Av - su|| = {Join(svd.LeftResiduals, "G2")}, ||A^T u - s v|| = {Join(svd.RightResiduals, "G2")}");
        clock.Restart();
        for (var k = 1; k <= count; k++)
        {
            var expansion = KrylovSingularValueDerivatives.Expand(svd, e, k, order, VectorCoefficients.None);
            Console.WriteLine($"s_{k}: derivatives {Join(expansion.Derivatives, "G10")}; error estimates {Join(expansion.DerivativeErrorEstimates, "G2")}; solver iterations {string.Join(",", expansion.SolverIterations)}");
        }

        var derivatives = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"recycled vectors in the solves: {svd.Recycled?.Count ?? 0} (KrylovOptions.RecycledVectors = {recycled?.ToString(CultureInfo.InvariantCulture) ?? "default"})");
        Console.WriteLine($"derivatives {derivatives:F2} s; triplets + derivatives {triplets + derivatives:F2} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }

    private static void VersusDense(int m, int n, double density, int count, int order, int seed, double offset)
    {
        SpectralSensitivity.Providers.Mkl.SpectralProviders.UseBest();                   // the dense path at its fastest (native SVD where installed)
        var random = new Random(seed);
        var a = density >= 1 ? Matrix<double>.Build.Dense(m, n, (_, _) => random.NextDouble() - offset) : RandomSparse(m, n, density, random, offset);
        var e = density >= 1 ? Matrix<double>.Build.Dense(m, n, (_, _) => random.NextDouble() - 0.5) : RandomSparse(m, n, density, random, 0.5);
        var aDense = Matrix<double>.Build.DenseOfMatrix(a);
        var eDense = Matrix<double>.Build.DenseOfMatrix(e);
        var clock = Stopwatch.StartNew();
        var dense = ThinSingularValueDecomposition.Compute(aDense);
        var denseSvd = clock.Elapsed.TotalSeconds;
        var reference = Enumerable.Range(1, count).Select(k => SingularValueDerivatives.Expand(dense, PerturbationPath.Linear(eDense), k, order)).ToArray();
        var denseOrders = clock.Elapsed.TotalSeconds;
        var denseHvp = Enumerable.Range(1, count).Select(k => HessianVectorProduct.At(dense, k).Apply(eDense)).ToArray();
        var denseTime = clock.Elapsed.TotalSeconds;
        var aOperator = new CountingOperator(LinearOperator.FromMatrix(a));
        var eOperator = new CountingOperator(LinearOperator.FromMatrix(e));
        clock.Restart();
        var partial = PartialSingularValueDecomposition.ComputeThrough(aOperator, count);
        var triplets = clock.Elapsed.TotalSeconds;
        var tripletProducts = aOperator.Products;
        var krylov = Enumerable.Range(1, count).Select(k => KrylovSingularValueDerivatives.Expand(partial, eOperator, k, order, VectorCoefficients.None)).ToArray();
        var krylovOrders = clock.Elapsed.TotalSeconds;
        var (orderProducts, orderDirectionProducts) = (aOperator.Products - tripletProducts, eOperator.Products);
        var krylovHvp = Enumerable.Range(1, count).Select(k => KrylovSingularValueDerivatives.HessianVectorProduct(partial, eOperator, k).ToDense()).ToArray();
        var krylovTime = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"matrix-free phases: {partial.Count} triplets ({partial.ConvergedCount} converged, the last for the gap; {partial.DeflatedCount} deflated in the solves, {partial.Recycled?.Count ?? 0} recycled vectors deflating their CG) {triplets:F2} s, {tripletProducts} products with A, {partial.Restarts} restarts; " +
            $"orders 1..{order} {krylovOrders - triplets:F2} s, {orderProducts} products with A, {orderDirectionProducts} with E; HVP {krylovTime - krylovOrders:F2} s");
        for (var k = 0; k < count; k++)
        {
            Console.WriteLine($"s_{k + 1} = {partial.SingularValues[k]:G12}: gap bound {partial.GapBound(k + 1):G4} (dense gap {DenseGap(dense.SingularValues.ToArray(), k):G4}); solver iterations {string.Join(",", krylov[k].SolverIterations)}; " +
                $"error estimates {Join(krylov[k].DerivativeErrorEstimates, "G2")}");
        }

        var worstDerivative = 0.0;
        var worstHvp = 0.0;
        var worstGradient = 0.0;
        for (var k = 0; k < count; k++)
        {
            for (var j = 1; j <= order; j++)
            {
                worstDerivative = Math.Max(worstDerivative, Math.Abs(krylov[k].Derivative(j) - reference[k].Derivative(j)) / Math.Abs(reference[k].Derivative(j)));
            }

            worstHvp = Math.Max(worstHvp, (krylovHvp[k] - denseHvp[k]).FrobeniusNorm() / denseHvp[k].FrobeniusNorm());
            var gradient = KrylovSingularValueDerivatives.Gradient(partial, k + 1).ToDense();
            worstGradient = Math.Max(worstGradient, (gradient - dense.LeftFactor.Column(k).OuterProduct(dense.RightFactor.Column(k))).FrobeniusNorm());
        }

        Console.WriteLine($"{m} x {n}, density {density}, k = 1..{count}, orders 1..{order}: dense {denseOrders:F2} s (SVD {denseSvd:F2} s), krylov {krylovOrders:F2} s, ratio {krylovOrders / denseOrders:F3}; " +
            $"with the HVP: dense {denseTime:F2} s, krylov {krylovTime:F2} s, ratio {krylovTime / denseTime:F3}");
        Console.WriteLine($"largest relative difference: derivatives {worstDerivative:G2}, HVP {worstHvp:G2}; gradient (Frobenius) {worstGradient:G2}");
        foreach (var recycled in new int?[] { 0, null })
        {
            var (seconds, lanczos, iterations, worst) = Orders(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), count, order, new KrylovOptions(RecycledVectors: recycled), krylov);
            Console.WriteLine($"again, warm, RecycledVectors = {recycled?.ToString(CultureInfo.InvariantCulture) ?? "default"}: krylov {seconds:F2} s (triplets {lanczos:F2} s), ratio {seconds / denseOrders:F3}; " +
                $"solver iterations {iterations}; largest relative difference to the first run's derivatives {worst:G2}");
        }

        TripletsSideBySide(LinearOperator.FromMatrix(a), count);
    }

    /// <summary>The triplets <c>ComputeThrough</c> asks for (K + 1, K converged), warm, by the bidiagonalisation and by Lanczos on <c>A Aᵀ</c> (when it
    /// applies) one after the other on the same normalised operator: times, products, the ratio, and the largest difference of the values.</summary>
    private static void TripletsSideBySide(ILinearOperator a, int count)
    {
        var normalized = OperatorScaling.Normalized(a, OperatorScaling.ExponentOf(a));
        var wanted = Math.Min(count + 1, Math.Min(a.RowCount, a.ColumnCount));
        var clock = Stopwatch.StartNew();
        var bidiagonal = GolubKahanLanczos.Run(normalized, wanted, count, KrylovOptions.Default);
        var bidiagonalSeconds = clock.Elapsed.TotalSeconds;
        if (!OuterGramLanczos.Applies(normalized))
        {
            Console.WriteLine($"triplets, warm: bidiagonalisation {bidiagonalSeconds:F2} s ({bidiagonal.Products} products); Lanczos on A A^T does not apply (m > n or no one-pass A A^T)");
            return;
        }

        clock.Restart();
        var (gram, products) = OuterGramLanczos.TryRun((IOuterGramOperator)normalized, wanted, count, KrylovOptions.Default);
        var gramSeconds = clock.Elapsed.TotalSeconds;
        var difference = gram is null ? double.NaN : Enumerable.Range(0, count).Max(i => Math.Abs(gram.Values[i] - bidiagonal.Values[i]) / bidiagonal.Values[0]);
        Console.WriteLine($"triplets, warm, side by side: bidiagonalisation {bidiagonalSeconds:F2} s ({bidiagonal.Products} products, {bidiagonal.Restarts} restarts); " +
            $"Lanczos on A A^T {gramSeconds:F2} s ({products} products counting A A^T as 2, {gram?.Restarts.ToString(CultureInfo.InvariantCulture) ?? "rejected"} restarts); ratio {gramSeconds / bidiagonalSeconds:F3}; " +
            $"largest value difference / s_1 {difference:G2}");
    }

    /// <summary>Triplets and orders 1..N of <c>s_1..s_K</c> (values only) with the given options: the seconds in all and for the triplets, the solver
    /// iterations, and the largest relative difference to <paramref name="reference"/>.</summary>
    private static (double Seconds, double Triplets, string Iterations, double Worst) Orders(ILinearOperator a, ILinearOperator e, int count, int order, KrylovOptions options,
        KrylovSingularValueExpansion[] reference)
    {
        var clock = Stopwatch.StartNew();
        var partial = PartialSingularValueDecomposition.ComputeThrough(a, count, options);
        var triplets = clock.Elapsed.TotalSeconds;
        var expansions = Enumerable.Range(1, count).Select(k => KrylovSingularValueDerivatives.Expand(partial, e, k, order, VectorCoefficients.None)).ToArray();
        var seconds = clock.Elapsed.TotalSeconds;
        var worst = Enumerable.Range(0, count).SelectMany(k => Enumerable.Range(1, order).Select(j => Math.Abs(expansions[k].Derivative(j) - reference[k].Derivative(j)) / Math.Abs(reference[k].Derivative(j)))).Max();
        return (seconds, triplets, string.Join("; ", expansions.Select(x => string.Join(",", x.SolverIterations))), worst);
    }

    private static double DenseGap(IReadOnlyList<double> s, int k) => Math.Min(k > 0 ? s[k - 1] - s[k] : double.PositiveInfinity, k + 1 < s.Count ? s[k] - s[k + 1] : s[k]);

    internal static Matrix<double> RandomSparse(int m, int n, double density, Random random, double offset)
    {
        var count = (int)(density * m * n);
        var rows = new int[count];
        var columns = new int[count];
        var values = new double[count];
        for (var p = 0; p < count; p++)
        {
            (rows[p], columns[p], values[p]) = (random.Next(m), random.Next(n), random.NextDouble() - offset);
        }

        var csr = CsrMatrix.FromCoordinates(m, n, rows, columns, values);
        return Matrix<double>.Build.SparseFromCompressedSparseRowFormat(m, n, csr.NonZeroCount, csr.RowPointers.ToArray(), csr.ColumnIndices.ToArray(), csr.Values.ToArray());
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static double Real(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<double> values, string format) => string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
}
