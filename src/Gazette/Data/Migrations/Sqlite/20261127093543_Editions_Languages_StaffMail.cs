using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gazette.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Editions_Languages_StaffMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EditionLanguages",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MachineTranslationApiKey",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MachineTranslationUrl",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "InterfaceLanguage",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyOfComments",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "MachineTranslated",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TranslationSourceHash",
                table: "Articles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // The column and its foreign key in one ALTER TABLE, which SQLite allows for a nullable column. EF's
            // AddForeignKey would instead rebuild Articles (copy, drop, rename) with `PRAGMA foreign_keys = 0`, which
            // cannot run inside the migration's transaction (warning 20410: a crash could leave it half applied) and
            // which, done inside it, would let the drop cascade into the tables that reference Articles. Databases
            // that already applied the rebuilt version have the same column and key; this migration does not rerun.
            migrationBuilder.Sql(
                """
                ALTER TABLE "Articles" ADD COLUMN "TranslationSourceId" INTEGER NULL
                    CONSTRAINT "FK_Articles_Articles_TranslationSourceId" REFERENCES "Articles" ("Id") ON DELETE SET NULL;
                """);

            migrationBuilder.CreateTable(
                name: "SectionTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectionTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SectionTranslations_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TagTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TagTranslations_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TranslationSourceId",
                table: "Articles",
                column: "TranslationSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SectionTranslations_Language_Slug",
                table: "SectionTranslations",
                columns: new[] { "Language", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SectionTranslations_SectionId_Language",
                table: "SectionTranslations",
                columns: new[] { "SectionId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TagTranslations_Language_Slug",
                table: "TagTranslations",
                columns: new[] { "Language", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TagTranslations_TagId_Language",
                table: "TagTranslations",
                columns: new[] { "TagId", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Articles_TranslationSourceId",
                table: "Articles");

            migrationBuilder.DropTable(
                name: "SectionTranslations");

            migrationBuilder.DropTable(
                name: "TagTranslations");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TranslationSourceId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "EditionLanguages",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "MachineTranslationApiKey",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "MachineTranslationUrl",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "InterfaceLanguage",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NotifyOfComments",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MachineTranslated",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TranslationSourceHash",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TranslationSourceId",
                table: "Articles");
        }
    }
}
