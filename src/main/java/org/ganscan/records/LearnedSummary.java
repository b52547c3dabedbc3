package org.ganscan.records;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.ganscan.cache.ResourceCache;
import org.ganscan.learned.Embedding;

/**
 * A learned model's evidence as the record carries it: the probability and the embedding's size
 * and sha256 (of its little-endian float32 bytes), not its numbers.
 */
public record LearnedSummary(String model, String modelSha256, Double probability, int dimensions, String embeddingSha256) {
  public LearnedSummary {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelSha256, "modelSha256");
    Objects.requireNonNull(embeddingSha256, "embeddingSha256");
  }

  static LearnedSummary of(Embedding e) {
    float[] v = e.vector();
    ByteBuffer bytes = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      bytes.putFloat(x);
    }
    return new LearnedSummary(e.model(), e.modelSha256(), e.probability(), v.length, ResourceCache.sha256(bytes.array()));
  }
}
