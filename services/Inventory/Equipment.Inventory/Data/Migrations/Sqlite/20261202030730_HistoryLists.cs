using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Inventory.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Shipments_DispatchedOn_WaybillNumber",
                table: "Shipments",
                columns: new[] { "DispatchedOn", "WaybillNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_HandoverCertificates_HandedOverOn_Number",
                table: "HandoverCertificates",
                columns: new[] { "HandedOverOn", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_GoodsReceivedNotes_ReceivedOn_Number",
                table: "GoodsReceivedNotes",
                columns: new[] { "ReceivedOn", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedDeliveries_DeliveryDeadline_ContractReference_ContractLineNumber",
                table: "ExpectedDeliveries",
                columns: new[] { "DeliveryDeadline", "ContractReference", "ContractLineNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_GoodsReceivedNoteId",
                table: "Assets",
                column: "GoodsReceivedNoteId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_HandoverCertificateId",
                table: "Assets",
                column: "HandoverCertificateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shipments_DispatchedOn_WaybillNumber",
                table: "Shipments");

            migrationBuilder.DropIndex(
                name: "IX_HandoverCertificates_HandedOverOn_Number",
                table: "HandoverCertificates");

            migrationBuilder.DropIndex(
                name: "IX_GoodsReceivedNotes_ReceivedOn_Number",
                table: "GoodsReceivedNotes");

            migrationBuilder.DropIndex(
                name: "IX_ExpectedDeliveries_DeliveryDeadline_ContractReference_ContractLineNumber",
                table: "ExpectedDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Assets_GoodsReceivedNoteId",
                table: "Assets");

            migrationBuilder.DropIndex(
                name: "IX_Assets_HandoverCertificateId",
                table: "Assets");
        }
    }
}
