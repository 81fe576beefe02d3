using System.CommandLine;
using CourseCompanion.Notebooks.Kernel;

namespace Companion.Cli;

/// <summary>The <c>kernel</c> verb: install, uninstall and list the Jupyter kernelspec, and <c>start</c> (what Jupyter runs).</summary>
internal static class KernelVerb
{
    public static Command Create() => new("kernel", "The C# Jupyter kernel for VS Code, JupyterLab, nbclient and nbconvert")
    {
        Install(), Uninstall(), List(), Start(),
    };

    private static Option<string?> Prefix() => new("--prefix")
    {
        Description = "Install under <prefix>/share/jupyter (a virtual or conda environment) instead of the user's Jupyter folder",
    };

    private static Option<bool> Polyglot() => new("--polyglot-name")
    {
        Description = $"Register under Polyglot's kernel name '{KernelSpec.PolyglotName}', so notebooks saved by Polyglot open with this kernel (for machines without Polyglot)",
    };

    private static Option<string?> Name() => new("--name") { Description = $"Kernelspec name (default {KernelSpec.DefaultName})" };

    private static Command Install()
    {
        var prefix = Prefix();
        var polyglot = Polyglot();
        var name = Name();
        var displayName = new Option<string?>("--display-name") { Description = $"Name shown in kernel pickers (default \"{KernelSpec.DefaultDisplayName}\")" };
        var command = new Command("install", "Write the kernelspec so Jupyter clients can start this kernel") { prefix, polyglot, name, displayName };
        command.SetAction(parse =>
        {
            string kernelName = parse.GetValue(name) ?? (parse.GetValue(polyglot) ? KernelSpec.PolyglotName : KernelSpec.DefaultName);
            string shown = parse.GetValue(displayName) ?? (parse.GetValue(polyglot) ? ".NET (C#) via CourseCompanion" : KernelSpec.DefaultDisplayName);
            string folder = KernelSpec.Install(DataFolder(parse.GetValue(prefix)), kernelName, shown, KernelSpec.Launcher());
            Console.WriteLine($"installed kernel '{kernelName}' ({shown}) in {folder}");
            return 0;
        });
        return command;
    }

    private static Command Uninstall()
    {
        var prefix = Prefix();
        var polyglot = Polyglot();
        var name = Name();
        var command = new Command("uninstall", "Remove the kernelspec (only one this command installed)") { prefix, polyglot, name };
        command.SetAction(parse =>
        {
            string kernelName = parse.GetValue(name) ?? (parse.GetValue(polyglot) ? KernelSpec.PolyglotName : KernelSpec.DefaultName);
            if (KernelSpec.Uninstall(DataFolder(parse.GetValue(prefix)), kernelName) is { } folder)
            {
                Console.WriteLine($"removed {folder}");
                return 0;
            }
            Console.Error.WriteLine($"companion: no CourseCompanion kernel named '{kernelName}' in {Path.Combine(DataFolder(parse.GetValue(prefix)), "kernels")}");
            return 1;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Show the kernelspecs Jupyter would find, marking this kernel's");
        command.SetAction(_ =>
        {
            var kernels = KernelSpec.List(KernelSpec.SearchedDataFolders()).ToList();
            foreach (var kernel in kernels)
                Console.WriteLine($"{(kernel.IsOurs ? "*" : " ")} {kernel.Name,-26} {kernel.Folder}   {kernel.DisplayName}");
            if (!kernels.Any(k => k.IsOurs)) Console.WriteLine("the CourseCompanion kernel is not installed; run `companion kernel install`");
            return 0;
        });
        return command;
    }

    private static Command Start()
    {
        var connectionFile = new Argument<string>("connection-file") { Description = "The connection file Jupyter writes ({connection_file} in kernel.json)" };
        var command = new Command("start", "Run the kernel (Jupyter clients call this through the kernelspec)") { connectionFile };
        command.SetAction(async (parse, cancel) =>
        {
            var connection = ConnectionFile.Load(parse.GetValue(connectionFile)!);
            await using var kernel = new JupyterKernel(connection, new KernelOptions(Environment.CurrentDirectory, Console.Error));
            kernel.Start();
            await Task.WhenAny(kernel.Shutdown, Task.Delay(Timeout.Infinite, cancel));
            return 0;
        });
        return command;
    }

    private static string DataFolder(string? prefix) => prefix is null ? KernelSpec.UserDataFolder() : KernelSpec.PrefixDataFolder(prefix);
}
