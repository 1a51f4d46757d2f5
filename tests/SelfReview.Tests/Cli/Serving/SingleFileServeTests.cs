using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>
/// The self-contained single-file <c>selfreview</c> for linux-x64 (built by scripts/check-publish.sh with
/// the linux-x64 publish profile) runs <c>serve</c> with no .NET on the path and no DOTNET_ROOT, answers
/// /api/health, and processes an upload; the times from start are written to the test output.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SingleFileServeTests(ITestOutputHelper output)
{
    public static string Binary => Path.Combine(TestFiles.RepositoryRoot, "artifacts", "selfreview-linux-x64", "selfreview");

    [Fact]
    public async Task TheLinuxBinary_ServesWithoutAnSdk_AndProcessesAnUpload()
    {
        Assert.True(OperatingSystem.IsLinux(), "the linux-x64 binary runs on Linux");
        Assert.True(File.Exists(Binary), $"{Binary} is missing: run scripts/check-publish.sh");
        var data = Directory.CreateTempSubdirectory("selfreview-single-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Binary, ["serve", "--data", data, "--urls", $"http://127.0.0.1:{port}", "--no-browser"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        // An empty PATH folder and no DOTNET_ROOT: no dotnet to find, the runtime is inside the file.
        start.Environment["PATH"] = Directory.CreateDirectory(Path.Combine(data, "empty-path")).FullName;
        start.Environment["HOME"] = data;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add(global::SelfReview.Api.Access.ApiAccess.RequestHeader, "1"); // as the page sends changes (CSRF check)
        try
        {
            await UntilAsync(async () => (await TryGetAsync(client, "/api/health"))?.Contains("\"ok\"", StringComparison.Ordinal) == true);
            var healthy = clock.Elapsed;
            using var body = new ByteArrayContent(await File.ReadAllBytesAsync(TestFiles.SeedDocx));
            body.Headers.Add("X-File-Name", "seed.docx");
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/units/u1/statements", body)).StatusCode);
            await UntilAsync(async () => (await TryGetAsync(client, "/api/units/u1/statements"))?.Contains("\"accepted\": 1", StringComparison.Ordinal) == true);
            var recorded = clock.Elapsed;
            await UntilAsync(async () => (await client.GetAsync("/api/units/u1/rectifications?format=xlsx")).IsSuccessStatusCode);
            output.WriteLine($"serve (single file) from start: health {healthy.TotalMilliseconds:F0} ms, upload recorded {recorded.TotalMilliseconds:F0} ms, reports {clock.Elapsed.TotalMilliseconds:F0} ms");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string?> TryGetAsync(HttpClient client, string path)
    {
        try
        {
            return await client.GetStringAsync(path);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within two minutes");
            await Task.Delay(50);
        }
    }
}
