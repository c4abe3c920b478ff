using System.Text;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using SpectralSensitivity.Cli.Reports;

namespace SpectralSensitivity.Tests.Cli.Reports;

public sealed class PngImageTests
{
    [Fact]
    public void Crc_matches_the_published_check_value_and_the_bitwise_definition()
    {
        var check = Encoding.ASCII.GetBytes("123456789");
        (Crc32.Update(uint.MaxValue, check) ^ uint.MaxValue).Should().Be(0xCBF43926u, "the standard check value of CRC-32/ISO-HDLC");
        PngDecoder.BitwiseCrc(check).Should().Be(0xCBF43926u);
        var iend = Encoding.ASCII.GetBytes("IEND");
        (Crc32.Update(uint.MaxValue, iend) ^ uint.MaxValue).Should().Be(0xAE426082u, "every PNG ends with IEND and this CRC");
    }

    [Fact]
    public void A_known_image_decodes_back_pixel_for_pixel()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 0, 0, 0, 255, 255, 255];
        var png = PngImage.EncodeRgb(3, 2, rgb);

        var (width, height, decoded) = PngDecoder.DecodeRgb(png);
        (width, height).Should().Be((3, 2));
        decoded.Should().Equal(rgb);
        png.AsSpan(png.Length - 12).ToArray().Should().Equal(0, 0, 0, 0, 73, 69, 78, 68, 0xAE, 0x42, 0x60, 0x82);
        PngImage.DataUri(png).Should().StartWith("data:image/png;base64,iVBORw0KGgo");
    }

    [Fact]
    public void Random_images_round_trip_and_a_flipped_bit_is_caught()
    {
        Prop.ForAll(Gen.Choose(1, 40).Two().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (size, seed) =>
        {
            var (width, height) = size;
            var rgb = new byte[3 * width * height];
            new Random(seed).NextBytes(rgb);
            var png = PngImage.EncodeRgb(width, height, rgb);
            var decoded = PngDecoder.DecodeRgb(png);
            var damaged = (byte[])png.Clone();
            damaged[20] ^= 1; // inside IHDR's data: its CRC must no longer match
            Action damage = () => PngDecoder.DecodeRgb(damaged);
            return decoded.Width == width && decoded.Height == height && decoded.Rgb.AsSpan().SequenceEqual(rgb)
                   && Throws(damage);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Wrong_sizes_are_refused()
    {
        var act = () => PngImage.EncodeRgb(2, 2, new byte[11]);
        act.Should().Throw<ArgumentException>().WithMessage("*needs 12 bytes*");
        ((Action)(() => PngImage.EncodeRgb(0, 1, []))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_flat_large_image_compresses_far_below_its_raw_size()
    {
        var png = PngImage.EncodeRgb(200, 200, Enumerable.Repeat((byte)200, 3 * 200 * 200).ToArray());
        png.Length.Should().BeLessThan(1000, "deflate collapses repeated rows (raw: 120,000 bytes)");
        PngDecoder.DecodeRgb(png).Rgb.Should().OnlyContain(b => b == 200);
    }

    private static bool Throws(Action act)
    {
        try
        {
            act();
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
