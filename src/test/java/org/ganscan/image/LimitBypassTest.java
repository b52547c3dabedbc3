package org.ganscan.image;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ganscan.cache.ResourceCache;
import org.junit.jupiter.api.Test;

/**
 * The pixel limit holds against what the decoder will allocate, and a damaged JPEG is not decoded
 * into a half-grey picture: the files of ../shared/research/hostile-inputs.md (defects 3 and 4),
 * built here byte by byte.
 */
class LimitBypassTest {
  private final PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();

  private static EncodedFile file(String name, byte[] bytes) {
    return new EncodedFile(Path.of(name), bytes, ResourceCache.sha256(bytes));
  }

  private void assertTooLarge(EncodedFile f) {
    ImageException e = assertThrows(ImageException.class, () -> decoder.header(f));
    assertTrue(e.getMessage().startsWith("image too large: 12000x12000"), e.getMessage());
  }

  @Test
  void aGifFrameLargerThanItsLogicalScreenCountsAgainstTheLimit() {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("GIF89a".getBytes()).putShort((short) 16).putShort((short) 16).put((byte) 0).put((byte) 0).put((byte) 0); // 16x16 screen, no colour table
    b.put((byte) 0x21).put((byte) 0xF9).put((byte) 4).put(new byte[4]).put((byte) 0); // a graphic control extension
    b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 12000).putShort((short) 12000).put((byte) 0); // a 12000x12000 frame
    b.put((byte) 2).put((byte) 2).put(new byte[] {0x4C, 0x01}).put((byte) 0).put((byte) 0x3B);
    assertTooLarge(file("small_screen.gif", java.util.Arrays.copyOf(b.array(), b.position())));
  }

  @Test
  void aTiffThatGivesItsSizeTwiceCountsTheLarger() {
    ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    int[][] tags = {{256, 12000}, {256, 16}, {257, 12000}, {257, 16}};
    b.putShort((short) tags.length);
    for (int[] t : tags) {
      b.putShort((short) t[0]).putShort((short) 4).putInt(1).putInt(t[1]); // LONG
    }
    b.putInt(0);
    assertTooLarge(file("dup_tags.tif", java.util.Arrays.copyOf(b.array(), b.position())));
  }

  /** A real JPEG's segments after its SOI, with its frame header set to 12000x12000. */
  private static byte[] bodyClaiming12000(byte[] jpeg) {
    byte[] body = java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length);
    for (int i = 0; i + 8 < body.length; i++) {
      if ((body[i] & 0xFF) == 0xFF && (body[i + 1] & 0xFF) == 0xC0) {
        body[i + 5] = (byte) (12000 >> 8);
        body[i + 6] = (byte) 12000;
        body[i + 7] = (byte) (12000 >> 8);
        body[i + 8] = (byte) 12000;
        return body;
      }
    }
    throw new AssertionError("no baseline SOF");
  }

  @Test
  void aJpegWithAFakeFrameHeaderInAComment() throws Exception {
    byte[] real = Files.readAllBytes(org.ganscan.Samples.real().get(5));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
    // "FF 00 len": not a marker, but a parser that reads it as a segment jumps by its "length" ...
    out.write(new byte[] {(byte) 0xFF, 0x00, 0x00, 0x06});
    // ... into this comment, which holds a fake 16x16 frame header.
    byte[] fakeSof = {(byte) 0xFF, (byte) 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01};
    out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) (2 + fakeSof.length)});
    out.write(fakeSof);
    out.write(bodyClaiming12000(real));
    assertTooLarge(file("hidden_sof.jpg", out.toByteArray()));
  }

  @Test
  void aTruncatedJpegWhoseExifThumbnailEndsNearTheCutIsAnError() throws Exception {
    byte[] main = Files.readAllBytes(org.ganscan.Samples.real().get(5));
    byte[] thumb = Files.readAllBytes(org.ganscan.Samples.real().get(2));
    thumb = java.util.Arrays.copyOf(thumb, Math.min(thumb.length, 60000));
    thumb[thumb.length - 2] = (byte) 0xFF;
    thumb[thumb.length - 1] = (byte) 0xD9; // the thumbnail ends in end-of-image
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
    int length = 2 + 6 + thumb.length;
    out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.write("Exif\0\0".getBytes());
    out.write(thumb);
    out.write(java.util.Arrays.copyOfRange(main, 2, 2 + 1500)); // the photo itself, cut short
    EncodedFile f = file("thumb_truncated.jpg", out.toByteArray());
    ImageException e = assertThrows(ImageException.class, () -> decoder.decode(f));
    assertTrue(e.getMessage().startsWith("truncated jpeg"), e.getMessage());
    // The whole photo with the same thumbnail decodes.
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.write(out.toByteArray(), 0, 2 + 2 + length);
    whole.write(main, 2, main.length - 2);
    decoder.decode(file("thumb_whole.jpg", whole.toByteArray()));
  }

  @Test
  void aJpegCutInHalfWithAnEndOfImageMarkerAppendedIsDamagedNotDecoded() throws Exception {
    byte[] whole = org.ganscan.TestImages.jpeg();
    decoder.decode(file("whole.jpg", whole));
    byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2 + 2);
    half[half.length - 2] = (byte) 0xFF;
    half[half.length - 1] = (byte) 0xD9;
    ImageException e = assertThrows(ImageException.class, () -> decoder.decode(file("half_plus_eoi.jpg", half)));
    assertTrue(e.getMessage().startsWith("damaged jpeg: the decoder reports \"Corrupt JPEG data"), e.getMessage());
  }

  @Test
  void aJpegWithGarbledEntropyCodedDataIsDamaged() throws Exception {
    byte[] bytes = org.ganscan.TestImages.jpeg();
    int sos = 2;
    while (!((bytes[sos] & 0xFF) == 0xFF && (bytes[sos + 1] & 0xFF) == 0xDA)) {
      sos++;
    }
    java.util.Random random = new java.util.Random(5);
    for (int i = sos + 400; i < bytes.length - 2000; i += 97) {
      bytes[i] = (byte) (random.nextInt(254)); // never FF: the marker structure stays intact
    }
    ImageException e = assertThrows(ImageException.class, () -> decoder.decode(file("garbled.jpg", bytes)));
    assertTrue(e.getMessage().startsWith("damaged jpeg"), e.getMessage());
  }

  @Test
  void aCameraJpegWhoseGarbledDataReadsAsAnUnknownMarkerIsDamaged() throws Exception {
    // Garbage after a stuffed FF byte reads as a marker libjpeg does not know ("Unsupported marker
    // type"): that is damage, not a JPEG feature the JDK's reader lacks.
    byte[] bytes = java.nio.file.Files.readAllBytes(org.ganscan.Samples.real().get(5));
    int sos = 2;
    while (!((bytes[sos] & 0xFF) == 0xFF && (bytes[sos + 1] & 0xFF) == 0xDA)) {
      sos++;
    }
    java.util.Random random = new java.util.Random(5);
    for (int i = sos + 400; i < bytes.length - 2000; i += 97) {
      bytes[i] = (byte) (random.nextInt(254));
    }
    decoder.decode(file("whole.jpg", java.nio.file.Files.readAllBytes(org.ganscan.Samples.real().get(5))));
    ImageException e = assertThrows(ImageException.class, () -> decoder.decode(file("garbled_camera.jpg", bytes)));
    assertTrue(e.getMessage().startsWith("damaged jpeg"), e.getMessage());
  }
}
