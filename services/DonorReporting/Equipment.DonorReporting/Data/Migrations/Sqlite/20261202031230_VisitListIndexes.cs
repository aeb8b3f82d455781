using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.DonorReporting.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Visits_DonorCode_PlannedFor",
                table: "Visits",
                columns: new[] { "DonorCode", "PlannedFor" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_GrantId_PlannedFor",
                table: "Visits",
                columns: new[] { "GrantId", "PlannedFor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_DonorCode_PlannedFor",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Visits_GrantId_PlannedFor",
                table: "Visits");
        }
    }
}
