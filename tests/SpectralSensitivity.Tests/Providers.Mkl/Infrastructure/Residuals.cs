using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>Sign-independent checks of factorizations (residuals and orthogonality instead of entry-wise comparison).</summary>
internal static class Residuals
{
    /// <summary>Relative tolerance for agreement between providers.</summary>
    internal const double Tolerance = 1e-13;

    /// <summary>Entry-wise agreement of two value lists, relative to the largest magnitude.</summary>
    internal static void ShouldAgree(double[] actual, double[] expected, string because)
    {
        actual.Length.Should().Be(expected.Length, because);
        var scale = expected.Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (var i = 0; i < actual.Length; i++)
        {
            Math.Abs(actual[i] - expected[i]).Should().BeLessThanOrEqualTo(Tolerance * scale, $"{because}: value {i}");
        }
    }

    /// <summary>Columns of <paramref name="q"/> are orthonormal: <c>||Q^T Q - I|| &lt;= tol sqrt(n)</c>.</summary>
    internal static void ShouldBeOrthonormalColumns(Matrix<double> q, string because)
    {
        var gram = q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(q.ColumnCount);
        gram.FrobeniusNorm().Should().BeLessThanOrEqualTo(Tolerance * Math.Sqrt(q.ColumnCount) * 10, because);
    }

    /// <summary><c>||A V_k - U_k S|| &lt;= tol ||A||</c> and <c>||A^T U_k - V_k S|| &lt;= tol ||A||</c>, k = len(s).</summary>
    internal static void ShouldSatisfySvd(Matrix<double> a, double[] s, Matrix<double> u, Matrix<double> vt, string because)
    {
        var k = s.Length;
        var uk = u.SubMatrix(0, a.RowCount, 0, k);
        var vk = vt.SubMatrix(0, k, 0, a.ColumnCount).Transpose();
        var sk = Matrix<double>.Build.DiagonalOfDiagonalArray(s);
        var scale = Math.Max(a.FrobeniusNorm(), double.Epsilon);
        (a * vk - uk * sk).FrobeniusNorm().Should().BeLessThanOrEqualTo(Tolerance * scale, $"{because}: A V = U S");
        (a.Transpose() * uk - vk * sk).FrobeniusNorm().Should().BeLessThanOrEqualTo(Tolerance * scale, $"{because}: A^T U = V S");
        ShouldBeOrthonormalColumns(u, $"{because}: U orthonormal");
        ShouldBeOrthonormalColumns(vt.Transpose(), $"{because}: V orthonormal");
        s.Should().BeInDescendingOrder(because);
    }
}
