using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Inventory.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PassportWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DetailFacts",
                table: "AssetNotes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DetailPhrase",
                table: "AssetNotes",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DetailFacts",
                table: "AssetNotes");

            migrationBuilder.DropColumn(
                name: "DetailPhrase",
                table: "AssetNotes");
        }
    }
}
