package org.ganscan.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Format and pixel size read from a file's header alone, so huge images are refused before any
 * pixel is decoded.
 */
public record ImageHeader(ImageFormat format, int width, int height) {
  public ImageHeader {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
  }

  public long pixels() {
    return (long) width * height;
  }

  /** Parses the header of an encoded image. */
  public static ImageHeader read(byte[] b) throws ImageException {
    if (b.length == 0) {
      throw new ImageException("empty file (0 bytes)");
    }
    ImageFormat format =
        ImageFormat.sniff(b)
            .orElseThrow(() -> new ImageException("not an image: unrecognised content (not JPEG, PNG, WebP, BMP, TIFF or GIF)"));
    try {
      int[] size =
          switch (format) {
            case PNG -> new int[] {be32(b, 16), be32(b, 20)};
            case GIF -> new int[] {le16(b, 6), le16(b, 8)};
            case BMP -> new int[] {le32(b, 18), Math.abs(le32(b, 22))};
            case JPEG -> jpegSize(b);
            case WEBP -> webpSize(b);
            case TIFF -> tiffSize(b);
          };
      if (size[0] <= 0 || size[1] <= 0) {
        throw new ImageException("corrupt " + format.label() + " header: size " + size[0] + "x" + size[1]);
      }
      return new ImageHeader(format, size[0], size[1]);
    } catch (IndexOutOfBoundsException e) {
      throw new ImageException("truncated " + format.label() + " file: the header ends early", e);
    }
  }

  private static int[] jpegSize(byte[] b) throws ImageException {
    int i = 2;
    while (i + 9 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        i++;
        continue;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        return new int[] {be16(b, i + 7), be16(b, i + 5)};
      }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        i += 2;
        continue;
      }
      i += 2 + be16(b, i + 2);
    }
    throw new ImageException("truncated or corrupt jpeg: no frame header (SOF) found");
  }

  private static int[] webpSize(byte[] b) throws ImageException {
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8 " -> new int[] {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
      case "VP8L" -> {
        int bits = le32(b, 21);
        yield new int[] {(bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1};
      }
      case "VP8X" -> new int[] {le24(b, 24) + 1, le24(b, 27) + 1};
      default -> throw new ImageException("corrupt webp: unknown chunk '" + chunk.strip() + "'");
    };
  }

  private static int[] tiffSize(byte[] b) throws ImageException {
    ByteOrder order = b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    ByteBuffer buf = ByteBuffer.wrap(b).order(order);
    int ifd = buf.getInt(4);
    int entries = Short.toUnsignedInt(buf.getShort(ifd));
    int width = -1;
    int height = -1;
    for (int e = 0; e < entries; e++) {
      int at = ifd + 2 + 12 * e;
      int tag = Short.toUnsignedInt(buf.getShort(at));
      int type = Short.toUnsignedInt(buf.getShort(at + 2));
      int value = type == 3 ? Short.toUnsignedInt(buf.getShort(at + 8)) : buf.getInt(at + 8);
      if (tag == 256) {
        width = value;
      } else if (tag == 257) {
        height = value;
      }
    }
    if (width <= 0 || height <= 0) {
      throw new ImageException("corrupt tiff: no image width/length tags");
    }
    return new int[] {width, height};
  }

  private static int be16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int be32(byte[] b, int i) {
    return (be16(b, i) << 16) | be16(b, i + 2);
  }

  private static int le16(byte[] b, int i) {
    return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
  }

  private static int le24(byte[] b, int i) {
    return le16(b, i) | ((b[i + 2] & 0xFF) << 16);
  }

  private static int le32(byte[] b, int i) {
    return le16(b, i) | (le16(b, i + 2) << 16);
  }
}
