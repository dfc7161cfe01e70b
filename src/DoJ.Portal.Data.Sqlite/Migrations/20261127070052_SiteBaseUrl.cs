using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoJ.Portal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SiteBaseUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BaseUrl",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BaseUrl",
                table: "SiteSettings");
        }
    }
}
