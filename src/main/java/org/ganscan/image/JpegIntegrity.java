package org.ganscan.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Asks libjpeg itself whether a JPEG's entropy-coded data is whole. OpenCV's decoder drops
 * libjpeg's corrupt-data warnings and returns a picture padded with grey; the JDK's JPEG reader
 * (libjpeg as well) hands the same warnings to a listener. A JPEG cut short with {@code FF D9}
 * appended, or with a broken Huffman code, is damaged evidence, not an authentic photo.
 *
 * <p>Only libjpeg's corrupt-data and premature-end warnings count. A file the JDK's reader cannot
 * read at all (an arithmetic-coded JPEG, say) proves nothing either way and is left to the main
 * decoder.
 */
final class JpegIntegrity {
  private JpegIntegrity() {}

  /** libjpeg's damage report for these bytes, if it made one. */
  static Optional<String> damage(byte[] jpeg) {
    List<String> warnings = new ArrayList<>(1);
    ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      reader.readRaster(0, null);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable here; the main decoder decides
    } finally {
      reader.dispose();
    }
    return warnings.stream().filter(JpegIntegrity::isDamage).findFirst();
  }

  static boolean isDamage(String warning) {
    return warning.startsWith("Corrupt JPEG data") || warning.startsWith("Premature end of JPEG file");
  }

  static void check(byte[] jpeg) throws ImageException {
    Optional<String> damage = damage(jpeg);
    if (damage.isPresent()) {
      throw new ImageException("damaged jpeg: the decoder reports \"" + damage.get() + "\"");
    }
  }
}
