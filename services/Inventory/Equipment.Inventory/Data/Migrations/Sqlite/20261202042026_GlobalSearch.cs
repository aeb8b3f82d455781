using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Inventory.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GlobalSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TenderReference",
                table: "ExpectedDeliveries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedDeliveries_TenderReference",
                table: "ExpectedDeliveries",
                column: "TenderReference");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ContractReference",
                table: "Assets",
                column: "ContractReference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExpectedDeliveries_TenderReference",
                table: "ExpectedDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Assets_ContractReference",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "TenderReference",
                table: "ExpectedDeliveries");
        }
    }
}
