using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gazette.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Directive = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Blocked = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PagePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
