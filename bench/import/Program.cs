using System.Globalization;
using System.Text;

// Writes a WordPress 6 style WXR export of about the requested size, for measuring the importer's memory and time:
//   dotnet run --project bench/import -c Release -- OUT.xml --megabytes 200
// Deterministic (fixed seed) so two runs import the same file. Posts mix Gutenberg blocks and classic HTML with
// [caption] shortcodes, carry categories, tags and threaded comments of every status, as a newsroom archive does.
if (args.Length < 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: WxrBench OUT.xml [--megabytes N]");
    return 1;
}
var output = args[0];
var megabytes = args.Length >= 3 && args[1] == "--megabytes" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
var target = megabytes * 1024L * 1024L;

var random = new Random(20261127);
string[] words =
[
    "vallée", "rivière", "pont", "conseil", "marché", "école", "quai", "ferry", "pêcheurs", "récolte", "musée", "gare",
    "budget", "chantier", "saison", "festival", "orage", "digue", "moulin", "forêt", "village", "maire", "habitants",
    "river", "council", "harbour", "market", "school", "bridge", "harvest", "museum", "station", "storm", "mill",
    "nouveau", "ancien", "premier", "grand", "petit", "public", "local", "annuel", "fragile", "ouvert", "fermé",
];
string Sentence(int min, int max)
{
    var count = random.Next(min, max);
    var builder = new StringBuilder();
    for (var i = 0; i < count; i++)
    {
        if (i > 0)
            builder.Append(' ');
        builder.Append(words[random.Next(words.Length)]);
    }
    builder[0] = char.ToUpperInvariant(builder[0]);
    return builder.Append('.').ToString();
}
string Paragraph() => string.Join(' ', Enumerable.Range(0, random.Next(3, 7)).Select(_ => Sentence(8, 20)));

var categories = new[] { ("region", "Région"), ("economie", "Économie"), ("culture", "Culture"), ("sport", "Sport") };
var tags = Enumerable.Range(1, 300).Select(i => ($"sujet-{i}", $"Sujet {i}")).ToArray();
var start = new DateTime(2012, 1, 1, 6, 0, 0, DateTimeKind.Utc);

using var file = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16);
file.Write("""
<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.4.2" created="2026-11-27 08:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Bench Gazette</title>
	<link>https://bench.example</link>
	<description>Generated archive</description>
	<language>fr-FR</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://bench.example</wp:base_site_url>
	<wp:base_blog_url>https://bench.example</wp:base_blog_url>

""");
for (var a = 1; a <= 20; a++)
    file.Write($"\t<wp:author><wp:author_id>{a}</wp:author_id><wp:author_login><![CDATA[auteur{a}]]></wp:author_login><wp:author_email><![CDATA[auteur{a}@bench.example]]></wp:author_email><wp:author_display_name><![CDATA[Auteur {a}]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n");
var term = 1;
foreach (var (slug, name) in categories)
    file.Write($"\t<wp:category><wp:term_id>{term++}</wp:term_id><wp:category_nicename><![CDATA[{slug}]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n");
foreach (var (slug, name) in tags)
    file.Write($"\t<wp:tag><wp:term_id>{term++}</wp:term_id><wp:tag_slug><![CDATA[{slug}]]></wp:tag_slug><wp:tag_name><![CDATA[{name}]]></wp:tag_name></wp:tag>\n");

