using System.Reflection;
using Xunit.Sdk;

namespace SpectralSensitivity.Tests.Hessian;

/// <summary>Feeds a theory <c>(string name, int k)</c> with every test matrix of <see cref="HessianTestCases.All"/> and each of its admissible indices.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class EveryCaseAndIndexAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        HessianTestCases.All.SelectMany(testCase => testCase.Indices.Select(k => new object[] { testCase.Name, k }));
}
