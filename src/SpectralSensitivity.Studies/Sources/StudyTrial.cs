using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Studies.Sources;

/// <summary>One trial of a study: the matrix A, the direction E and where they came from.</summary>
/// <param name="Ensemble">The ensemble name (<c>gaussian</c>, <c>beta:2,5</c>, …) or the name of the matrix stack.</param>
/// <param name="Trial">The 0-based trial number within the study (row of <c>A.npy</c>).</param>
/// <param name="Matrix">A, m × n.</param>
/// <param name="Direction">E, m × n, unit Frobenius norm when drawn.</param>
public sealed record StudyTrial(string Ensemble, long Trial, Matrix<double> Matrix, Matrix<double> Direction);
