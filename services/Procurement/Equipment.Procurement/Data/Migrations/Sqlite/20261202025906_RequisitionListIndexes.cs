using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Procurement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequisitionListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requisitions_RequiredBy",
                table: "Requisitions",
                column: "RequiredBy");

            migrationBuilder.CreateIndex(
                name: "IX_Requisitions_Status_RaisedAt",
                table: "Requisitions",
                columns: new[] { "Status", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requisitions_RequiredBy",
                table: "Requisitions");

            migrationBuilder.DropIndex(
                name: "IX_Requisitions_Status_RaisedAt",
                table: "Requisitions");
        }
    }
}
