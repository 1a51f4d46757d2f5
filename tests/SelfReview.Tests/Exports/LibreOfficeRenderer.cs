using System.Diagnostics;
using System.Reflection;

namespace SelfReview.Tests.Exports;

/// <summary>
/// Prints exports the way an office would see them: LibreOffice headless converts every file to PDF in
/// one call (it is slow to start), with a private profile so parallel runs do not share one; poppler's
/// pdftoppm renders the pages to PNG and pdftotext reads the text back. Everything lands under
/// <c>artifacts/render/{name}/</c> of the repository, to be looked at. Installed by scripts/setup.sh.
/// </summary>
public static class LibreOfficeRenderer
{
    public static string ArtifactsRoot =>
        Path.Combine(typeof(LibreOfficeRenderer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!, "artifacts", "render");

    /// <summary>Renders the files (name with extension → bytes); returns each by its name without extension.</summary>
    public static async Task<IReadOnlyDictionary<string, RenderedDocument>> RenderAsync(string name, IReadOnlyDictionary<string, byte[]> files, int pngPages = 3)
    {
        var outDir = Path.Combine(ArtifactsRoot, name);
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }

        var inDir = Directory.CreateDirectory(Path.Combine(outDir, "in")).FullName;
        foreach (var (file, content) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(inDir, file), content);
        }

        var profile = Path.Combine(Path.GetTempPath(), "selfreview-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pdfDir = Path.Combine(outDir, "pdf");
            await RunAsync("soffice", ["-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdfDir, .. files.Keys.Select(f => Path.Combine(inDir, f))], TimeSpan.FromMinutes(4));
            var result = new Dictionary<string, RenderedDocument>(StringComparer.Ordinal);
            foreach (var file in files.Keys)
            {
                var stem = Path.GetFileNameWithoutExtension(file);
                var pdf = Path.Combine(pdfDir, stem + ".pdf");
                if (!File.Exists(pdf))
                {
                    throw new InvalidOperationException($"LibreOffice did not print {file}");
                }

                var text = await RunAsync("pdftotext", [pdf, "-"], TimeSpan.FromMinutes(1));
                var pages = text.Count(c => c == '\f');
                var pngDir = Directory.CreateDirectory(Path.Combine(outDir, "png")).FullName;
                await RunAsync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", pngPages.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, Path.Combine(pngDir, stem)], TimeSpan.FromMinutes(1));
                result[stem] = new RenderedDocument(pdf, pages, text, [.. Directory.GetFiles(pngDir, stem + "-*.png").Order(StringComparer.Ordinal)]);
            }

            return result;
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed: run scripts/setup.sh (LibreOffice and poppler-utils).", e);
        }

        using (process)
        {
            using var cts = new CancellationTokenSource(timeout);
            var output = process.StandardOutput.ReadToEndAsync(cts.Token);
            var error = process.StandardError.ReadToEndAsync(cts.Token);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within {timeout}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error}");
            }

            return await output;
        }
    }
}
