using Lapor.Domain.Reports;
using static Lapor.Domain.Tests.Reports.ReportSamples;

namespace Lapor.Domain.Tests.Reports;

public sealed class ReportSubmitTests
{
    private static IReadOnlyList<FieldError> ErrorsOf(ReportDraft draft, DateTimeOffset? now = null)
    {
        var result = Report.Submit(draft, Guest(), TrackingCode.New(), now ?? Now);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        return result.Errors;
    }

    [Fact]
    public void AValidDraft_BecomesAnOpenReportAwaitingVerification()
    {
        var code = TrackingCode.New();

        var result = Report.Submit(Draft(), Guest(), code, Now);

        Assert.True(result.Succeeded);
        var report = result.Value;
        Assert.Equal(code, report.TrackingCode);
        Assert.Equal("Jalan berlubang di Jalan Raya Sempidi", report.Title);
        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.Equal(Report.InitialStage, report.Stage);
        Assert.Equal("jalan", report.CategoryCode);
        Assert.Equal("puprkim", report.TargetAgencyCode);
        Assert.Null(report.ResponsibleAgencyCode);
        Assert.Equal(Now, report.SubmittedAt);
        Assert.NotEqual(Guid.Empty, report.Id);
        var entry = Assert.Single(report.Timeline);
        Assert.Equal(new TimelineEntry(Now, TimelineEntryKind.Submitted, null, null), entry);
        Assert.Equal("Laporan diterima.", entry.PublicText);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void AMissingTitle_IsRequired(string? title)
    {
        var errors = ErrorsOf(Draft() with { Title = title });

        Assert.Equal(("Title", "Judul wajib diisi."), Assert.Single(errors).Written());
    }

    [Fact]
    public void ATitleOf150Characters_FitsAnd151DoNot()
    {
        Assert.True(Report.Submit(Draft() with { Title = new string('a', 150) }, Guest(), TrackingCode.New(), Now).Succeeded);

        var errors = ErrorsOf(Draft() with { Title = new string('a', 151) });

        Assert.Equal(("Title", "Judul paling banyak 150 karakter."), Assert.Single(errors).Written());
    }

    [Fact]
    public void ADescriptionOver5000Characters_IsRefused()
    {
        var errors = ErrorsOf(Draft() with { Description = new string('x', 5001) });

        Assert.Equal(("Description", "Isi laporan paling banyak 5000 karakter."), Assert.Single(errors).Written());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Lihat <SCRIPT src=//x.example/a.js>")]
    [InlineData("<iframe src=https://x.example>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("klik javascript:alert(1)")]
    [InlineData("\" onerror=alert(1) x=\"")]
    [InlineData("teks <b>tebal</b>")]
    [InlineData("<!-- komentar -->")]
    public void ADescriptionWithMarkup_IsRefusedWithAClearMessage(string description)
    {
        var errors = ErrorsOf(Draft() with { Description = description });

        Assert.Equal(
            ("Description", "Isi laporan tidak boleh berisi tag HTML atau kode skrip."),
            Assert.Single(errors).Written());
    }

    [Theory]
    [InlineData("Antrean > 3 jam, dokter datang < jam 10.")]
    [InlineData("Nilai ujian anak saya <5 padahal sudah ikut remedial.")]
    [InlineData("Harga tiket <Rp10.000 tapi ditarik Rp25.000.")]
    [InlineData("Layanan online = lambat sekali.")]
    [InlineData("Kondisi jalan: rusak parah; lampu -> mati.")]
    public void OrdinaryTextWithAngleBrackets_IsAccepted(string description)
    {
        Assert.True(Report.Submit(Draft() with { Description = description }, Guest(), TrackingCode.New(), Now).Succeeded);
    }

    [Theory]
    [InlineData("Jalan\u0007rusak")]
    [InlineData("Jalan\nrusak")]
    [InlineData("Jalan\u202Erusak")]
    public void ATitleWithControlCharacters_IsRefused(string title)
    {
        var errors = ErrorsOf(Draft() with { Title = title });

        Assert.Equal(("Title", "Judul berisi karakter yang tidak diizinkan."), Assert.Single(errors).Written());
    }

    [Fact]
    public void ATitleWithABrokenCharacter_IsRefused()
    {
        // Built here because attribute arguments cannot hold half a surrogate pair.
        var title = "Jalan" + (char)0xD800 + "rusak";

        Assert.Equal("Title", Assert.Single(ErrorsOf(Draft() with { Title = title })).Field);
    }

    [Fact]
    public void ADescription_KeepsItsLineBreaksButLosesCarriageReturns()
    {
        var report = Submitted(Draft() with { Description = "Baris satu\r\nBaris dua\r\n" });

        Assert.Equal("Baris satu\nBaris dua", report.Description);
    }

    [Fact]
    public void AnIncidentDateAfterToday_IsRefused()
    {
        var errors = ErrorsOf(Draft() with { IncidentDate = new DateOnly(2025, 3, 11) });

        Assert.Equal(("IncidentDate", "Tanggal kejadian tidak boleh melewati hari ini."), Assert.Single(errors).Written());
    }

    [Fact]
    public void AnIncidentToday_IsAccepted()
    {
        Assert.True(Report.Submit(Draft() with { IncidentDate = new DateOnly(2025, 3, 10) }, Guest(), TrackingCode.New(), Now).Succeeded);
    }

    [Fact]
    public void TodayInBali_IsAcceptedEvenWhenTheHostPassesUtc()
    {
        // 23:30 UTC on the 9th is 07:30 on the 10th in Bali.
        var utcEvening = new DateTimeOffset(2025, 3, 9, 23, 30, 0, TimeSpan.Zero);

        var result = Report.Submit(Draft() with { IncidentDate = new DateOnly(2025, 3, 10) }, Guest(), TrackingCode.New(), utcEvening);

        Assert.True(result.Succeeded);
        Assert.NotEmpty(ErrorsOf(Draft() with { IncidentDate = new DateOnly(2025, 3, 11) }, now: utcEvening));
    }

    [Fact]
    public void AnIncidentDateWithAMistypedYear_IsRefused()
    {
        var errors = ErrorsOf(Draft() with { IncidentDate = new DateOnly(24, 3, 8) });

        Assert.Equal(("IncidentDate", "Tanggal kejadian tidak valid."), Assert.Single(errors).Written());
    }

    [Fact]
    public void ALatitudeWithoutLongitude_AsksForBothOrNeither()
    {
        var errors = ErrorsOf(Draft() with { Longitude = null });

        Assert.Equal(
            ("Longitude", "Isi lintang dan bujur sekaligus, atau kosongkan keduanya."),
            Assert.Single(errors).Written());
    }

    [Fact]
    public void ALongitudeWithoutLatitude_AsksForBothOrNeither()
    {
        var errors = ErrorsOf(Draft() with { Latitude = null });

        Assert.Equal("Latitude", Assert.Single(errors).Field);
    }

    [Fact]
    public void NoCoordinatesAtAll_IsFine()
    {
        var report = Submitted(Draft() with { Latitude = null, Longitude = null, Location = null });

        Assert.Null(report.Latitude);
        Assert.Null(report.Location);
    }

    [Theory]
    [InlineData(90.5, 115.2, "Latitude", "Lintang harus antara -90 dan 90.")]
    [InlineData(-8.6, 181, "Longitude", "Bujur harus antara -180 dan 180.")]
    [InlineData(double.NaN, 115.2, "Latitude", "Lintang harus antara -90 dan 90.")]
    [InlineData(-8.6, double.PositiveInfinity, "Longitude", "Bujur harus antara -180 dan 180.")]
    public void CoordinatesOffTheGlobe_AreRefused(double latitude, double longitude, string field, string message)
    {
        var errors = ErrorsOf(Draft() with { Latitude = latitude, Longitude = longitude });

        Assert.Equal((field, message), Assert.Single(errors).Written());
    }

    [Fact]
    public void AMissingCategory_MustBeChosen()
    {
        var errors = ErrorsOf(Draft() with { CategoryCode = null });

        Assert.Equal(("CategoryCode", "Kategori wajib dipilih."), Assert.Single(errors).Written());
    }

    [Fact]
    public void AMalformedCategoryCode_IsNotRecognised()
    {
        var errors = ErrorsOf(Draft() with { CategoryCode = "jalan'; drop table" });

        Assert.Equal(("CategoryCode", "Kategori tidak dikenal."), Assert.Single(errors).Written());
    }

    [Fact]
    public void CodesAreStoredInLowercase()
    {
        var report = Submitted(Draft() with { CategoryCode = " JALAN ", TargetAgencyCode = "Kab-Badung" });

        Assert.Equal("jalan", report.CategoryCode);
        Assert.Equal("kab-badung", report.TargetAgencyCode);
    }

    [Fact]
    public void AnUnknownReportType_IsRefused()
    {
        var errors = ErrorsOf(Draft() with { Type = (ReportType)42 });

        Assert.Equal(("Type", "Jenis laporan tidak valid."), Assert.Single(errors).Written());
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var errors = ErrorsOf(new ReportDraft { Latitude = 1 });

        Assert.Equal(["Title", "Description", "Longitude", "CategoryCode"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Errors_CanBeInEnglish()
    {
        Assert.Equal("Title is required.", Assert.Single(ErrorsOf(Draft() with { Title = "" })).Written("en").Text);
        Assert.Equal(
            "Title must be at most 150 characters.",
            Assert.Single(ErrorsOf(Draft() with { Title = new string('a', 151) })).Written("en").Text);
        Assert.Equal(
            "Description must not contain HTML tags or script code.",
            Assert.Single(ErrorsOf(Draft() with { Description = "<script>" })).Written("en").Text);
        Assert.Equal(
            "Date of the incident cannot be in the future.",
            Assert.Single(ErrorsOf(Draft() with { IncidentDate = new DateOnly(2025, 4, 1) })).Written("en").Text);
    }

    [Fact]
    public void Validate_FindsTheSameProblemsBeforeSubmitting()
    {
        var draft = Draft() with { Title = "", IncidentDate = new DateOnly(2025, 3, 11) };

        Assert.Equal(ErrorsOf(draft), draft.Validate(new DateOnly(2025, 3, 10)));
    }

    [Fact]
    public void SubmittingWithoutATrackingCode_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Report.Submit(Draft(), Guest(), default, Now));
    }

    [Fact]
    public void AnonymityAndConfidentiality_AreKeptAsChosen()
    {
        var report = Submitted(Draft() with { IsAnonymous = true, IsConfidential = true });

        Assert.True(report.IsAnonymous);
        Assert.True(report.IsConfidential);
        Assert.False(report.IsPublic);
    }
}
