using System.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace SpectralSensitivity.Providers.Mkl;

// Single operations: all delegated to the managed provider (only double precision runs natively).
public sealed partial class NativeLinearAlgebraProvider
{
    void ILinearAlgebraProvider<float>.AddVectorToScaledVector(float[] y, float alpha, float[] x, float[] result)
        => Managed.AddVectorToScaledVector(y, alpha, x, result);

    void ILinearAlgebraProvider<float>.ScaleArray(float alpha, float[] x, float[] result)
        => Managed.ScaleArray(alpha, x, result);

    void ILinearAlgebraProvider<float>.ConjugateArray(float[] x, float[] result)
        => Managed.ConjugateArray(x, result);

    float ILinearAlgebraProvider<float>.DotProduct(float[] x, float[] y)
        => Managed.DotProduct(x, y);

    void ILinearAlgebraProvider<float>.AddArrays(float[] x, float[] y, float[] result)
        => Managed.AddArrays(x, y, result);

    void ILinearAlgebraProvider<float>.SubtractArrays(float[] x, float[] y, float[] result)
        => Managed.SubtractArrays(x, y, result);

    void ILinearAlgebraProvider<float>.PointWiseMultiplyArrays(float[] x, float[] y, float[] result)
        => Managed.PointWiseMultiplyArrays(x, y, result);

    void ILinearAlgebraProvider<float>.PointWiseDivideArrays(float[] x, float[] y, float[] result)
        => Managed.PointWiseDivideArrays(x, y, result);

    void ILinearAlgebraProvider<float>.PointWisePowerArrays(float[] x, float[] y, float[] result)
        => Managed.PointWisePowerArrays(x, y, result);

    double ILinearAlgebraProvider<float>.MatrixNorm(Norm norm, int rows, int columns, float[] matrix)
        => Managed.MatrixNorm(norm, rows, columns, matrix);

    void ILinearAlgebraProvider<float>.MatrixMultiply(float[] x, int rowsX, int columnsX, float[] y, int rowsY, int columnsY, float[] result)
        => Managed.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);

    void ILinearAlgebraProvider<float>.MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, float alpha, float[] a, int rowsA, int columnsA, float[] b, int rowsB, int columnsB, float beta, float[] c)
        => Managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);

    void ILinearAlgebraProvider<float>.LUFactor(float[] data, int order, int[] ipiv)
        => Managed.LUFactor(data, order, ipiv);

    void ILinearAlgebraProvider<float>.LUInverse(float[] a, int order)
        => Managed.LUInverse(a, order);

    void ILinearAlgebraProvider<float>.LUInverseFactored(float[] a, int order, int[] ipiv)
        => Managed.LUInverseFactored(a, order, ipiv);

    void ILinearAlgebraProvider<float>.LUSolve(int columnsOfB, float[] a, int order, float[] b)
        => Managed.LUSolve(columnsOfB, a, order, b);

    void ILinearAlgebraProvider<float>.LUSolveFactored(int columnsOfB, float[] a, int order, int[] ipiv, float[] b)
        => Managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);

    void ILinearAlgebraProvider<float>.CholeskyFactor(float[] a, int order)
        => Managed.CholeskyFactor(a, order);

    void ILinearAlgebraProvider<float>.CholeskySolve(float[] a, int orderA, float[] b, int columnsB)
        => Managed.CholeskySolve(a, orderA, b, columnsB);

    void ILinearAlgebraProvider<float>.CholeskySolveFactored(float[] a, int orderA, float[] b, int columnsB)
        => Managed.CholeskySolveFactored(a, orderA, b, columnsB);

    void ILinearAlgebraProvider<float>.QRFactor(float[] a, int rowsA, int columnsA, float[] q, float[] tau)
        => Managed.QRFactor(a, rowsA, columnsA, q, tau);

    void ILinearAlgebraProvider<float>.ThinQRFactor(float[] a, int rowsA, int columnsA, float[] r, float[] tau)
        => Managed.ThinQRFactor(a, rowsA, columnsA, r, tau);

    void ILinearAlgebraProvider<float>.QRSolve(float[] a, int rows, int columns, float[] b, int columnsB, float[] x, QRMethod method)
        => Managed.QRSolve(a, rows, columns, b, columnsB, x, method);

    void ILinearAlgebraProvider<float>.QRSolveFactored(float[] q, float[] r, int rowsA, int columnsA, float[] tau, float[] b, int columnsB, float[] x, QRMethod method)
        => Managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);

    void ILinearAlgebraProvider<float>.SingularValueDecomposition(bool computeVectors, float[] a, int rowsA, int columnsA, float[] s, float[] u, float[] vt)
        => Managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);

    void ILinearAlgebraProvider<float>.SvdSolve(float[] a, int rowsA, int columnsA, float[] b, int columnsB, float[] x)
        => Managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);

    void ILinearAlgebraProvider<float>.SvdSolveFactored(int rowsA, int columnsA, float[] s, float[] u, float[] vt, float[] b, int columnsB, float[] x)
        => Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);

    void ILinearAlgebraProvider<float>.EigenDecomp(bool isSymmetric, int order, float[] matrix, float[] matrixEv, Complex[] vectorEv, float[] matrixD)
        => Managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
}
