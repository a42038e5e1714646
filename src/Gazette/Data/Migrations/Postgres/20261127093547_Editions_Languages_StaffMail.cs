using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gazette.Data.Migrations.Postgres
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
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MachineTranslationApiKey",
                table: "SiteSettings",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MachineTranslationUrl",
                table: "SiteSettings",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "InterfaceLanguage",
                table: "AspNetUsers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyOfComments",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "MachineTranslated",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TranslationSourceHash",
                table: "Articles",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TranslationSourceId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SectionTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Articles_TranslationSourceId",
                table: "Articles",
                column: "TranslationSourceId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
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
