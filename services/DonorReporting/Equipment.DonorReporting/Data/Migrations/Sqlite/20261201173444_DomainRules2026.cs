using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.DonorReporting.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DomainRules2026 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeviationFromCrossingPointCode",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeviationOn",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeviationReason",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeviationToCrossingPointCode",
                table: "TrackedAssets",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeviationFromCrossingPointCode",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "DeviationOn",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "DeviationReason",
                table: "TrackedAssets");

            migrationBuilder.DropColumn(
                name: "DeviationToCrossingPointCode",
                table: "TrackedAssets");
        }
    }
}
