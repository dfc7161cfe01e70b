using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoJ.Portal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsAndAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The article change sequence becomes the content change sequence: renamed, so no change is lost.
            migrationBuilder.RenameTable(name: "ArticleChanges", newName: "ContentChanges");
            migrationBuilder.RenameColumn(name: "ArticleId", table: "ContentChanges", newName: "ContentId");
            migrationBuilder.RenameIndex(name: "IX_ArticleChanges_ChangedAtUtc", table: "ContentChanges", newName: "IX_ContentChanges_ChangedAtUtc");
            migrationBuilder.DropPrimaryKey(name: "PK_ArticleChanges", table: "ContentChanges");
            migrationBuilder.AddPrimaryKey(name: "PK_ContentChanges", table: "ContentChanges", column: "Id");
            migrationBuilder.AddColumn<int>(name: "Kind", table: "ContentChanges", type: "int", nullable: false, defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Attachments",
                table: "StaticPageRevisions",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Attachments",
                table: "ArticleRevisions",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "RegisterTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OriginalName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    TextState = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    TextNote = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    TextUpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NumberKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Abstract = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Signer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DocumentTypeId = table.Column<int>(type: "int", nullable: false),
                    IssuingBodyId = table.Column<int>(type: "int", nullable: false),
                    FieldId = table.Column<int>(type: "int", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsDeleted = table.Column<bool>(type: "bit", nullable: false),
                    DeletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeletedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalDocuments_RegisterTerms_DocumentTypeId",
                        column: x => x.DocumentTypeId,
                        principalTable: "RegisterTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalDocuments_RegisterTerms_FieldId",
                        column: x => x.FieldId,
                        principalTable: "RegisterTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalDocuments_RegisterTerms_IssuingBodyId",
                        column: x => x.IssuingBodyId,
                        principalTable: "RegisterTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StoredFileId = table.Column<int>(type: "int", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    ArticleId = table.Column<int>(type: "int", nullable: true),
                    StaticPageId = table.Column<int>(type: "int", nullable: true),
                    LegalDocumentId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.CheckConstraint("CK_Attachments_OneOwner", "(CASE WHEN ArticleId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN StaticPageId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN LegalDocumentId IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_Attachments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attachments_LegalDocuments_LegalDocumentId",
                        column: x => x.LegalDocumentId,
                        principalTable: "LegalDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attachments_StaticPages_StaticPageId",
                        column: x => x.StaticPageId,
                        principalTable: "StaticPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attachments_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalDocumentArticles",
                columns: table => new
                {
                    LegalDocumentId = table.Column<int>(type: "int", nullable: false),
                    ArticleId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalDocumentArticles", x => new { x.LegalDocumentId, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_LegalDocumentArticles_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LegalDocumentArticles_LegalDocuments_LegalDocumentId",
                        column: x => x.LegalDocumentId,
                        principalTable: "LegalDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalDocumentRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LegalDocumentId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Abstract = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Signer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DocumentTypeId = table.Column<int>(type: "int", nullable: false),
                    IssuingBodyId = table.Column<int>(type: "int", nullable: false),
                    FieldId = table.Column<int>(type: "int", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attachments = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RelatedArticleIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalDocumentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalDocumentRevisions_LegalDocuments_LegalDocumentId",
                        column: x => x.LegalDocumentId,
                        principalTable: "LegalDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ArticleId_Position",
                table: "Attachments",
                columns: new[] { "ArticleId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_LegalDocumentId_Position",
                table: "Attachments",
                columns: new[] { "LegalDocumentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_StaticPageId_Position",
                table: "Attachments",
                columns: new[] { "StaticPageId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_StoredFileId",
                table: "Attachments",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocumentArticles_ArticleId",
                table: "LegalDocumentArticles",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocumentRevisions_LegalDocumentId_CreatedAtUtc",
                table: "LegalDocumentRevisions",
                columns: new[] { "LegalDocumentId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_DocumentTypeId_Status_IssuedOn_Id_IsDeleted",
                table: "LegalDocuments",
                columns: new[] { "DocumentTypeId", "Status", "IssuedOn", "Id", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_FieldId_Status_IssuedOn_Id_IsDeleted",
                table: "LegalDocuments",
                columns: new[] { "FieldId", "Status", "IssuedOn", "Id", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_IssuingBodyId_Status_IssuedOn_Id_IsDeleted",
                table: "LegalDocuments",
                columns: new[] { "IssuingBodyId", "Status", "IssuedOn", "Id", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_NumberKey",
                table: "LegalDocuments",
                column: "NumberKey");

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_Status_IssuedOn_Id_IsDeleted_PublishedAtUtc",
                table: "LegalDocuments",
                columns: new[] { "Status", "IssuedOn", "Id", "IsDeleted", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_UpdatedAtUtc_IsDeleted",
                table: "LegalDocuments",
                columns: new[] { "UpdatedAtUtc", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterTerms_Kind_Slug",
                table: "RegisterTerms",
                columns: new[] { "Kind", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterTerms_Kind_SortOrder",
                table: "RegisterTerms",
                columns: new[] { "Kind", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_FileName",
                table: "StoredFiles",
                column: "FileName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_TextState_Id",
                table: "StoredFiles",
                columns: new[] { "TextState", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "LegalDocumentArticles");

            migrationBuilder.DropTable(
                name: "LegalDocumentRevisions");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "LegalDocuments");

            migrationBuilder.DropTable(
                name: "RegisterTerms");

            migrationBuilder.DropColumn(
                name: "Attachments",
                table: "StaticPageRevisions");

            migrationBuilder.DropColumn(
                name: "Attachments",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(name: "Kind", table: "ContentChanges");
            migrationBuilder.RenameTable(name: "ContentChanges", newName: "ArticleChanges");
            migrationBuilder.RenameColumn(name: "ContentId", table: "ArticleChanges", newName: "ArticleId");
            migrationBuilder.RenameIndex(name: "IX_ContentChanges_ChangedAtUtc", table: "ArticleChanges", newName: "IX_ArticleChanges_ChangedAtUtc");
            migrationBuilder.DropPrimaryKey(name: "PK_ContentChanges", table: "ArticleChanges");
            migrationBuilder.AddPrimaryKey(name: "PK_ArticleChanges", table: "ArticleChanges", column: "Id");
        }
    }
}
