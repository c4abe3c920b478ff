using System.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace SpectralSensitivity.Providers.Mkl;

// Complex operations: all delegated to the managed provider (only double precision runs natively).
public sealed partial class NativeLinearAlgebraProvider
{
    void ILinearAlgebraProvider<Complex>.AddVectorToScaledVector(Complex[] y, Complex alpha, Complex[] x, Complex[] result)
        => Managed.AddVectorToScaledVector(y, alpha, x, result);

    void ILinearAlgebraProvider<Complex>.ScaleArray(Complex alpha, Complex[] x, Complex[] result)
        => Managed.ScaleArray(alpha, x, result);

    void ILinearAlgebraProvider<Complex>.ConjugateArray(Complex[] x, Complex[] result)
        => Managed.ConjugateArray(x, result);

    Complex ILinearAlgebraProvider<Complex>.DotProduct(Complex[] x, Complex[] y)
        => Managed.DotProduct(x, y);

    void ILinearAlgebraProvider<Complex>.AddArrays(Complex[] x, Complex[] y, Complex[] result)
        => Managed.AddArrays(x, y, result);

    void ILinearAlgebraProvider<Complex>.SubtractArrays(Complex[] x, Complex[] y, Complex[] result)
        => Managed.SubtractArrays(x, y, result);

    void ILinearAlgebraProvider<Complex>.PointWiseMultiplyArrays(Complex[] x, Complex[] y, Complex[] result)
        => Managed.PointWiseMultiplyArrays(x, y, result);

    void ILinearAlgebraProvider<Complex>.PointWiseDivideArrays(Complex[] x, Complex[] y, Complex[] result)
        => Managed.PointWiseDivideArrays(x, y, result);

    void ILinearAlgebraProvider<Complex>.PointWisePowerArrays(Complex[] x, Complex[] y, Complex[] result)
        => Managed.PointWisePowerArrays(x, y, result);

    double ILinearAlgebraProvider<Complex>.MatrixNorm(Norm norm, int rows, int columns, Complex[] matrix)
        => Managed.MatrixNorm(norm, rows, columns, matrix);

    void ILinearAlgebraProvider<Complex>.MatrixMultiply(Complex[] x, int rowsX, int columnsX, Complex[] y, int rowsY, int columnsY, Complex[] result)
        => Managed.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);

    void ILinearAlgebraProvider<Complex>.MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, Complex alpha, Complex[] a, int rowsA, int columnsA, Complex[] b, int rowsB, int columnsB, Complex beta, Complex[] c)
        => Managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);

    void ILinearAlgebraProvider<Complex>.LUFactor(Complex[] data, int order, int[] ipiv)
        => Managed.LUFactor(data, order, ipiv);

    void ILinearAlgebraProvider<Complex>.LUInverse(Complex[] a, int order)
        => Managed.LUInverse(a, order);

    void ILinearAlgebraProvider<Complex>.LUInverseFactored(Complex[] a, int order, int[] ipiv)
        => Managed.LUInverseFactored(a, order, ipiv);

    void ILinearAlgebraProvider<Complex>.LUSolve(int columnsOfB, Complex[] a, int order, Complex[] b)
        => Managed.LUSolve(columnsOfB, a, order, b);

    void ILinearAlgebraProvider<Complex>.LUSolveFactored(int columnsOfB, Complex[] a, int order, int[] ipiv, Complex[] b)
        => Managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);

    void ILinearAlgebraProvider<Complex>.CholeskyFactor(Complex[] a, int order)
        => Managed.CholeskyFactor(a, order);

    void ILinearAlgebraProvider<Complex>.CholeskySolve(Complex[] a, int orderA, Complex[] b, int columnsB)
        => Managed.CholeskySolve(a, orderA, b, columnsB);

    void ILinearAlgebraProvider<Complex>.CholeskySolveFactored(Complex[] a, int orderA, Complex[] b, int columnsB)
        => Managed.CholeskySolveFactored(a, orderA, b, columnsB);

    void ILinearAlgebraProvider<Complex>.QRFactor(Complex[] a, int rowsA, int columnsA, Complex[] q, Complex[] tau)
        => Managed.QRFactor(a, rowsA, columnsA, q, tau);

    void ILinearAlgebraProvider<Complex>.ThinQRFactor(Complex[] a, int rowsA, int columnsA, Complex[] r, Complex[] tau)
        => Managed.ThinQRFactor(a, rowsA, columnsA, r, tau);

    void ILinearAlgebraProvider<Complex>.QRSolve(Complex[] a, int rows, int columns, Complex[] b, int columnsB, Complex[] x, QRMethod method)
        => Managed.QRSolve(a, rows, columns, b, columnsB, x, method);

    void ILinearAlgebraProvider<Complex>.QRSolveFactored(Complex[] q, Complex[] r, int rowsA, int columnsA, Complex[] tau, Complex[] b, int columnsB, Complex[] x, QRMethod method)
        => Managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);

    void ILinearAlgebraProvider<Complex>.SingularValueDecomposition(bool computeVectors, Complex[] a, int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt)
        => Managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);

    void ILinearAlgebraProvider<Complex>.SvdSolve(Complex[] a, int rowsA, int columnsA, Complex[] b, int columnsB, Complex[] x)
        => Managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);

    void ILinearAlgebraProvider<Complex>.SvdSolveFactored(int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt, Complex[] b, int columnsB, Complex[] x)
        => Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);

    void ILinearAlgebraProvider<Complex>.EigenDecomp(bool isSymmetric, int order, Complex[] matrix, Complex[] matrixEv, Complex[] vectorEv, Complex[] matrixD)
        => Managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
}
