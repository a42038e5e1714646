using Gazette.BrowserTests.Infrastructure;

// One Gazette process and one Chromium for the whole run: starting them is the slow part.
[assembly: AssemblyFixture(typeof(GazetteProcess))]
[assembly: AssemblyFixture(typeof(Chromium))]
// The machine's cores are shared with the server under test; one page at a time keeps timings predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