var postId = 1000;
var commentId = 1;
var posts = 0;
while (file.BaseStream.Position < target)
{
    var id = postId++;
    var date = start.AddHours(id * 3);
    var title = Sentence(5, 10).TrimEnd('.');
    var slug = $"article-{id}";
    var status = (id % 50) switch { 0 => "draft", 1 => "future", 2 => "private", 3 => "pending", _ => "publish" };
    var attachmentId = 0;
    if (id % 25 == 0)
    {
        attachmentId = postId++;
        file.Write($"""
	<item>
		<title><![CDATA[photo-{attachmentId}]]></title>
		<link>https://bench.example/photo-{attachmentId}/</link>
		<dc:creator><![CDATA[auteur1]]></dc:creator>
		<guid isPermaLink="false">https://bench.example/wp-content/uploads/{date:yyyy}/{date:MM}/photo-{attachmentId}.jpg</guid>
		<content:encoded><![CDATA[]]></content:encoded>
		<excerpt:encoded><![CDATA[{Sentence(5, 9)} Photo : Agence Bench]]></excerpt:encoded>
		<wp:post_id>{attachmentId}</wp:post_id>
		<wp:post_date><![CDATA[{date.AddHours(1):yyyy-MM-dd HH:mm:ss}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[{date:yyyy-MM-dd HH:mm:ss}]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[photo-{attachmentId}]]></wp:post_name>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>{id}</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[https://bench.example/wp-content/uploads/{date:yyyy}/{date:MM}/photo-{attachmentId}.jpg]]></wp:attachment_url>
		<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[{Sentence(4, 8)}]]></wp:meta_value></wp:postmeta>
	</item>

""");
    }

    var body = new StringBuilder();
    if (id % 2 == 0)
    {
        body.Append($"<!-- wp:paragraph -->\n<p>{Paragraph()}</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n");
        for (var p = random.Next(6, 14); p > 0; p--)
        {
            body.Append(random.Next(6) switch
            {
                0 => $"<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">{Sentence(3, 7)}</h2>\n<!-- /wp:heading -->\n\n",
                1 => $"<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>{Sentence(8, 16)}</p>\n<!-- /wp:paragraph --><cite>{Sentence(2, 3)}</cite></blockquote>\n<!-- /wp:quote -->\n\n",
                2 => $"<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>{Sentence(3, 8)}</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>{Sentence(3, 8)}</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n",
                _ => $"<!-- wp:paragraph -->\n<p>{Paragraph()} <a href=\"https://bench.example/?p={random.Next(1000, id + 1)}\">{Sentence(2, 4).TrimEnd('.')}</a>.</p>\n<!-- /wp:paragraph -->\n\n",
            });
        }
        if (attachmentId != 0)
            body.Append($"<!-- wp:image {{\"id\":{attachmentId}}} -->\n<figure class=\"wp-block-image\"><img src=\"https://bench.example/wp-content/uploads/{date:yyyy}/{date:MM}/photo-{attachmentId}.jpg\" alt=\"\" class=\"wp-image-{attachmentId}\"/><figcaption class=\"wp-element-caption\">{Sentence(4, 8)} Crédit : Agence Bench</figcaption></figure>\n<!-- /wp:image -->\n");
    }
    else
    {
        body.Append(Paragraph()).Append("\n\n<!--more-->\n\n");
        for (var p = random.Next(6, 14); p > 0; p--)
            body.Append(Paragraph()).Append(random.Next(4) == 0 ? " <em>" + Sentence(2, 4) + "</em>" : "").Append("\n\n");
        if (id % 7 == 0)
            body.Append($"[caption id=\"\" align=\"alignnone\" width=\"800\"]<img src=\"https://bench.example/wp-content/uploads/old-{id}.jpg\" alt=\"{Sentence(3, 5)}\" width=\"800\" height=\"533\" /> {Sentence(4, 8)} (Photo Agence Bench)[/caption]\n\n");
        if (id % 11 == 0)
            body.Append("[gallery ids=\"1,2,3\"]\n");
    }

    file.Write($"""
	<item>
		<title><![CDATA[{title}]]></title>
		<link>https://bench.example/{date:yyyy}/{date:MM}/{date:dd}/{slug}/</link>
		<pubDate>{date.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +0000</pubDate>
		<dc:creator><![CDATA[auteur{1 + id % 20}]]></dc:creator>
		<guid isPermaLink="false">https://bench.example/?p={id}</guid>
		<description></description>
		<content:encoded><![CDATA[{body}]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>{id}</wp:post_id>
		<wp:post_date><![CDATA[{date.AddHours(1):yyyy-MM-dd HH:mm:ss}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[{(status is "draft" or "pending" ? "0000-00-00 00:00:00" : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[{slug}]]></wp:post_name>
		<wp:status><![CDATA[{status}]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="{categories[id % categories.Length].Item1}"><![CDATA[{categories[id % categories.Length].Item2}]]></category>

""");
    foreach (var tag in Enumerable.Range(0, random.Next(1, 5)).Select(_ => tags[random.Next(tags.Length)]).Distinct())
        file.Write($"\t\t<category domain=\"post_tag\" nicename=\"{tag.Item1}\"><![CDATA[{tag.Item2}]]></category>\n");
    if (attachmentId != 0)
        file.Write($"\t\t<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[{attachmentId}]]></wp:meta_value></wp:postmeta>\n");
    var first = commentId;
    for (var c = random.Next(0, 6); c > 0; c--)
    {
        var cid = commentId++;
        var parent = cid > first && random.Next(3) == 0 ? random.Next(first, cid) : 0;
        var approved = (cid % 20) switch { 0 => "spam", 1 => "0", 2 => "trash", _ => "1" };
        var when = date.AddMinutes(30 + cid % 600);
        file.Write($"""
		<wp:comment>
			<wp:comment_id>{cid}</wp:comment_id>
			<wp:comment_author><![CDATA[Lecteur {cid % 500}]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[lecteur{cid % 500}@lecteurs.example]]></wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[192.0.2.{cid % 250}]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[{when.AddHours(1):yyyy-MM-dd HH:mm:ss}]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[{when:yyyy-MM-dd HH:mm:ss}]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[{Sentence(6, 30)}]]></wp:comment_content>
			<wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>{parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>

""");
    }
    file.Write("\t</item>\n");
    posts++;
    file.Flush();
}
file.Write("</channel>\n</rss>\n");
Console.WriteLine($"{output}: {posts} posts, {commentId - 1} comments, {new FileInfo(output).Length / 1048576.0:F1} MB");
return 0;
