using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoJ.Portal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndexableNewestChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_Status_UpdatedAtUtc",
                table: "LegalDocuments",
                columns: new[] { "Status", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_UpdatedAtUtc",
                table: "Articles",
                columns: new[] { "Status", "UpdatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LegalDocuments_Status_UpdatedAtUtc",
                table: "LegalDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_UpdatedAtUtc",
                table: "Articles");
        }
    }
}
