using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

/// <summary>The comments' part of the database model, called from GazetteDb.OnModelCreating.</summary>
public static class CommentsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Comment>(comment =>
        {
            comment.Property(c => c.AuthorName).HasMaxLength(CommentInput.MaxNameLength);
            comment.Property(c => c.Email).HasMaxLength(CommentInput.MaxEmailLength);
            comment.Property(c => c.Website).HasMaxLength(CommentInput.MaxWebsiteLength);
            comment.Property(c => c.Text).HasMaxLength(CommentInput.MaxTextLength);
            comment.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            comment.Property(c => c.SpamReasons).HasMaxLength(2000);
            comment.Property(c => c.IpHash).HasMaxLength(64);
            comment.Property(c => c.StaffUserId).HasMaxLength(450);
            comment.Property(c => c.Language).HasMaxLength(35);
            comment.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
            comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
            comment.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
            comment.HasIndex(c => new { c.Status, c.CreatedAt });
            comment.HasIndex(c => c.Email);
            comment.HasIndex(c => c.IpHash);
            comment.Ignore(c => c.ReasonList);
        });
        model.Entity<CommentFormUse>(use =>
        {
            use.Property(u => u.Id).ValueGeneratedNever();
            use.HasIndex(u => u.ExpiresAt);
        });
        model.Entity<SpamFeedback>(feedback =>
        {
            feedback.Property(f => f.Text).HasMaxLength(CommentInput.MaxTextLength);
            feedback.Property(f => f.Author).HasMaxLength(CommentInput.MaxNameLength);
            feedback.Property(f => f.UserId).HasMaxLength(450);
            feedback.HasIndex(f => f.CommentId);
        });
        // Existing stories and settings take the defaults a new one gets (open, hold first comments …): the database
        // default fills old rows, and the sentinel makes EF leave a new row's "true" to that default.
        model.Entity<Article>().Property(a => a.CommentsOpen).HasDefaultValue(true).HasSentinel(true);
        model.Entity<GazetteUser>().Property(u => u.NotifyOfComments).HasDefaultValue(true).HasSentinel(true);
        model.Entity<SiteSettings>(settings =>
        {
            settings.Property(s => s.HoldFirstComment).HasDefaultValue(true).HasSentinel(true);
            settings.Property(s => s.ApproveKnownCommenters).HasDefaultValue(true).HasSentinel(true);
            settings.Property(s => s.CommentIpRetentionDays).HasDefaultValue(30).HasSentinel(30);
            settings.Property(s => s.CommentBlockedWords).HasMaxLength(4000);
            settings.Property(s => s.CommentBlockedDomains).HasMaxLength(4000);
            settings.Property(s => s.CommentIpHashKey).HasMaxLength(1000);
        });
    }
}
