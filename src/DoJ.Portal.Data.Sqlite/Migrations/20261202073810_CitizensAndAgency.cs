using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoJ.Portal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CitizensAndAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommentSummary",
                table: "LegalDocuments",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CommentsCloseOn",
                table: "LegalDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CommentsOpenOn",
                table: "LegalDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LegalDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CommenterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CommenterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CommenterPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ConsentedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ModerationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ModeratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModeratedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PersonalDataErasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentComments_LegalDocuments_LegalDocumentId",
                        column: x => x.LegalDocumentId,
                        principalTable: "LegalDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRunAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastOutcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Officials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PositionEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Duties = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Officials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", unicode: false, maxLength: 50, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GaveUpAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Procedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NationalCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NationalPortalUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procedures_RegisterTerms_FieldId",
                        column: x => x.FieldId,
                        principalTable: "RegisterTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrackingCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AskerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    AskerPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ShowFullName = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicAskerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConsentedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PersonalDataErasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_Questions_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Questions_RegisterTerms_FieldId",
                        column: x => x.FieldId,
                        principalTable: "RegisterTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocuments_CommentsCloseOn_CommentsOpenOn",
                table: "LegalDocuments",
                columns: new[] { "CommentsCloseOn", "CommentsOpenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentComments_CommenterEmail",
                table: "DocumentComments",
                column: "CommenterEmail");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentComments_LegalDocumentId_Status_ReceivedAtUtc",
                table: "DocumentComments",
                columns: new[] { "LegalDocumentId", "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentComments_PersonalDataErasedAtUtc_ReceivedAtUtc",
                table: "DocumentComments",
                columns: new[] { "PersonalDataErasedAtUtc", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Officials_Role_IsPublished_SortOrder",
                table: "Officials",
                columns: new[] { "Role", "IsPublished", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_CreatedAtUtc",
                table: "OutgoingMails",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_NextAttemptAtUtc_ClaimedUntilUtc",
                table: "OutgoingMails",
                columns: new[] { "NextAttemptAtUtc", "ClaimedUntilUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_ToAddress",
                table: "OutgoingMails",
                column: "ToAddress");

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_FieldId",
                table: "Procedures",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_IsPublished_FieldId_SortOrder",
                table: "Procedures",
                columns: new[] { "IsPublished", "FieldId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_NationalCode",
                table: "Procedures",
                column: "NationalCode");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_AskerEmail",
                table: "Questions",
                column: "AskerEmail");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_AssignedToId",
                table: "Questions",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_FieldId_Status_PublishedAtUtc",
                table: "Questions",
                columns: new[] { "FieldId", "Status", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_MergedIntoId",
                table: "Questions",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_PersonalDataErasedAtUtc_UpdatedAtUtc",
                table: "Questions",
                columns: new[] { "PersonalDataErasedAtUtc", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Status_PublishedAtUtc_Id",
                table: "Questions",
                columns: new[] { "Status", "PublishedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Status_ReceivedAtUtc",
                table: "Questions",
                columns: new[] { "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_TrackingCode",
                table: "Questions",
                column: "TrackingCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentComments");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "Officials");

            migrationBuilder.DropTable(
                name: "OutgoingMails");

            migrationBuilder.DropTable(
                name: "Procedures");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropIndex(
                name: "IX_LegalDocuments_CommentsCloseOn_CommentsOpenOn",
                table: "LegalDocuments");

            migrationBuilder.DropColumn(
                name: "CommentSummary",
                table: "LegalDocuments");

            migrationBuilder.DropColumn(
                name: "CommentsCloseOn",
                table: "LegalDocuments");

            migrationBuilder.DropColumn(
                name: "CommentsOpenOn",
                table: "LegalDocuments");
        }
    }
}
