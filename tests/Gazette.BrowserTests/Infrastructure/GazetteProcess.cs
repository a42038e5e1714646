using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Gazette.BrowserTests.Infrastructure;

/// <summary>
/// Gazette as readers get it: the built application started as a real process on a free loopback port, with a
/// fresh data folder, SQLite and its demo content. Shared by the whole browser test run and stopped at the end.
/// </summary>
public sealed class GazetteProcess : IAsyncLifetime
{
    private readonly StringBuilder log = new();
    private Process? server;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "gazette-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The site's address. <c>localhost</c> rather than 127.0.0.1: WebAuthn refuses IP addresses as relying party ids.</summary>
    public Uri BaseUrl { get; private set; } = new("http://localhost/");

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        UnavailableReason = Chromium.UnavailableReason();
        if (UnavailableReason is not null)
            return;
        var port = FreePort();
        BaseUrl = new Uri($"http://localhost:{port}/");
        Directory.CreateDirectory(DataDirectory);
        server = Start(["--urls", $"http://localhost:{port}"]);
        await WaitForHealthAsync();
    }

    /// <summary>Skips the test with the reason when Chromium is absent; fails instead under GAZETTE_REQUIRE_SERVICES=1.</summary>
    public void SkipIfUnavailable()
    {
        if (UnavailableReason is null)
            return;
        if (Environment.GetEnvironmentVariable("GAZETTE_REQUIRE_SERVICES") == "1")
            Assert.Fail($"{UnavailableReason} (GAZETTE_REQUIRE_SERVICES=1, so this fails instead of skipping)");
        Assert.Skip(UnavailableReason);
    }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    /// <summary>Runs a command-line verb of the same build against the same data folder; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunVerbAsync(string[] args, string? input = null)
    {
        using var verb = Start(args, redirectInput: input is not null, captureLog: false);
        if (input is not null)
        {
            await verb.StandardInput.WriteLineAsync(input);
            verb.StandardInput.Close();
        }
        var output = verb.StandardOutput.ReadToEndAsync();
        var error = verb.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await verb.WaitForExitAsync(timeout.Token);
        return (verb.ExitCode, await output, await error);
    }

    private readonly SemaphoreSlim adminGate = new(1, 1);
    private Account? administrator;

    /// <summary>A newsroom account: what a person types on the sign-in page.</summary>
    public sealed record Account(string Email, string Password);

    /// <summary>An administrator shared by the tests that only need someone signed in, created once with the CLI.</summary>
    public async Task<Account> AdministratorAsync()
    {
        await adminGate.WaitAsync();
        try
        {
            return administrator ??= await CreateAdministratorAsync("Browser Admin");
        }
        finally
        {
            adminGate.Release();
        }
    }

    /// <summary>Creates an administrator with <c>users create-admin</c>, as the README tells a newsroom to.</summary>
    public async Task<Account> CreateAdministratorAsync(string name)
    {
        var account = new Account($"admin-{Guid.NewGuid():N}"[..16] + "@newsroom.test", "a long browser test passphrase " + Guid.NewGuid().ToString("N")[..8]);
        var (exitCode, output, error) = await RunVerbAsync(["users", "create-admin", "--email", account.Email, "--name", name, "--password-stdin"], account.Password);
        Assert.True(exitCode == 0, $"users create-admin exited with {exitCode}: {error}");
        Assert.Contains(account.Email, output, StringComparison.OrdinalIgnoreCase);
        return account;
    }

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
                return log.ToString();
        }
    }

    private Process Start(string[] args, bool redirectInput = false, bool captureLog = true)
    {
        var dll = GazetteDll();
        var start = new ProcessStartInfo("dotnet")
        {
            // Its own output folder holds appsettings.json and the static web assets manifest the pages need.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Gazette__DataDirectory"] = DataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Gazette__DemoContent"] = "true";
        // Every test signs in from the same address; a scheduled story should not wait ten seconds.
        start.Environment["Gazette__SignInRateLimit"] = "0";
        start.Environment["Gazette__SchedulerInterval"] = "00:00:01";
        // A scripted browser fills a comment form faster than anyone types; the "sent too fast" signal has HTTP tests.
        start.Environment["Gazette__Comments__MinimumWritingTime"] = "00:00:00";
        start.Environment.Remove("ConnectionStrings__Gazette");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        if (captureLog)
        {
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.AppendLine(line);
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server!.HasExited)
                throw new InvalidOperationException($"Gazette exited with code {server.ExitCode} before answering /healthz:\n{Log}");
            try
            {
                var response = await http.GetAsync(Url("/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still migrating or seeding.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Gazette did not answer /healthz within 90 s:\n{Log}");
    }

    /// <summary>The Gazette.dll of the build the tests were built with, in src/Gazette's own output folder.</summary>
    private static string GazetteDll()
    {
        var metadata = typeof(GazetteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value);
        var project = metadata["GazetteProjectDirectory"]!;
        var configuration = metadata["GazetteConfiguration"]!;
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "Gazette.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Gazette's build output is missing (build the solution first): {dll}");
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            server.Dispose();
        }
        try
        {
            if (Directory.Exists(DataDirectory))
                Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temporary folder.
        }
    }
}
