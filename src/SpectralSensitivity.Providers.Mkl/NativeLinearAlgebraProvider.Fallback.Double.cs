using System.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace SpectralSensitivity.Providers.Mkl;

// Double-precision operations without a native implementation here: delegated to the managed provider.
public sealed partial class NativeLinearAlgebraProvider
{
    void ILinearAlgebraProvider<double>.AddVectorToScaledVector(double[] y, double alpha, double[] x, double[] result)
        => Managed.AddVectorToScaledVector(y, alpha, x, result);

    void ILinearAlgebraProvider<double>.ScaleArray(double alpha, double[] x, double[] result)
        => Managed.ScaleArray(alpha, x, result);

    void ILinearAlgebraProvider<double>.ConjugateArray(double[] x, double[] result)
        => Managed.ConjugateArray(x, result);

    double ILinearAlgebraProvider<double>.DotProduct(double[] x, double[] y)
        => Managed.DotProduct(x, y);

    void ILinearAlgebraProvider<double>.AddArrays(double[] x, double[] y, double[] result)
        => Managed.AddArrays(x, y, result);

    void ILinearAlgebraProvider<double>.SubtractArrays(double[] x, double[] y, double[] result)
        => Managed.SubtractArrays(x, y, result);

    void ILinearAlgebraProvider<double>.PointWiseMultiplyArrays(double[] x, double[] y, double[] result)
        => Managed.PointWiseMultiplyArrays(x, y, result);

    void ILinearAlgebraProvider<double>.PointWiseDivideArrays(double[] x, double[] y, double[] result)
        => Managed.PointWiseDivideArrays(x, y, result);

    void ILinearAlgebraProvider<double>.PointWisePowerArrays(double[] x, double[] y, double[] result)
        => Managed.PointWisePowerArrays(x, y, result);

    // The managed provider's Frobenius norm is sqrt(trace(A Aᵀ)) after forming A Aᵀ: O(m² n) flops and m² memory, and it
    // overflows for entries above 2^511. Here it is one scale-safe pass over the storage, O(m n).
    double ILinearAlgebraProvider<double>.MatrixNorm(Norm norm, int rows, int columns, double[] matrix)
        => norm == Norm.FrobeniusNorm
            ? SpectralSensitivity.MatrixFree.VectorMath.Norm(matrix.AsSpan(0, rows * columns))    // ‖A‖_F = ‖vec(A)‖₂
            : Managed.MatrixNorm(norm, rows, columns, matrix);

    void ILinearAlgebraProvider<double>.LUFactor(double[] data, int order, int[] ipiv)
        => Managed.LUFactor(data, order, ipiv);

    void ILinearAlgebraProvider<double>.LUInverse(double[] a, int order)
        => Managed.LUInverse(a, order);

    void ILinearAlgebraProvider<double>.LUInverseFactored(double[] a, int order, int[] ipiv)
        => Managed.LUInverseFactored(a, order, ipiv);

    void ILinearAlgebraProvider<double>.LUSolve(int columnsOfB, double[] a, int order, double[] b)
        => Managed.LUSolve(columnsOfB, a, order, b);

    void ILinearAlgebraProvider<double>.LUSolveFactored(int columnsOfB, double[] a, int order, int[] ipiv, double[] b)
        => Managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);

    void ILinearAlgebraProvider<double>.CholeskyFactor(double[] a, int order)
        => Managed.CholeskyFactor(a, order);

    void ILinearAlgebraProvider<double>.CholeskySolve(double[] a, int orderA, double[] b, int columnsB)
        => Managed.CholeskySolve(a, orderA, b, columnsB);

    void ILinearAlgebraProvider<double>.CholeskySolveFactored(double[] a, int orderA, double[] b, int columnsB)
        => Managed.CholeskySolveFactored(a, orderA, b, columnsB);

    void ILinearAlgebraProvider<double>.QRSolve(double[] a, int rows, int columns, double[] b, int columnsB, double[] x, QRMethod method)
        => Managed.QRSolve(a, rows, columns, b, columnsB, x, method);

    void ILinearAlgebraProvider<double>.QRSolveFactored(double[] q, double[] r, int rowsA, int columnsA, double[] tau, double[] b, int columnsB, double[] x, QRMethod method)
        => Managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);

    void ILinearAlgebraProvider<double>.SvdSolve(double[] a, int rowsA, int columnsA, double[] b, int columnsB, double[] x)
        => Managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);

    void ILinearAlgebraProvider<double>.SvdSolveFactored(int rowsA, int columnsA, double[] s, double[] u, double[] vt, double[] b, int columnsB, double[] x)
        => Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
}
