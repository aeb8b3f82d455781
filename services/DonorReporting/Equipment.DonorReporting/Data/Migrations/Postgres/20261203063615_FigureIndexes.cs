using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.DonorReporting.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TrackedAssets_Figures",
                table: "TrackedAssets",
                columns: new[] { "GrantId", "FiguresUntil", "ContractId", "ContractLineNumber", "CrossingPointCode", "UnitValue", "FirstDeployedOn", "Manufacturer", "Model", "ItemCategory", "LastCrossingPointCode", "LastChangeTicks", "SerialNumber", "HandedOverOn", "LatestStatus", "OpenFromTicks", "InServiceFromDay", "InServiceUntilDay", "KnownTicks", "OperationalTicks", "Faults", "Repairs", "RepairDays" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackedAssets_GrantId_DeviationOn",
                table: "TrackedAssets",
                columns: new[] { "GrantId", "DeviationOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TrackedAssets_Figures",
                table: "TrackedAssets");

            migrationBuilder.DropIndex(
                name: "IX_TrackedAssets_GrantId_DeviationOn",
                table: "TrackedAssets");
        }
    }
}
