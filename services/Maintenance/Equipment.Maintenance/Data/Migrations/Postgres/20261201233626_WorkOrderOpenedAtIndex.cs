using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Maintenance.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkOrderOpenedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_OpenedAt",
                table: "WorkOrders",
                column: "OpenedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_OpenedAt",
                table: "WorkOrders");
        }
    }
}
