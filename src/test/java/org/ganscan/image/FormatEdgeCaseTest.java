package org.ganscan.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ganscan.cache.ResourceCache;
import org.ganscan.imaging.RgbImage;
import org.junit.jupiter.api.Test;

/** Valid files the decoder once refused (../shared/research/hostile-inputs.md, defects 11 and 12), built byte by byte. */
class FormatEdgeCaseTest {
  private final PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();

  private static EncodedFile file(String name, byte[] bytes) {
    return new EncodedFile(Path.of(name), bytes, ResourceCache.sha256(bytes));
  }

  private static byte[] le(int bytes, long v) {
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      out[i] = (byte) (v >> (8 * i));
    }
    return out;
  }

  @Test
  void anAnimatedWebpGivesItsFirstFrame() throws Exception {
    byte[] still = new org.ganscan.imaging.Encoder().webp(decoder.decode(ImageLimits.DEFAULT.read(org.ganscan.Samples.gan().get(0))).image(), 90);
    RgbImage expected = decoder.decode(file("still.webp", still)).image();
    byte[] frameData = java.util.Arrays.copyOfRange(still, 12, still.length); // the still's chunks after "WEBP"
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WEBP".getBytes());
    body.writeBytes("VP8X".getBytes());
    body.writeBytes(le(4, 10));
    body.writeBytes(new byte[] {0x02, 0, 0, 0}); // the animation flag
    body.writeBytes(le(3, expected.width() - 1));
    body.writeBytes(le(3, expected.height() - 1));
    body.writeBytes("ANIM".getBytes());
    body.writeBytes(le(4, 6));
    body.writeBytes(new byte[6]);
    for (int frame = 0; frame < 2; frame++) {
      body.writeBytes("ANMF".getBytes());
      body.writeBytes(le(4, 16 + frameData.length));
      body.writeBytes(le(3, 0));
      body.writeBytes(le(3, 0));
      body.writeBytes(le(3, expected.width() - 1));
      body.writeBytes(le(3, expected.height() - 1));
      body.writeBytes(le(3, 100));
      body.writeBytes(new byte[] {0});
      body.writeBytes(frameData);
      if (frameData.length % 2 == 1) {
        body.writeBytes(new byte[] {0});
      }
    }
    ByteArrayOutputStream animated = new ByteArrayOutputStream();
    animated.writeBytes("RIFF".getBytes());
    animated.writeBytes(le(4, body.size()));
    animated.writeBytes(body.toByteArray());
    Portrait p = decoder.decode(file("animated.webp", animated.toByteArray()));
    assertEquals(expected.width(), p.width());
    assertEquals(expected.height(), p.height());
    assertArrayEquals(expected.rgb(), p.image().rgb(), "the first frame, pixel for pixel");
  }

  @Test
  void anOs2BitmapWithTheTwelveByteCoreHeaderDecodes() throws Exception {
    int w = 4;
    int h = 2;
    ByteBuffer b = ByteBuffer.allocate(26 + w * 3 * h).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(26); // file header
    b.putInt(12).putShort((short) w).putShort((short) h).putShort((short) 1).putShort((short) 24); // BITMAPCOREHEADER
    for (int y = 0; y < h; y++) { // bottom row first, BGR
      for (int x = 0; x < w; x++) {
        b.put((byte) 10).put((byte) 20).put((byte) (y == 0 ? 200 : 100));
      }
    }
    Portrait p = decoder.decode(file("os2.bmp", b.array()));
    assertEquals(w, p.width());
    assertEquals(h, p.height());
    assertEquals(100, p.image().channel(0, 0), "top row red");
    assertEquals(200, p.image().channel(w, 0), "bottom row red");
    assertEquals(10, p.image().channel(0, 2), "blue");
  }
}
