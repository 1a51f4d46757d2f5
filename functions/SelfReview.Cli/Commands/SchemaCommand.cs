using SelfReview.Contracts;

namespace SelfReview.Cli.Commands;

/// <summary><c>selfreview schema</c>: rewrites the committed JSON Schemas from the contract types.</summary>
public static class SchemaCommand
{
    public static async Task<int> RunAsync(CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateDirectory(line["--out"] ?? Path.Combine("contracts", "schemas")).FullName;
        foreach (var (name, text) in ContractSchemas.Generate())
        {
            await File.WriteAllTextAsync(Path.Combine(dir, name), text, cancellationToken);
            await stdout.WriteLineAsync(Path.Combine(dir, name));
        }

        return CliApp.Ok;
    }
}
