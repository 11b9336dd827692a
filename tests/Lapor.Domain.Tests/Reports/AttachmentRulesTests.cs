using System.Security.Cryptography;
using System.Text;
using Lapor.Domain.Reports;
using static Lapor.Domain.Tests.Reports.ReportSamples;

namespace Lapor.Domain.Tests.Reports;

public sealed class AttachmentRulesTests
{
    private const long Megabyte = 1024 * 1024;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8];
    private static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();
    private static readonly byte[] Docx = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. "[Content_Types].xml"u8];
    private static readonly byte[] Mp4 = [0x00, 0x00, 0x00, 0x20, .. "ftypisom"u8, 0x00, 0x00, 0x02, 0x00, .. "isomiso2avc1mp41"u8];
    private static readonly byte[] WindowsProgram = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
    private static readonly byte[] HtmlPage = "<!DOCTYPE html><html><script>fetch('/x')</script>"u8.ToArray();

    private static AttachmentCheck Check(string name, string? type, byte[] header, long size = 200_000) =>
        AttachmentRules.Default.Check(name, type, header, size);

    public static TheoryData<string, string?, byte[], string> AllowedFiles => new()
    {
        { "foto-lubang.jpg", "image/jpeg", Jpeg, "image/jpeg" },
        { "FOTO.JPEG", "image/pjpeg", Jpeg, "image/jpeg" },
        { "tangkapan layar.png", "image/png", Png, "image/png" },
        { "surat.pdf", "application/pdf", Pdf, "application/pdf" },
        { "kronologi.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "video.mp4", "video/mp4", Mp4, "video/mp4" },
        { "dari-android.pdf", "application/octet-stream", Pdf, "application/pdf" },
        { "tanpa-tipe.png", null, Png, "image/png" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void PhotosDocumentsAndVideos_AreAllowed_WithTheTypeTheContentHas(string name, string? declared, byte[] header, string stored)
    {
        var check = Check(name, declared, header);

        Assert.True(check.IsAllowed, check.Error?.ToString());
        Assert.Equal(stored, check.ContentType);
    }

    [Theory]
    [InlineData("program.exe")]
    [InlineData("skrip.js")]
    [InlineData("foto.jpg.exe")]
    [InlineData("arsip.zip")]
    [InlineData("halaman.html")]
    [InlineData("gambar.svg")]
    [InlineData("tanpa-ekstensi")]
    public void OtherTypes_AreRefusedByName(string name)
    {
        var check = Check(name, null, Pdf);

        Assert.False(check.IsAllowed);
        Assert.Equal(
            ("Attachments", $"Lampiran \"{name}\": jenis berkas tidak diizinkan. Gunakan JPG, PNG, PDF, DOCX atau MP4."),
            check.Error?.Written());
    }

    [Fact]
    public void AFileOfExactlyTenMegabytes_FitsAndOneByteMoreDoesNot()
    {
        Assert.True(Check("foto.jpg", "image/jpeg", Jpeg, 10 * Megabyte).IsAllowed);

        var check = Check("foto.jpg", "image/jpeg", Jpeg, 10 * Megabyte + 1);

        Assert.Equal(("Attachments", "Lampiran \"foto.jpg\": ukuran berkas paling besar 10 MB."), check.Error?.Written());
    }

    [Fact]
    public void TheSizeLimit_IsConfigurable()
    {
        var rules = new AttachmentRules { MaxBytes = 2 * Megabyte };

        var check = rules.Check("video.mp4", "video/mp4", Mp4, 3 * Megabyte);

        Assert.Equal("Attachment \"video.mp4\": the file may be at most 2 MB.", check.Error?.Written("en").Text);
    }

    [Fact]
    public void AnEmptyFile_IsRefused()
    {
        Assert.Equal("Lampiran \"foto.jpg\": berkas kosong.", Check("foto.jpg", "image/jpeg", [], 0).Error?.Written().Text);
    }

    [Fact]
    public void AProgramRenamedToPdf_IsRefused()
    {
        var check = Check("laporan.pdf", "application/pdf", WindowsProgram);

        Assert.Equal(
            ("Attachments", "Lampiran \"laporan.pdf\": isi berkas bukan PDF seperti namanya. Unggah berkas PDF yang asli."),
            check.Error?.Written());
    }

    [Fact]
    public void AWebPageRenamedToJpg_IsRefused()
    {
        var check = Check("foto.jpg", "image/jpeg", HtmlPage);

        Assert.False(check.IsAllowed);
        Assert.Contains("bukan JPG", check.Error!.Written().Text);
    }

    [Fact]
    public void ARealPhotoDeclaredAsHtml_IsRefused()
    {
        Assert.False(Check("foto.jpg", "text/html", Jpeg).IsAllowed);
    }

    [Fact]
    public void ASvgRenamedToPng_IsRefused()
    {
        Assert.False(Check("gambar.png", "image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"u8.ToArray()).IsAllowed);
    }

    [Theory]
    [InlineData("heic")]
    [InlineData("qt  ")]
    public void OtherFilesInTheMp4Container_AreRefused(string brand)
    {
        byte[] header = [0x00, 0x00, 0x00, 0x18, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0x00, 0x00, 0x00, 0x00, .. "mif1"u8, .. Encoding.ASCII.GetBytes(brand)];

        Assert.False(Check("video.mp4", "video/mp4", header).IsAllowed);
    }

    [Fact]
    public void AFileShorterThanItsSignature_IsRefused()
    {
        Assert.False(Check("foto.png", "image/png", [0x89, 0x50], 2).IsAllowed);
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("..\\..\\Windows\\System32\\foto.jpg", "foto.jpg")]
    [InlineData("C:\\Users\\made\\Desktop\\bukti.jpg", "bukti.jpg")]
    [InlineData("/var/www/../bukti.jpg", "bukti.jpg")]
    [InlineData("....//....//bukti.jpg", "bukti.jpg")]
    [InlineData("..bukti.jpg", "bukti.jpg")]
    [InlineData("bukti\0.jpg", "bukti.jpg")]
    [InlineData("bukti<script>.jpg", "buktiscript.jpg")]
    [InlineData("  foto   pasar  .jpg", "foto pasar .jpg")]
    public void FileNames_LoseTheirPathsAndDangerousCharacters(string name, string safe)
    {
        var check = Check(name, "image/jpeg", Jpeg);

        Assert.True(check.IsAllowed, check.Error?.ToString());
        Assert.Equal(safe, check.SafeFileName);
    }

    [Fact]
    public void AFileNameReversedToLookLikeAPhoto_IsSeenForWhatItIs()
    {
        // U+202E shows "foto\u202Egpj.exe" as "fotoexe.jpg".
        var check = Check("foto\u202Egpj.exe", null, WindowsProgram);

        Assert.False(check.IsAllowed);
        Assert.Equal("fotogpj.exe", check.SafeFileName);
    }

    [Fact]
    public void AVeryLongFileName_IsShortenedButKeepsItsExtension()
    {
        var check = Check(new string('a', 300) + ".pdf", "application/pdf", Pdf);

        Assert.True(check.IsAllowed);
        Assert.Equal(100, check.SafeFileName.Length);
        Assert.EndsWith(".pdf", check.SafeFileName);
    }

    [Fact]
    public void FiveFilesAreAllowed_ASixthIsNot()
    {
        Assert.Null(AttachmentRules.Default.CheckCount(4));
        Assert.Equal(
            ("Attachments", "Lampiran paling banyak 5 berkas."),
            AttachmentRules.Default.CheckCount(5)?.Written());
    }

    [Fact]
    public void AReport_TakesAtMostFiveAttachments()
    {
        var report = Submitted();
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(report.AddAttachment(Stored($"foto{i}.jpg"), AttachmentRules.Default));
        }

        var errors = report.AddAttachment(Stored("foto6.jpg"), AttachmentRules.Default);

        Assert.Equal("Lampiran paling banyak 5 berkas.", Assert.Single(errors).Written().Text);
        Assert.Equal(5, report.Attachments.Count);
    }

    [Fact]
    public void AnAttachment_IsStoredUnderARandomNameThatOwesNothingToTheUpload()
    {
        var first = Stored("../../bukti.jpg");
        var second = Stored("../../bukti.jpg");

        Assert.Equal("bukti.jpg", first.FileName);
        Assert.Matches("^[0-9a-f]{32}\\.jpg$", first.StoredName);
        Assert.NotEqual(first.StoredName, second.StoredName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Jpeg)), first.Sha256);
        Assert.Equal("image/jpeg", first.ContentType);
    }

    [Fact]
    public void ARefusedFile_CannotBecomeAnAttachment()
    {
        var refused = Check("laporan.pdf", "application/pdf", WindowsProgram);

        Assert.Throws<ArgumentException>(() => Attachment.Create(refused, 10, SHA256.HashData(WindowsProgram)));
    }

    private static Attachment Stored(string name) =>
        Attachment.Create(Check(name, "image/jpeg", Jpeg), Jpeg.Length, SHA256.HashData(Jpeg));
}
