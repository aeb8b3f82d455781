using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Equipment.Inventory.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StockTake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastSeenBy",
                table: "Assets",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastSeenOn",
                table: "Assets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastSeenPlace",
                table: "Assets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StockTakeScans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StockTakeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SerialNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Result = table.Column<string>(type: "text", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: true),
                    DonorCode = table.Column<string>(type: "text", nullable: true),
                    AssetStatus = table.Column<string>(type: "text", nullable: true),
                    RegisteredLocation = table.Column<string>(type: "text", nullable: true),
                    ScannedBy = table.Column<string>(type: "text", nullable: false),
                    ScannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockTakeScans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockTakes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlaceKind = table.Column<string>(type: "text", nullable: false),
                    PlaceName = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    OpenedBy = table.Column<string>(type: "text", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedBy = table.Column<string>(type: "text", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OpenPlaceCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockTakes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Status_LastSeenOn",
                table: "Assets",
                columns: new[] { "Status", "LastSeenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StockTakeScans_StockTakeId_SerialNumber",
                table: "StockTakeScans",
                columns: new[] { "StockTakeId", "SerialNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockTakes_OpenPlaceCode",
                table: "StockTakes",
                column: "OpenPlaceCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockTakes_OpenedAt",
                table: "StockTakes",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StockTakes_PlaceCode_OpenedAt",
                table: "StockTakes",
                columns: new[] { "PlaceCode", "OpenedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StockTakeScans");

            migrationBuilder.DropTable(
                name: "StockTakes");

            migrationBuilder.DropIndex(
                name: "IX_Assets_Status_LastSeenOn",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "LastSeenBy",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "LastSeenOn",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "LastSeenPlace",
                table: "Assets");
        }
    }
}
