using Gazette.Accounts;
using Gazette.Api;
using Gazette.Articles;
using Gazette.Authors;
using Gazette.Comments;
using Gazette.Media;
using Gazette.Names;
using Gazette.Sections;
using Gazette.Site;
using Gazette.Tags;
using Gazette.Webhooks;

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gazette.Data;

/// <summary>
/// The one database context. Each provider derives from it only to keep its own migration set
/// (<see cref="SqliteGazetteDb"/>, <see cref="PostgresGazetteDb"/>); the model is defined once, here.
/// </summary>
public abstract class GazetteDb(DbContextOptions options) : IdentityDbContext<GazetteUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRedirect> ArticleRedirects => Set<ArticleRedirect>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<ChangeEvent> ChangeEvents => Set<ChangeEvent>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<Related.RelatedPin> RelatedPins => Set<Related.RelatedPin>();

    // Readers' comments (Comments/CommentsModel.cs configures them).
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentFormUse> CommentFormUses => Set<CommentFormUse>();
    public DbSet<SpamFeedback> SpamFeedback => Set<SpamFeedback>();
    // Feeds and APIs (h/feeds-api): tokens of the admin API, webhooks and their deliveries.
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookCursor> WebhookCursors => Set<WebhookCursor>();
    public DbSet<WebhookPublicArticle> WebhookPublicStories => Set<WebhookPublicArticle>(); // names the table, kept from before the entity was renamed
    public DbSet<Import.ImportRecord> ImportRecords => Set<Import.ImportRecord>();
    // Translations and language editions (h/editions): section and tag names per language.
    public DbSet<SectionTranslation> SectionTranslations => Set<SectionTranslation>();
    public DbSet<TagTranslation> TagTranslations => Set<TagTranslation>();

    /// <summary>Data-protection keys in the database, so every node reads the same cookies and form tokens.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC in the database; SQLite forgets the kind, so restore it on read. Npgsql refuses
        // anything but UTC for timestamptz, so convert on write: a local time by the server's zone, and an
        // unspecified one taken as UTC already (never shifted by whatever zone the server happens to run in).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        Import.ImportRecord.Configure(model);
        model.Entity<GazetteUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasOne(u => u.Author).WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<Article>(article =>
        {
            article.HasQueryFilter(a => a.DeletedAt == null);
            article.Property(a => a.CreatedByUserId).HasMaxLength(450);
            article.Property(a => a.Headline).HasMaxLength(300);
            article.Property(a => a.SecondHeadline).HasMaxLength(300);
            article.Property(a => a.Standfirst).HasMaxLength(2000);
            article.Property(a => a.Language).HasMaxLength(35);
            article.Property(a => a.Slug).HasMaxLength(100);
            article.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            article.Property(a => a.Version).IsConcurrencyToken();
            article.HasIndex(a => new { a.Language, a.Slug }).IsUnique();
            // Every public list is "the newest public stories of X": these let the database walk the newest first and
            // stop after a page, and count the public ones from the index alone (the query filter reads DeletedAt).
            article.HasIndex(a => new { a.PublishedAt, a.Status, a.DeletedAt });
            article.HasIndex(a => new { a.SectionId, a.PublishedAt, a.Status, a.DeletedAt });
            article.HasIndex(a => new { a.Language, a.PublishedAt, a.Status, a.DeletedAt });
            article.HasIndex(a => a.TranslationGroup);
            article.HasOne(a => a.Section).WithMany().OnDelete(DeleteBehavior.SetNull);
            article.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");
            article.HasMany(a => a.Authors).WithOne().HasForeignKey(aa => aa.ArticleId);
            article.OwnsOne(a => a.FeaturedFigure, figure =>
            {
                figure.Property(f => f.ImageUrl).HasMaxLength(1000);
                figure.Property(f => f.AltText).HasMaxLength(1000);
                figure.Property(f => f.Caption).HasMaxLength(2000);
                figure.Property(f => f.Credit).HasMaxLength(300);
            });
            article.Ignore(a => a.DisplayHeadline);
        });
        model.Entity<ArticleRevision>(revision =>
        {
            revision.Property(r => r.UserId).HasMaxLength(450);
            revision.Property(r => r.UserName).HasMaxLength(200);
            revision.Property(r => r.Action).HasMaxLength(100);
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<MediaItem>(media =>
        {
            media.Property(m => m.StorageKey).HasMaxLength(100);
            media.HasIndex(m => m.StorageKey).IsUnique();
            media.Property(m => m.OriginalFileName).HasMaxLength(300);
            media.Property(m => m.ContentType).HasMaxLength(100);
            media.Property(m => m.AltText).HasMaxLength(1000);
            media.Property(m => m.Caption).HasMaxLength(2000);
            media.Property(m => m.Credit).HasMaxLength(300);
            media.Property(m => m.VariantWidths).HasMaxLength(200);
            media.Property(m => m.UploadedByUserId).HasMaxLength(450);
            media.HasIndex(m => m.UploadedAt);
        });
        model.Entity<ArticleAuthor>(byline =>
        {
            byline.HasKey(aa => new { aa.ArticleId, aa.AuthorId });
            byline.HasOne(aa => aa.Author).WithMany().HasForeignKey(aa => aa.AuthorId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<ArticleRedirect>(redirect =>
        {
            redirect.Property(r => r.Path).HasMaxLength(400);
            redirect.HasIndex(r => r.Path).IsUnique();
            redirect.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Author>(author =>
        {
            author.Property(a => a.Name).HasMaxLength(200);
            author.Property(a => a.Slug).HasMaxLength(100);
            author.HasIndex(a => a.Slug).IsUnique();
        });
        model.Entity<Section>(section =>
        {
            section.Property(s => s.Name).HasMaxLength(100);
            section.Property(s => s.Slug).HasMaxLength(100);
            section.HasIndex(s => s.Slug).IsUnique();
        });
        model.Entity<Tag>(tag =>
        {
            tag.Property(t => t.Name).HasMaxLength(100);
            tag.Property(t => t.Slug).HasMaxLength(100);
            tag.HasIndex(t => t.Slug).IsUnique();
            tag.Ignore(t => t.Hashtag);
        });
        model.Entity<SiteSettings>(settings =>
        {
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.Title).HasMaxLength(200);
            settings.Property(s => s.DefaultLanguage).HasMaxLength(35);
            settings.Property(s => s.TimeZone).HasMaxLength(100);
            settings.Property(s => s.BaseUrl).HasMaxLength(400);
        });
        model.Entity<ChangeEvent>(change =>
        {
            change.Property(c => c.EntityType).HasMaxLength(50);
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            change.HasIndex(c => c.OccurredAt);
        });
        CommentsModel.Configure(model);
        WebhooksModel.Configure(model);
        Related.RelatedPin.Configure(model);
        Names.LocalizedNames.Configure(model);
        Security.CspViolationCount.Configure(model);
    }

    /// <summary>The change-feed type for "the comments of story N changed" (its id is the story's).</summary>
    public const string ArticleCommentsEvent = "ArticleComments";

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and in the same transaction appends a change-feed row for each changed story, section, tag, author,
    /// comment or the site settings (every node's <see cref="SiteContext"/> reloads on those).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is Article or Section or Tag or Author or Comment or Site.SiteSettings)
            .Select(e => (Entry: e, Kind: e.State switch
            {
                EntityState.Added => ChangeKind.Created,
                EntityState.Deleted => ChangeKind.Deleted,
                _ => ChangeKind.Updated,
            }, KnownId: e.State == EntityState.Added ? 0 : (int)e.Property("Id").CurrentValue!))
            .ToList();
        foreach (var (entry, _, _) in changed)
        {
            if (entry.Entity is Article article && entry.State != EntityState.Deleted)
                article.Version = Guid.NewGuid();
        }
        if (changed.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        await using var transaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var now = DateTime.UtcNow;
        var rows = new List<ChangeEvent>();
        foreach (var (entry, kind, knownId) in changed)
        {
            rows.Add(new ChangeEvent
            {
                EntityType = entry.Entity.GetType().Name,
                EntityId = kind == ChangeKind.Created ? (int)entry.Property("Id").CurrentValue! : knownId,
                Kind = kind,
                OccurredAt = now,
            });
            // A comment changes its story's comment count and thread: followers (page caches) hear of the story too,
            // under its own type so the search index does not re-read the story for it.
            if (entry.Entity is Comment comment)
                rows.Add(new ChangeEvent { EntityType = ArticleCommentsEvent, EntityId = comment.ArticleId, Kind = ChangeKind.Updated, OccurredAt = now });
        }
        ChangeEvents.AddRange(rows);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        UncommittedChanges.AddRange(rows);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Change rows written in the current transaction: on commit, this node's cached pages they make stale are evicted at once.</summary>
    internal List<ChangeEvent> UncommittedChanges { get; } = [];

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(Caching.CommitEviction.Instance, SqliteConnectionSettings.Instance);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
