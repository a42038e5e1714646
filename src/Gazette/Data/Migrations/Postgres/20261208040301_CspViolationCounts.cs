using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gazette.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CspViolationCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CspViolationCounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Directive = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Blocked = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PagePath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CspViolationCounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CspViolationCounts_Day_Directive_Blocked_PagePath",
                table: "CspViolationCounts",
                columns: new[] { "Day", "Directive", "Blocked", "PagePath" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CspViolationCounts");
        }
    }
}
