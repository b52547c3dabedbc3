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
 * <p>libjpeg's corrupt-data and premature-end warnings count, and so do its fatal errors ("Bogus
 * Huffman table definition", "Invalid JPEG file structure: two SOF markers"), which the main
 * decoder may survive with a grey-padded picture. What the JDK's older libjpeg does not implement
 * (arithmetic coding, lossless and 12-bit processes, a DNL marker) proves
 * nothing either way and is left to the main decoder.
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
      Optional<String> warned = warnings.stream().filter(JpegIntegrity::isDamage).findFirst();
      if (warned.isPresent()) {
        return warned; // libjpeg complained before it gave up
      }
      String message = String.valueOf(e.getMessage());
      return unsupportedHere(message) ? Optional.empty() : Optional.of(message);
    } finally {
      reader.dispose();
    }
    return warnings.stream().filter(JpegIntegrity::isDamage).findFirst();
  }

  /**
   * What the JDK's libjpeg 6b cannot read in a valid file and libjpeg-turbo can: another coding
   * process (arithmetic, lossless, hierarchical), 12-bit samples, a DNL marker. An unknown marker
   * type is not among them: in a damaged file it is entropy-coded garbage that reads as a marker.
   */
  static boolean unsupportedHere(String error) {
    return error.startsWith("Unsupported JPEG process") || error.startsWith("Unsupported JPEG data precision") || error.contains("DNL not supported");
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
