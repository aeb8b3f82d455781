using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.DonorReporting.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reliability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DisposedOn",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastCrossingPointCode",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDeployedOn",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Manufacturer",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            // Where each asset served so far: reliability counts a disposed asset at its last crossing point.
            migrationBuilder.Sql("""UPDATE "TrackedAssets" SET "LastCrossingPointCode" = "CrossingPointCode", "LastDeployedOn" = "DeployedOn" WHERE "CrossingPointCode" IS NOT NULL;""");

            migrationBuilder.CreateTable(
                name: "FaultRecords",
                columns: table => new
                {
                    FaultReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaultRecords", x => x.FaultReportId);
                });

            migrationBuilder.CreateTable(
                name: "RepairRecords",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FaultReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FaultReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RepairedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairRecords", x => x.WorkOrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaultRecords_GrantId",
                table: "FaultRecords",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairRecords_GrantId",
                table: "RepairRecords",
                column: "GrantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaultRecords");

            migrationBuilder.DropTable(
                name: "RepairRecords");

            migrationBuilder.DropColumn(
                name: "DisposedOn",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "LastCrossingPointCode",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "LastDeployedOn",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "Manufacturer",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "Model",
                table: "TrackedAssets");
        }
    }
}
