using Microsoft.Playwright;

namespace Gazette.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, driven by Playwright. Never a downloaded browser: the tests skip when it is absent.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not running.");

    public static string? UnavailableReason() => File.Exists(ExecutablePath)
        ? null
        : $"{ExecutablePath} is missing; install Debian's chromium package (apt-get install chromium fonts-liberation), or run .ci/run, to include the browser tests.";

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason() is not null)
            return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Chromium's sandbox refuses to start as root (CI runs as root).
            Args = Environment.UserName == "root" || IsRoot() ? ["--no-sandbox"] : [],
        });
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() && File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
        && uid.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0";

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
