using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Providers.Mkl;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral info</c>: versions, the linear-algebra provider in use, native libraries available, limits.</summary>
internal static class InfoCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("info", "Versions, the linear-algebra provider in use (SPECTRAL_PROVIDER, SPECTRAL_THREADS), native libraries found, and limits.")
        {
            json,
        };
        command.SetAction(parse =>
        {
            var provider = SpectralProviders.Describe();
            var info = new InfoJson(
                Version(typeof(InfoCommand).Assembly),
                Version(typeof(SingularValueDerivatives).Assembly),
                RuntimeInformation.FrameworkDescription,
                RuntimeInformation.OSDescription,
                Environment.ProcessorCount,
                provider,
                Availability(NativeBackend.Mkl),
                Availability(NativeBackend.OpenBlas),
                SingularValueDerivatives.MaxOrder,
                SingularValueDerivatives.MaxClosedFormOrder,
                [".npy", ".csv", ".tsv", ".txt", ".mtx"]);
            if (parse.GetValue(json))
            {
                context.WriteJson(info);
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("spectral", info.ToolVersion);
            grid.AddRow("SpectralSensitivity", info.LibraryVersion);
            grid.AddRow("runtime", Markup.Escape(info.Runtime));
            grid.AddRow("os", Markup.Escape(info.OperatingSystem));
            grid.AddRow("processors", Number.Format(info.Processors));
            grid.AddRow("provider", Markup.Escape(provider.ToString()));
            grid.AddRow("provider requested", Markup.Escape(provider.Requested));
            grid.AddRow("mkl", Markup.Escape(info.Mkl.Available ? "available" : $"not available: {info.Mkl.Reason}"));
            grid.AddRow("openblas", Markup.Escape(info.OpenBlas.Available ? "available" : $"not available: {info.OpenBlas.Reason}"));
            grid.AddRow("max order", $"{info.MaxOrder} (recursion), {info.MaxClosedFormOrder} (closed form)");
            grid.AddRow("file formats", string.Join(", ", info.Formats));
            context.Console.Write(grid);
            return ExitCodes.Success;
        });
        return context.Examples.Add(command, "spectral info", "SPECTRAL_PROVIDER=managed spectral info --json");
    }

    private static NativeAvailability Availability(NativeBackend backend) =>
        new(SpectralProviders.IsAvailable(backend, out var reason), reason);

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    private sealed record NativeAvailability(bool Available, string? Reason);

    private sealed record InfoJson(
        string ToolVersion,
        string LibraryVersion,
        string Runtime,
        string OperatingSystem,
        int Processors,
        ProviderInfo Provider,
        NativeAvailability Mkl,
        NativeAvailability OpenBlas,
        int MaxOrder,
        int MaxClosedFormOrder,
        string[] Formats);
}
