using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Maintenance.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneWarrantyClaimPerWorkOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WarrantyClaims_WorkOrderId",
                table: "WarrantyClaims",
                column: "WorkOrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WarrantyClaims_WorkOrderId",
                table: "WarrantyClaims");
        }
    }
}
