using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.DonorReporting.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssetFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Faults",
                table: "TrackedAssets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FiguresUntil",
                table: "TrackedAssets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FiguresVersion",
                table: "TrackedAssets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "InServiceFromDay",
                table: "TrackedAssets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InServiceUntilDay",
                table: "TrackedAssets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "KnownTicks",
                table: "TrackedAssets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LastChangeTicks",
                table: "TrackedAssets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LatestStatus",
                table: "TrackedAssets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OpenFromTicks",
                table: "TrackedAssets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OperationalTicks",
                table: "TrackedAssets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "RepairDays",
                table: "TrackedAssets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Repairs",
                table: "TrackedAssets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Each asset's latest status, at once (the CSV lists it); the other figure columns are computed from the
            // histories at start-up (BackfillFigures), and the summary reads the histories of assets not computed yet.
            migrationBuilder.Sql("""
                UPDATE "TrackedAssets" SET "LatestStatus" = (
                    SELECT s."Status" FROM "StatusRecords" s WHERE s."AssetId" = "TrackedAssets"."AssetId" ORDER BY s."ChangedAt" DESC LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Faults",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "FiguresUntil",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "FiguresVersion",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "InServiceFromDay",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "InServiceUntilDay",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "KnownTicks",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "LastChangeTicks",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "LatestStatus",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "OpenFromTicks",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "OperationalTicks",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "RepairDays",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "Repairs",
                table: "TrackedAssets");
        }
    }
}
