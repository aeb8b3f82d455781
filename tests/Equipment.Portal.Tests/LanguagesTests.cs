using System.Globalization;
using Equipment.Portal.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Equipment.Portal.Tests;

public sealed class LanguagesTests
{
    private static IStringLocalizer<T> Localizer<T>() =>
        new ServiceCollection().AddLogging().AddPortalLanguages().BuildServiceProvider().GetRequiredService<IStringLocalizer<T>>();

    [Theory]
    [InlineData("fr", "Appels d'offres")]
    [InlineData("ar", "المناقصات")]
    [InlineData("en", "Tenders")]
    public void A_component_text_is_read_from_its_own_resource_file_in_the_users_language(string language, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            var text = Localizer<MainLayout>()["Tenders"];
            Assert.Equal(expected, text.Value);
            Assert.Equal(language != "en", !text.ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
