using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Inventory.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DomainRules2026 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeploymentDeviationReason",
                table: "Assets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DestinationCrossingPointCode",
                table: "Assets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "HandedOverOn",
                table: "Assets",
                type: "date",
                nullable: true);

            // Assets handed over or registered before these columns existed: their certificate's date, their line's destination.
            migrationBuilder.Sql("""UPDATE "Assets" AS a SET "HandedOverOn" = h."HandedOverOn" FROM "HandoverCertificates" AS h WHERE h."Id" = a."HandoverCertificateId";""");
            migrationBuilder.Sql("""UPDATE "Assets" AS a SET "DestinationCrossingPointCode" = d."DestinationCrossingPointCode" FROM "ExpectedDeliveries" AS d WHERE d."Id" = a."ExpectedDeliveryId";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeploymentDeviationReason",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "DestinationCrossingPointCode",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "HandedOverOn",
                table: "Assets");
        }
    }
}
