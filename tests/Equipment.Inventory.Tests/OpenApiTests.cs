using Equipment.Testing;

namespace Equipment.Inventory.Tests;

public class OpenApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public Task Every_operation_documents_the_request_it_binds_its_refusals_and_one_schema_per_type() =>
        OpenApiAssert.EveryOperationDocumentsWhatItBindsAsync(factory);
}
