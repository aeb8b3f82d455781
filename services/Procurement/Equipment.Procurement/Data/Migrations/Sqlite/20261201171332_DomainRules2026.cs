using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Equipment.Procurement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DomainRules2026 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PaymentAgainstInvoiceSection",
                table: "RuleSets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PaymentAgainstInvoiceUpTo",
                table: "RuleSets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "RuleSets",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PaymentAgainstInvoiceSection",
                table: "RuleSets");

            migrationBuilder.DropColumn(
                name: "PaymentAgainstInvoiceUpTo",
                table: "RuleSets");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "RuleSets");
        }
    }
}
