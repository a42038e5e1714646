using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gazette.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SectionId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Language_PublishedAt_Status_DeletedAt",
                table: "Articles",
                columns: new[] { "Language", "PublishedAt", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt_Status_DeletedAt",
                table: "Articles",
                columns: new[] { "PublishedAt", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId_PublishedAt_Status_DeletedAt",
                table: "Articles",
                columns: new[] { "SectionId", "PublishedAt", "Status", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Language_PublishedAt_Status_DeletedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt_Status_DeletedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SectionId_PublishedAt_Status_DeletedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId",
                table: "Articles",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt" });
        }
    }
}
