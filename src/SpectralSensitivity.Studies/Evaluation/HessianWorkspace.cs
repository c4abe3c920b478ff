using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Studies.Evaluation;

/// <summary>A worker thread's storage for the dense Hessian under validation and its Kronecker reference, reused from trial to trial.</summary>
/// <remarks>Two mn × mn arrays (16 (mn)² bytes) per worker; the comparisons run over the arrays directly. Cost O((mn)²) per comparison.</remarks>
/// <param name="size">mn.</param>
internal sealed class HessianWorkspace(int size)
{
    private readonly double[] _library = new double[size * size];
    private readonly double[] _reference = new double[size * size];

    /// <summary>Fills both Hessians of <c>s_k</c>: the library's from the thin SVD and the Kronecker reference from the full SVD.</summary>
    public void Fill(ThinSingularValueDecomposition svd, Svd<double> full, int index)
    {
        SingularValueHessian.Fill(svd, index, _library);
        KroneckerHessian.Fill(full, index, _reference);
    }

    /// <summary><c>‖H − H_ref‖_F / ‖H_ref‖_F</c>.</summary>
    public double RelativeDifference()
    {
        double difference = 0, reference = 0;
        for (var i = 0; i < _library.Length; i++)
        {
            var d = _library[i] - _reference[i];
            difference += d * d;
            reference += _reference[i] * _reference[i];
        }

        return Math.Sqrt(difference / reference);
    }

    /// <summary>The library's Hessian times <c>vec(E)</c> (column-major), <c>Σ_q H[:, q] E_q</c>.</summary>
    public Vector<double> Apply(Matrix<double> direction)
    {
        var e = direction.ToColumnMajorArray();
        var result = new double[size];
        for (var q = 0; q < size; q++)
        {
            var column = _library.AsSpan(q * size, size);
            for (var p = 0; p < size; p++)
            {
                result[p] += column[p] * e[q];
            }
        }

        return Vector<double>.Build.DenseOfArray(result);
    }
}
