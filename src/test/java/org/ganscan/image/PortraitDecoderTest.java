package org.ganscan.image;

import org.ganscan.imaging.RgbImage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.ganscan.DevSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortraitDecoderTest {
  private final PortraitDecoder decoder = new PortraitDecoder(org.ganscan.image.ImageLimits.DEFAULT_MAX_PIXELS);

  private Portrait decode(Path p) throws ImageException {
    return decoder.decode(org.ganscan.image.ImageLimits.DEFAULT.read(p));
  }

  @Test
  void everyDevSetImageDecodesToItsManifestSize() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String label : List.of("gan", "real", "diffusion", "noface")) {
      for (Path p : DevSet.images(label)) {
        var row = DevSet.manifest().get(label + "/" + p.getFileName());
        try {
          Portrait portrait = decode(p);
          String size = portrait.width() + "x" + portrait.height();
          if (row != null && !size.equals(row.get("width") + "x" + row.get("height"))) {
            failures.add(p + ": decoded " + size + ", manifest " + row.get("width") + "x" + row.get("height"));
          }
        } catch (ImageException e) {
          failures.add(p + ": " + e.getMessage());
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void formatComesFromContentNotExtension() throws Exception {
    List<Path> mislabelled = new ArrayList<>();
    for (var e : DevSet.manifest().entrySet()) {
      String notes = e.getValue().getOrDefault("notes", "");
      String name = e.getKey().toLowerCase();
      boolean webpAsJpg = name.endsWith(".jpg") && notes.contains("format=WEBP");
      boolean jpegAsPng = name.endsWith(".png") && notes.contains("format=JPEG");
      if (webpAsJpg || jpegAsPng) {
        Portrait p = decode(DevSet.file(e.getKey()));
        assertEquals(webpAsJpg ? ImageFormat.WEBP : ImageFormat.JPEG, p.format(), e.getKey());
        mislabelled.add(p.path());
      }
    }
    assertTrue(mislabelled.size() >= 2, "the dev set holds WebP named .jpg and JPEG named .png: " + mislabelled);
  }

  @Test
  void sha256IsOfTheFileBytes() throws Exception {
    var row = DevSet.manifest().entrySet().stream().filter(e -> e.getKey().startsWith("gan/")).findFirst().orElseThrow();
    assertEquals(row.getValue().get("sha256"), decode(DevSet.file(row.getKey())).sha256());
  }

  @Test
  void badInputsGiveClearErrors(@TempDir Path dir) throws Exception {
    Path good = DevSet.images("real").get(0);
    byte[] bytes = Files.readAllBytes(good);
    Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
    Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image at all");
    Path truncated = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
    assertMessage(empty, "empty file");
    assertMessage(text, "not an image");
    assertMessage(truncated, "truncated");
    assertMessage(dir.resolve("missing.png"), "no such file");
    assertMessage(dir, "directory");
  }

  @Test
  void hugeImagesAreRefusedFromTheHeader(@TempDir Path dir) throws Exception {
    // A valid PNG signature and IHDR claiming 20000 x 20000 pixels, and nothing else.
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 2, 0, 0, 0, 0, 0, 0, 0};
    Path huge = Files.write(dir.resolve("huge.png"), png);
    ImageException e = assertThrows(ImageException.class, () -> decode(huge));
    assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("400.0 megapixels"), e.getMessage());
  }

  @Test
  void gifFirstFrameAndGreyscaleDecode(@TempDir Path dir) throws Exception {
    Portrait source = decode(DevSet.images("real").get(0));
    var img = new java.awt.image.BufferedImage(source.width(), source.height(), java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    ByteArrayOutputStream gif = new ByteArrayOutputStream();
    ImageIO.write(img, "gif", gif);
    Portrait p = decode(Files.write(dir.resolve("grey.gif"), gif.toByteArray()));
    assertEquals(ImageFormat.GIF, p.format());
    assertEquals(source.width(), p.width());
  }

  @Test
  void exifOrientationIsApplied(@TempDir Path dir) throws Exception {
    Portrait source = decode(DevSet.file("gan/fakeav__10.png"));
    byte[] wide = new org.ganscan.imaging.Encoder().jpeg(new RgbImage(source.width(), source.height() / 2,
        java.util.Arrays.copyOf(source.image().rgb(), source.width() * (source.height() / 2) * 3)), 90);
    // APP1 "Exif" with a little-endian TIFF header and one IFD entry: Orientation (0x0112) = 6, rotate 90 degrees clockwise.
    byte[] exif = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0,
        1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
    byte[] rotated = new byte[wide.length + exif.length];
    System.arraycopy(wide, 0, rotated, 0, 2);
    System.arraycopy(exif, 0, rotated, 2, exif.length);
    System.arraycopy(wide, 2, rotated, 2 + exif.length, wide.length - 2);
    Portrait p = decode(Files.write(dir.resolve("rotated.jpg"), rotated));
    assertEquals(source.height() / 2, p.width(), "EXIF orientation 6 turns the wide image upright");
    assertEquals(source.width(), p.height());
  }

  @Test
  void sixteenBitPngDecodesToEightBit(@TempDir Path dir) throws Exception {
    Portrait source = decode(DevSet.file("gan/fakeav__10.png"));
    org.opencv.core.Mat m = new org.opencv.core.Mat(source.height(), source.width(), org.opencv.core.CvType.CV_8UC3);
    m.put(0, 0, source.image().rgb());
    org.opencv.imgproc.Imgproc.cvtColor(m, m, org.opencv.imgproc.Imgproc.COLOR_RGB2BGR);
    org.opencv.core.Mat wide = new org.opencv.core.Mat();
    m.convertTo(wide, org.opencv.core.CvType.CV_16UC3, 257);
    Path png = dir.resolve("deep.png");
    org.opencv.imgcodecs.Imgcodecs.imwrite(png.toString(), wide);
    Portrait p = decode(png);
    assertEquals(source.width(), p.width());
    int diff = 0;
    for (int i = 0; i < p.image().rgb().length; i++) {
      diff = Math.max(diff, Math.abs((p.image().rgb()[i] & 0xFF) - (source.image().rgb()[i] & 0xFF)));
    }
    assertTrue(diff <= 1, "16-bit values map back to the 8-bit ones, max difference " + diff);
  }

  @Test
  void inputFileIsNeverModified() throws Exception {
    Path p = DevSet.images("gan").get(0);
    byte[] before = Files.readAllBytes(p);
    long modified = Files.getLastModifiedTime(p).toMillis();
    decode(p);
    assertArrayEquals(before, Files.readAllBytes(p));
    assertEquals(modified, Files.getLastModifiedTime(p).toMillis());
  }

  private void assertMessage(Path p, String expected) {
    ImageException e = assertThrows(ImageException.class, () -> decode(p), p.toString());
    assertTrue(e.getMessage().contains(expected), p + ": " + e.getMessage());
  }
}
