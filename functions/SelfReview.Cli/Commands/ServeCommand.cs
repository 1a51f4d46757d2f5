using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfReview.Cli.Serving;

namespace SelfReview.Cli.Commands;

/// <summary>
/// <c>selfreview serve --data DIR [--urls URL] [--no-browser]</c>: starts <see cref="ServeApp"/>, prints the
/// address, opens the browser where there is one, and runs until Ctrl+C (or the window closes), then stops
/// the workers; uploads still queued have no record and are taken up at the next start.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var data = Path.GetFullPath(line["--data"] ?? throw new ArgumentException("serve needs --data DIR"));
        Directory.CreateDirectory(data);
        var urls = line["--urls"] ?? DefaultUrl;
        if (!SelfReview.Api.Access.ServeCallerResolver.IsLoopbackOnly(urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
            && (await new SelfReview.Pipeline.Access.FolderAccessStore(data).GetMapAsync(cancellationToken)).Map.HasNoCredentials)
        {
            await stderr.WriteLineAsync("提示：工作台对本机以外开放，除 /api/health 外都需要登录；请先用 selfreview users add 或 selfreview keys add 创建用户或访问密钥。");
        }

        await using var app = ServeApp.Build(data, urls);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultUrl;
        await stdout.WriteLineAsync($"SelfReview 工作台已启动：{address}/   数据目录：{data}   按 Ctrl+C 停止");
        await stdout.FlushAsync(cancellationToken);
        if (!line.Has("--no-browser"))
        {
            OpenBrowser(address + "/", stderr);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        await stdout.WriteLineAsync("SelfReview 工作台已停止。");
        return CliApp.Ok;
    }

    /// <summary>Opens the page in the default browser: <c>start</c> on Windows, <c>open</c> on macOS, <c>xdg-open</c> where a desktop runs; never fails.</summary>
    public static void OpenBrowser(string url, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ProcessStartInfo? start = null;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(url) { UseShellExecute = true };
        }
        else if (OperatingSystem.IsMacOS())
        {
            start = new ProcessStartInfo("open", [url]);
        }
        else if (Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } || Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is { Length: > 0 })
        {
            start = new ProcessStartInfo("xdg-open", [url]) { RedirectStandardError = true, RedirectStandardOutput = true };
        }

        if (start is null)
        {
            return; // no desktop: the printed address is enough
        }

        try
        {
            using var process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            stderr.WriteLine("（未能自动打开浏览器，请手动打开上面的地址）");
        }
    }
}
