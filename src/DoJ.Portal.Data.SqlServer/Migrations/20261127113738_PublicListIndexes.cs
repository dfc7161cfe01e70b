using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoJ.Portal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublicListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_Status_IsDeleted_PublishedAtUtc",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_IsDeleted_UpdatedAtUtc",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_IsFeatured_Status_IsDeleted_PublishedAtUtc",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_IsDeleted_PublishedAtUtc",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_Status_PublishedAtUtc_Id_IsDeleted",
                table: "Articles",
                columns: new[] { "CategoryId", "Status", "PublishedAtUtc", "Id", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAtUtc_Id_IsDeleted_IsFeatured",
                table: "Articles",
                columns: new[] { "Status", "PublishedAtUtc", "Id", "IsDeleted", "IsFeatured" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UpdatedAtUtc_IsDeleted",
                table: "Articles",
                columns: new[] { "UpdatedAtUtc", "IsDeleted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_Status_PublishedAtUtc_Id_IsDeleted",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAtUtc_Id_IsDeleted_IsFeatured",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_UpdatedAtUtc_IsDeleted",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_Status_IsDeleted_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "CategoryId", "Status", "IsDeleted", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_IsDeleted_UpdatedAtUtc",
                table: "Articles",
                columns: new[] { "IsDeleted", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_IsFeatured_Status_IsDeleted_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "IsFeatured", "Status", "IsDeleted", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_IsDeleted_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "Status", "IsDeleted", "PublishedAtUtc" });
        }
    }
}
