using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Procurement.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConcurrencyTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Tenders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Requisitions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Contracts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Bids",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Requisitions");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Bids");
        }
    }
}
