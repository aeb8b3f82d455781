using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Inventory.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DetailPhrase",
                table: "AssetNotes",
                type: "TEXT",
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
