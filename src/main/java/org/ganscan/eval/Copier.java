package org.ganscan.eval;

import java.util.Optional;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;

/** Makes the in-memory copy of a labelled file that is measured; empty when the file is not a decodable image. */
@FunctionalInterface
public interface Copier {
  Optional<EncodedFile> copy(EncodedFile file, PortraitDecoder decoder, Encoder encoder);
}
