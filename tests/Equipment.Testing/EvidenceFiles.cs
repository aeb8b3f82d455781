using System.Net.Http.Headers;
using System.Text;

namespace Equipment.Testing;

/// <summary>Files as a phone or a scanner makes them (by their first bytes), and the multipart form that uploads one.</summary>
public static class EvidenceFiles
{
    public static byte[] Jpeg(int size = 2048) => Fill([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00], size);
    public static byte[] Png(int size = 2048) => Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);
    public static byte[] Pdf(int size = 2048) => Fill(Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n"), size);
    /// <summary>A Windows program (its <c>MZ</c> header), as it would be renamed <c>photo.jpg</c>.</summary>
    public static byte[] Program(int size = 2048) => Fill([(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00], size);

    public static MultipartFormDataContent Form(byte[] content, string fileName, string declaredType = "image/jpeg", Guid? subjectId = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (subjectId is { } s) form.Add(new StringContent(s.ToString()), "subjectId");
        return form;
    }

    private static byte[] Fill(byte[] header, int size)
    {
        var bytes = new byte[Math.Max(size, header.Length)];
        new Random(size).NextBytes(bytes);
        header.CopyTo(bytes, 0);
        return bytes;
    }
}
