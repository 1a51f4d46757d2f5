using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SelfReview.Tests.Azurite;

/// <summary>
/// Azurite, started by the tests themselves: <c>node tools/azurite/node_modules/azurite/dist/src/azurite.js</c>
/// in memory, on ports the OS picks (port 0; Azurite prints the ones it got), stopped on dispose.
/// Installed by scripts/setup.sh (<c>npm ci</c> in tools/azurite); when it is missing the tests fail and say so.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account (documented, not a secret).</summary>
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _workspace = Directory.CreateTempSubdirectory("selfreview-azurite-").FullName;
    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public BlobServiceClient Blobs { get; private set; } = null!;

    public QueueServiceClient Queues { get; private set; } = null!;

    public static string ScriptPath
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("SELFREVIEW_REPOSITORY_ROOT")
                ?? typeof(AzuriteFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
            return Path.Combine(root, "tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException($"Azurite is not installed ({ScriptPath} is missing): run scripts/setup.sh, which runs `npm ci` in tools/azurite.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // One emulator serves the whole collection, the 1,000-upload load test included (it rewrites every
        // unit's XLSX and DOCX many times): 512 MB of in-memory extents ran out there (409
        // MemoryExtentStoreAtSizeLimit), so the limit leaves room on this 24 GB machine.
        foreach (var arg in new[]
        {
            ScriptPath, "--silent", "--skipApiVersionCheck", "--inMemoryPersistence", "--disableTelemetry", "--extentMemoryLimit", "4096",
            "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0", "--tableHost", "127.0.0.1", "--tablePort", "0",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var blobPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queuePort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Azurite needs Node.js (`node` on PATH); scripts/setup.sh expects it on the machine.", e);
        }

        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            output.Enqueue(line);
            if (Listening().Match(line) is { Success: true } m)
            {
                (m.Groups["service"].Value == "Blob" ? blobPort : m.Groups["service"].Value == "Queue" ? queuePort : null)?.TrySetResult(int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var ready = Task.WhenAll(blobPort.Task, queuePort.Task);
        var finished = await Task.WhenAny(ready, _process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (finished != ready)
        {
            var why = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"was not listening after {StartTimeout.TotalSeconds} s";
            throw new InvalidOperationException($"Azurite {why}:\n" + string.Join('\n', output));
        }

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort.Task.Result}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort.Task.Result}/{AccountName};";
        Blobs = new BlobServiceClient(ConnectionString);
        Queues = new QueueServiceClient(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_workspace, recursive: true);
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
