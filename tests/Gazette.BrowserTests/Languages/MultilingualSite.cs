using Gazette.BrowserTests.Infrastructure;

namespace Gazette.BrowserTests.Languages;

/// <summary>
/// A Gazette of its own for the language flows, started once for all of them: they turn on language editions (English
/// by default, with French and Arabic editions) and machine translation, which would change what every other flow sees
/// on the shared site. Its machine translation engine is a <see cref="TranslateReceiver"/> on loopback.
/// </summary>
public sealed class MultilingualSite : IAsyncLifetime
{
    private readonly SemaphoreSlim setUpGate = new(1, 1);
    private bool setUp;

    public GazetteProcess Process { get; } = new();

    public TranslateReceiver Translator { get; } = new();

    /// <summary>The shared administrator's cookies once signed in during set-up: flows reuse the session instead of signing in again.</summary>
    public string? AdministratorSession { get; set; }

    /// <summary>How long this second Gazette took to answer, for the first flow's output.</summary>
    public TimeSpan StartedIn { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Process.InitializeAsync();
        StartedIn = started.Elapsed;
        if (Process.UnavailableReason is null)
            Translator.Start();
    }

    /// <summary>Runs <paramref name="configure"/> the first time any flow asks, and never again.</summary>
    public async Task SetUpOnceAsync(Func<Task> configure)
    {
        await setUpGate.WaitAsync();
        try
        {
            if (!setUp)
                await configure();
            setUp = true;
        }
        finally
        {
            setUpGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Translator.DisposeAsync();
        setUpGate.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MultilingualCollection : ICollectionFixture<MultilingualSite>
{
    public const string Name = "Multilingual site";
}
