using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.DonorReporting.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReceiptPhotoHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReceiptPhotos",
                columns: table => new
                {
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Removed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptPhotos", x => new { x.AssetId, x.AttachmentId });
                });
            // The photo each unit shows today is known as attached (before any photo announced from now on).
            migrationBuilder.Sql("INSERT INTO \"ReceiptPhotos\" (\"AssetId\", \"AttachmentId\", \"AttachedAt\", \"Removed\") " +
                "SELECT \"AssetId\", \"ReceiptPhotoId\", TIMESTAMPTZ '2000-01-01 00:00:00+00', FALSE FROM \"TrackedAssets\" WHERE \"ReceiptPhotoId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceiptPhotos");
        }
    }
}
