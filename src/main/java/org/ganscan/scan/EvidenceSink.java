package org.ganscan.scan;

/** Receives each image with a face, while its pixels and regions are at hand (e.g. to draw an overlay). Thread-safe. */
@FunctionalInterface
public interface EvidenceSink {
  void accept(ScanResult result, FaceFindings findings);

  EvidenceSink NONE = (r, f) -> {};
}
