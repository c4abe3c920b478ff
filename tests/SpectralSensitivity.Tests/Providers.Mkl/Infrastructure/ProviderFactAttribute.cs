using Xunit.Abstractions;
using Xunit.Sdk;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>
/// Names the provider a concrete test class runs its inherited <see cref="ProviderFactAttribute"/> tests against:
/// <c>managed</c>, <c>mkl</c> or <c>openblas</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsOnProviderAttribute(string provider) : Attribute
{
    /// <summary>The provider name.</summary>
    public string Provider { get; } = provider;
}

/// <summary>
/// A fact declared once in an abstract suite and run by every derived class marked with
/// <see cref="RunsOnProviderAttribute"/>; skipped (visibly) in the classes whose native library does not load,
/// following the <see cref="NativeFactAttribute"/> policy. xunit 2 has no dynamic skip, so the reason is computed
/// per test class at discovery time by <see cref="ProviderFactDiscoverer"/>.
/// </summary>
[XunitTestCaseDiscoverer("SpectralSensitivity.Tests.Providers.Mkl.Infrastructure.ProviderFactDiscoverer", "SpectralSensitivity.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>Creates <see cref="ProviderTestCase"/>s for <see cref="ProviderFactAttribute"/>.</summary>
public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new ProviderTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

/// <summary>A test case whose skip reason depends on the provider of its (derived) test class.</summary>
public sealed class ProviderTestCase : XunitTestCase
{
    /// <summary>For deserialization only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ProviderTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    public ProviderTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    /// <inheritdoc />
    protected override string? GetSkipReason(IAttributeInfo factAttribute)
    {
        var runsOn = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RunsOnProviderAttribute)).FirstOrDefault();
        var provider = runsOn?.GetConstructorArguments().FirstOrDefault() as string;
        var backend = provider is null ? null : NativeTestEnvironment.BackendOf(provider);
        return backend is { } b ? NativeTestEnvironment.SkipReason(b) : base.GetSkipReason(factAttribute);
    }
}
