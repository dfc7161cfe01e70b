using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoJ.Portal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PhotosAndVideo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginalFileName",
                table: "Media",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VariantWidths",
                table: "Media",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReturnNote",
                table: "LegalDocuments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReturnedAtUtc",
                table: "LegalDocuments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlbumId",
                table: "Articles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageAlt",
                table: "Articles",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LeadImageCaption",
                table: "Articles",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "LeadImageId",
                table: "Articles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnNote",
                table: "Articles",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReturnedAtUtc",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlbumId",
                table: "ArticleRevisions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageAlt",
                table: "ArticleRevisions",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LeadImageCaption",
                table: "ArticleRevisions",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "LeadImageId",
                table: "ArticleRevisions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Albums",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CoverPhotoId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReturnNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsDeleted = table.Column<bool>(type: "bit", nullable: false),
                    DeletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeletedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Albums", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Videos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    YouTubeId = table.Column<string>(type: "varchar(11)", unicode: false, maxLength: 11, nullable: true),
                    FileId = table.Column<int>(type: "int", nullable: true),
                    PosterId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReturnNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsDeleted = table.Column<bool>(type: "bit", nullable: false),
                    DeletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeletedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Videos", x => x.Id);
                    table.CheckConstraint("CK_Videos_OneSource", "(CASE WHEN FileId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN YouTubeId IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_Videos_Media_PosterId",
                        column: x => x.PosterId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Videos_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlbumPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AlbumId = table.Column<int>(type: "int", nullable: false),
                    MediaId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Caption = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    AltText = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlbumPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlbumPhotos_Albums_AlbumId",
                        column: x => x.AlbumId,
                        principalTable: "Albums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlbumPhotos_Media_MediaId",
                        column: x => x.MediaId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Media_VariantWidths_Id",
                table: "Media",
                columns: new[] { "VariantWidths", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_AlbumId",
                table: "Articles",
                column: "AlbumId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_LeadImageId",
                table: "Articles",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_AlbumId_Position",
                table: "AlbumPhotos",
                columns: new[] { "AlbumId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_MediaId",
                table: "AlbumPhotos",
                column: "MediaId");

            migrationBuilder.CreateIndex(
                name: "IX_Albums_Status_PublishedAtUtc_Id_IsDeleted",
                table: "Albums",
                columns: new[] { "Status", "PublishedAtUtc", "Id", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_Albums_UpdatedAtUtc_IsDeleted",
                table: "Albums",
                columns: new[] { "UpdatedAtUtc", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_Videos_FileId",
                table: "Videos",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Videos_PosterId",
                table: "Videos",
                column: "PosterId");

            migrationBuilder.CreateIndex(
                name: "IX_Videos_Status_PublishedAtUtc_Id_IsDeleted",
                table: "Videos",
                columns: new[] { "Status", "PublishedAtUtc", "Id", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_Videos_UpdatedAtUtc_IsDeleted",
                table: "Videos",
                columns: new[] { "UpdatedAtUtc", "IsDeleted" });

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Albums_AlbumId",
                table: "Articles",
                column: "AlbumId",
                principalTable: "Albums",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Media_LeadImageId",
                table: "Articles",
                column: "LeadImageId",
                principalTable: "Media",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The free-text thumbnail of an article, when it named an image of the library, becomes its lead image
            // (alt text: the image's own, else the article's title); other paths stay in ThumbnailPath, unused.
            migrationBuilder.Sql("""
                UPDATE a SET
                    a.[LeadImageId] = m.[Id],
                    a.[LeadImageAlt] = LEFT(COALESCE(NULLIF(m.[AltText], N''), a.[Title]), 300)
                FROM [Articles] AS a
                CROSS APPLY (SELECT TOP 1 x.[Id], x.[AltText] FROM [Media] AS x
                             WHERE N'/media/' + x.[FileName] = a.[ThumbnailPath] OR N'/media/' + x.[ThumbnailFileName] = a.[ThumbnailPath]) AS m
                WHERE a.[ThumbnailPath] IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Albums_AlbumId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Media_LeadImageId",
                table: "Articles");

            migrationBuilder.DropTable(
                name: "AlbumPhotos");

            migrationBuilder.DropTable(
                name: "Videos");

            migrationBuilder.DropTable(
                name: "Albums");

            migrationBuilder.DropIndex(
                name: "IX_Media_VariantWidths_Id",
                table: "Media");

            migrationBuilder.DropIndex(
                name: "IX_Articles_AlbumId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_LeadImageId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "OriginalFileName",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "VariantWidths",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "ReturnNote",
                table: "LegalDocuments");

            migrationBuilder.DropColumn(
                name: "ReturnedAtUtc",
                table: "LegalDocuments");

            migrationBuilder.DropColumn(
                name: "AlbumId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageAlt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageCaption",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReturnNote",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReturnedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "AlbumId",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "LeadImageAlt",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "LeadImageCaption",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "LeadImageId",
                table: "ArticleRevisions");
        }
    }
}
