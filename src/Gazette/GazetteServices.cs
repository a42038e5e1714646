using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Search;
using Gazette.Site;

namespace Gazette;

/// <summary>
/// The services that need no web server: the database, the site settings, stories and the search index. Program.cs
/// adds the web on top; command-line verbs that work on the data use <see cref="BuildForCommandLine"/>.
/// </summary>
public static class GazetteServices
{
    public static IServiceCollection AddGazetteCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GazetteOptions.SectionName).Get<GazetteOptions>() ?? new GazetteOptions();
        services.Configure<GazetteOptions>(configuration.GetSection(GazetteOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddGazetteData(configuration, options);
        services.AddSingleton<SiteContext>();
        services.AddSingleton<ArticleMarkdown>();
        services.AddScoped<ReadAlsoBlocks>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<DemoContent>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<StorySearch>();
        services.AddScoped<SiteSearch>();
        services.AddHostedService<IndexFollower>();
        return services;
    }

    /// <summary>
    /// The core services configured as the server would be (appsettings.json, environment, <c>--Key value</c>
    /// arguments), without starting anything: for verbs that read or write the data folder and the database.
    /// </summary>
    public static IHost BuildForCommandLine(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGazetteCore(builder.Configuration);
        return builder.Build();
    }
}
