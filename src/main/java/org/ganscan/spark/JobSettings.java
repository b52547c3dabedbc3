package org.ganscan.spark;

import java.io.Serializable;
import java.time.Duration;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.ScanSettings;
import org.ganscan.scan.StandardScan;

/**
 * What every executor needs to build the same scan as {@code ganscan scan}: limits, the cascade
 * switch, the per-file time limit and the score model's bytes (read once on the driver, so
 * executors need no access to the file).
 *
 * @param modelJson the score model's bytes; null for the bundled model
 * @param probeJson the region texture probe 'ganscan train' wrote beside that model; null for the bundled probe
 */
record JobSettings(long maxPixels, boolean full, long fileTimeoutMillis, byte[] modelJson, String modelName, byte[] probeJson) implements Serializable {
  JobSettings {
    if (maxPixels < 1 || fileTimeoutMillis < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    modelJson = modelJson == null ? null : modelJson.clone();
    probeJson = probeJson == null ? null : probeJson.clone();
  }

  JobSettings(long maxPixels, boolean full, long fileTimeoutMillis, byte[] modelJson, String modelName) {
    this(maxPixels, full, fileTimeoutMillis, modelJson, modelName, null);
  }

  ScanSettings scanSettings() {
    ImageLimits limits = ImageLimits.DEFAULT.withMaxPixels(maxPixels);
    ScanSettings s = modelJson == null ? StandardScan.settings(limits) : StandardScan.settings(limits, modelJson, modelName, probeJson);
    return s.withPerFile(Duration.ofMillis(fileTimeoutMillis)).withCascade(!full);
  }

  /** Executors share one model set per distinct settings. */
  String key() {
    return maxPixels + "/" + full + "/" + fileTimeoutMillis + "/" + (modelJson == null ? "bundled" : org.ganscan.cache.ResourceCache.sha256(modelJson))
        + "/" + (probeJson == null ? "bundled" : org.ganscan.cache.ResourceCache.sha256(probeJson));
  }
}
