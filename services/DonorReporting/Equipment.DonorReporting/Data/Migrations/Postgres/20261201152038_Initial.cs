using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Equipment.DonorReporting.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Allegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorCode = table.Column<string>(type: "text", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReportedBy = table.Column<string>(type: "text", nullable: false),
                    Allegation = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allegations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Disbursements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disbursements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Donors",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    IatiOrganisationId = table.Column<string>(type: "text", nullable: true),
                    IatiOrganisationType = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donors", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "GrantVersions",
                columns: table => new
                {
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantVersions", x => new { x.GrantId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    DonorCode = table.Column<string>(type: "text", nullable: false),
                    Instrument = table.Column<string>(type: "text", nullable: false),
                    ImplementingPartner = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    Currency = table.Column<string>(type: "text", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    BeneficiaryCountries = table.Column<List<string>>(type: "text[]", nullable: false),
                    EligibleNationalities = table.Column<List<string>>(type: "text[]", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Indicators = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignedContracts",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: false),
                    SupplierName = table.Column<string>(type: "text", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TenderId = table.Column<Guid>(type: "uuid", nullable: true),
                    LotNumber = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignedContracts", x => x.ContractId);
                });

            migrationBuilder.CreateTable(
                name: "StatusRecords",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusRecords", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "TenderedLots",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    LotNumber = table.Column<int>(type: "integer", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenderReference = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EstimatedValue = table.Column<decimal>(type: "numeric", nullable: true),
                    AwardedValue = table.Column<decimal>(type: "numeric", nullable: true),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    Units = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderedLots", x => new { x.TenderId, x.LotNumber });
                });

            migrationBuilder.CreateTable(
                name: "TrackedAssets",
                columns: table => new
                {
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SerialNumber = table.Column<string>(type: "text", nullable: true),
                    ItemCategory = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    UnitValue = table.Column<decimal>(type: "numeric", nullable: true),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContractLineNumber = table.Column<int>(type: "integer", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HandedOverOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HandedOverTo = table.Column<string>(type: "text", nullable: true),
                    CrossingPointCode = table.Column<string>(type: "text", nullable: true),
                    DeployedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstDeployedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Disposal = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackedAssets", x => x.AssetId);
                });

            migrationBuilder.CreateTable(
                name: "UpkeepRecords",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    IsWorkOrder = table.Column<bool>(type: "boolean", nullable: false),
                    PartsCost = table.Column<decimal>(type: "numeric", nullable: false),
                    LabourHours = table.Column<decimal>(type: "numeric", nullable: false),
                    UsageHours = table.Column<decimal>(type: "numeric", nullable: false),
                    UsageKm = table.Column<decimal>(type: "numeric", nullable: false),
                    Patrols = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpkeepRecords", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorCode = table.Column<string>(type: "text", nullable: false),
                    CrossingPointCode = table.Column<string>(type: "text", nullable: true),
                    PlannedFor = table.Column<DateOnly>(type: "date", nullable: false),
                    Monitor = table.Column<string>(type: "text", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    SampledAssetIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "jsonb", nullable: true),
                    FollowUps = table.Column<string>(type: "jsonb", nullable: true),
                    Weights = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "text", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => x.MessageId);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TraceParent = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "grant_budget_lines",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grant_budget_lines", x => new { x.GrantId, x.Code });
                    table.ForeignKey(
                        name: "FK_grant_budget_lines_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grant_crossing_points",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    CountryCode = table.Column<string>(type: "text", nullable: false),
                    NeighbourCountryCode = table.Column<string>(type: "text", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Authority = table.Column<string>(type: "text", nullable: true),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grant_crossing_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grant_crossing_points_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allegations_DonorCode_GrantId",
                table: "Allegations",
                columns: new[] { "DonorCode", "GrantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Disbursements_GrantId",
                table: "Disbursements",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_DonorCode",
                table: "Grants",
                column: "DonorCode");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Reference",
                table: "Grants",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignedContracts_GrantId",
                table: "SignedContracts",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_StatusRecords_AssetId",
                table: "StatusRecords",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_TenderedLots_GrantId",
                table: "TenderedLots",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_TrackedAssets_GrantId_CrossingPointCode",
                table: "TrackedAssets",
                columns: new[] { "GrantId", "CrossingPointCode" });

            migrationBuilder.CreateIndex(
                name: "IX_UpkeepRecords_GrantId",
                table: "UpkeepRecords",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_DonorCode_GrantId",
                table: "Visits",
                columns: new[] { "DonorCode", "GrantId" });

            migrationBuilder.CreateIndex(
                name: "IX_grant_crossing_points_GrantId_Code",
                table: "grant_crossing_points",
                columns: new[] { "GrantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_ProcessedAt",
                table: "inbox_messages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_EventId",
                table: "outbox_messages",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_PublishedAt_NextAttemptAt",
                table: "outbox_messages",
                columns: new[] { "PublishedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Allegations");

            migrationBuilder.DropTable(
                name: "Disbursements");

            migrationBuilder.DropTable(
                name: "Donors");

            migrationBuilder.DropTable(
                name: "GrantVersions");

            migrationBuilder.DropTable(
                name: "SignedContracts");

            migrationBuilder.DropTable(
                name: "StatusRecords");

            migrationBuilder.DropTable(
                name: "TenderedLots");

            migrationBuilder.DropTable(
                name: "TrackedAssets");

            migrationBuilder.DropTable(
                name: "UpkeepRecords");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "grant_budget_lines");

            migrationBuilder.DropTable(
                name: "grant_crossing_points");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "Grants");
        }
    }
}
