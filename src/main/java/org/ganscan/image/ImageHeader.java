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
            case GIF -> gifSize(b);
            // An OS/2 (BITMAPCOREHEADER, 12 bytes) header has 16-bit sizes; the Windows ones 32-bit.
            case BMP -> le32(b, 14) == 12 ? new int[] {le16(b, 18), le16(b, 20)} : new int[] {le32(b, 18), Math.abs(le32(b, 22))};
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
    JpegStructure s = JpegStructure.walk(b);
    if (s.width() < 0) {
      throw new ImageException("truncated or corrupt jpeg: no frame header (SOF) found");
    }
    return new int[] {s.width(), s.height()};
  }

  /**
   * The largest size the GIF decoder may allocate: the logical screen and every frame of the file
   * (a frame larger than its screen is legal and is what the decoder allocates).
   */
  private static int[] gifSize(byte[] b) {
    int w = le16(b, 6);
    int h = le16(b, 8);
    int packed = b[10] & 0xFF;
    int i = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
    while (i < b.length) {
      int block = b[i] & 0xFF;
      if (block == 0x3B) {
        break; // trailer
      }
      if (block == 0x21) {
        i = skipSubBlocks(b, i + 2);
      } else if (block == 0x2C) {
        w = Math.max(w, le16(b, i + 5));
        h = Math.max(h, le16(b, i + 7));
        int local = b[i + 9] & 0xFF;
        i += 10 + ((local & 0x80) != 0 ? 3 * (1 << ((local & 7) + 1)) : 0);
        i = skipSubBlocks(b, i + 1); // after the LZW minimum code size
      } else {
        break; // not a block: the decoder stops here too
      }
    }
    return new int[] {w, h};
  }

  private static int skipSubBlocks(byte[] b, int i) {
    while (i < b.length) {
      int size = b[i] & 0xFF;
      i += 1 + size;
      if (size == 0) {
        break;
      }
    }
    return i;
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
      // A tag given twice: libtiff and this reader could take different ones, so the limit takes the larger.
      if (tag == 256) {
        width = Math.max(width, value);
      } else if (tag == 257) {
        height = Math.max(height, value);
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
