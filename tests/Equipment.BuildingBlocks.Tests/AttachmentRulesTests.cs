using System.Text;
using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Errors;
using Xunit;

namespace Equipment.BuildingBlocks.Tests;

public class AttachmentRulesTests
{
    private static byte[] Bytes(params byte[] header) => [.. header, .. new byte[64]];

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 }, "image/jpeg")]   // a phone's EXIF JPEG
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "application/pdf")]
    public void A_file_is_known_by_its_signature(byte[] header, string type) => Assert.Equal(type, AttachmentRules.Detect(Bytes(header)));

    [Theory]
    [InlineData(new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00 })]                                  // a Windows program
    [InlineData(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' })]                              // a Linux program
    [InlineData(new byte[] { (byte)'<', (byte)'s', (byte)'v', (byte)'g' })]                         // SVG: an image that runs script
    [InlineData(new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' })]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 })]        // RIFF, but a WAVE sound
    [InlineData(new byte[] { 0xFF, 0xD8 })]                                                         // two bytes of a JPEG are not one
    public void Anything_else_is_none_of_the_allowed_types(byte[] header) => Assert.Null(AttachmentRules.Detect(header.Length < 4 ? header : Bytes(header)));

    [Fact]
    public void A_program_named_as_a_photo_is_refused_naming_the_field_and_the_rule()
    {
        var refused = Assert.Throws<RuleViolationException>(() => AttachmentRules.Check("photo.jpg", Bytes((byte)'M', (byte)'Z', 0x90)));
        Assert.Equal(("file", "ContentType", 400), (refused.Field, refused.Rule, refused.Status));
    }

    [Fact]
    public void A_file_takes_the_type_of_its_content_not_of_its_name()
    {
        var file = AttachmentRules.Check("scan.jpg", Bytes(0x25, 0x50, 0x44, 0x46, 0x2D));
        Assert.Equal(("application/pdf", "scan.jpg"), (file.ContentType, file.FileName));
    }

    [Fact]
    public void A_file_over_ten_megabytes_is_too_large_and_one_of_ten_is_kept()
    {
        var limit = new byte[AttachmentRules.MaxBytes];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(limit, 0);
        Assert.Equal(AttachmentRules.MaxBytes, AttachmentRules.Check("big.jpg", limit).Content.Length);
        var over = new byte[AttachmentRules.MaxBytes + 1];
        limit.CopyTo(over, 0);
        var refused = Assert.Throws<RuleViolationException>(() => AttachmentRules.Check("bigger.jpg", over));
        Assert.Equal(("file", "MaxSize", 413), (refused.Field, refused.Rule, refused.Status));
    }

    [Fact]
    public void No_file_and_an_empty_one_are_refused()
    {
        Assert.Equal("Required", Assert.Throws<RuleViolationException>(() => AttachmentRules.Check("a.pdf", null)).Rule);
        Assert.Equal("NotEmpty", Assert.Throws<RuleViolationException>(() => AttachmentRules.Check("a.pdf", [])).Rule);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\monitor\\DCIM\\IMG_0042.jpg", "IMG_0042.jpg")]
    [InlineData("report\"; filename=evil.exe.pdf", "report; filename=evil.exe.pdf")]
    [InlineData("bon\u0000de\r\nréception.pdf", "bonderéception.pdf")]
    [InlineData("   ", "evidence.pdf")]
    [InlineData("...", "evidence.pdf")]
    [InlineData(null, "evidence.pdf")]
    [InlineData("محضر التسليم.pdf", "محضر التسليم.pdf")]
    public void The_name_is_kept_safely(string? given, string kept) => Assert.Equal(kept, AttachmentRules.SafeName(given, "application/pdf"));

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension()
    {
        var name = AttachmentRules.SafeName(new string('a', 500) + ".jpeg", "image/jpeg");
        Assert.Equal(AttachmentRules.MaxFileNameLength, name.Length);
        Assert.EndsWith(".jpeg", name);
    }

    [Fact]
    public void A_stored_file_keeps_its_length_and_digest()
    {
        var content = Encoding.ASCII.GetBytes("%PDF-1.7 signed delivery note");
        var stored = Attachment.Store("GoodsReceivedNote", "1", null, "EU-DGNEAR", AttachmentRules.Check("note.pdf", content), "logistics", DateTime.UtcNow);
        Assert.Equal(content.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), stored.Sha256);
    }
}
