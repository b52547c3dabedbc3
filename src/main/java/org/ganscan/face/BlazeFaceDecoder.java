package org.ganscan.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ganscan.imaging.Letterbox;

/**
 * Turns BlazeFace's per-anchor logits and regressors into face detections in image pixels:
 * anchor decoding, score threshold, then MediaPipe's blending non-maximum suppression (overlapping
 * boxes are averaged, weighted by score). Immutable and thread-safe.
 */
final class BlazeFaceDecoder {
  private static final double NMS_IOU = 0.3;
  private final int inputSize;
  private final double[] anchorX;
  private final double[] anchorY;
  private final double minScore;
  private final String model;

  /**
   * @param grids pairs of (cells per side, anchors per cell), in output order
   */
  BlazeFaceDecoder(String model, int inputSize, double minScore, int[][] grids) {
    this.model = model;
    this.inputSize = inputSize;
    this.minScore = minScore;
    int n = 0;
    for (int[] g : grids) {
      n += g[0] * g[0] * g[1];
    }
    anchorX = new double[n];
    anchorY = new double[n];
    int i = 0;
    for (int[] g : grids) {
      for (int row = 0; row < g[0]; row++) {
        for (int col = 0; col < g[0]; col++) {
          for (int a = 0; a < g[1]; a++, i++) {
            anchorX[i] = (col + 0.5) / g[0];
            anchorY[i] = (row + 0.5) / g[0];
          }
        }
      }
    }
  }

  int anchors() {
    return anchorX.length;
  }

  List<Detection> decode(float[] logits, float[] regressors, Letterbox box) {
    if (logits.length != anchors() || regressors.length != anchors() * 16) {
      throw new IllegalArgumentException(model + ": expected " + anchors() + " anchors, got " + logits.length);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < anchors(); i++) {
      double logit = Math.max(-100, Math.min(100, logits[i]));
      double score = 1 / (1 + Math.exp(-logit));
      if (score >= minScore) {
        candidates.add(candidate(i, score, regressors));
      }
    }
    return blendingNms(candidates).stream().map(c -> c.toDetection(box, model)).toList();
  }

  private Candidate candidate(int i, double score, float[] r) {
    int o = i * 16;
    double[] v = new double[16];
    v[0] = anchorX[i] + r[o] / inputSize;
    v[1] = anchorY[i] + r[o + 1] / inputSize;
    v[2] = r[o + 2] / inputSize;
    v[3] = r[o + 3] / inputSize;
    for (int k = 0; k < 6; k++) {
      v[4 + 2 * k] = anchorX[i] + r[o + 4 + 2 * k] / inputSize;
      v[5 + 2 * k] = anchorY[i] + r[o + 5 + 2 * k] / inputSize;
    }
    return new Candidate(score, v);
  }

  private static List<Candidate> blendingNms(List<Candidate> candidates) {
    List<Candidate> remaining = new ArrayList<>(candidates);
    remaining.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> kept = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Candidate top = remaining.get(0);
      List<Candidate> cluster = new ArrayList<>();
      List<Candidate> rest = new ArrayList<>();
      for (Candidate c : remaining) {
        (top.iou(c) > NMS_IOU ? cluster : rest).add(c);
      }
      kept.add(Candidate.blend(cluster, top.score()));
      remaining = rest;
    }
    return kept;
  }

  /** Normalised centre-size box plus six keypoints, in model input units [0, 1]. */
  private record Candidate(double score, double[] v) {
    double iou(Candidate o) {
      return box(this).iou(box(o));
    }

    private static PixelBox box(Candidate c) {
      return new PixelBox(c.v[0] - c.v[2] / 2, c.v[1] - c.v[3] / 2, Math.max(0, c.v[2]), Math.max(0, c.v[3]));
    }

    static Candidate blend(List<Candidate> cluster, double topScore) {
      double[] sum = new double[16];
      double total = 0;
      for (Candidate c : cluster) {
        for (int k = 0; k < 16; k++) {
          sum[k] += c.v[k] * c.score;
        }
        total += c.score;
      }
      for (int k = 0; k < 16; k++) {
        sum[k] /= total;
      }
      return new Candidate(topScore, sum);
    }

    Detection toDetection(Letterbox lb, String model) {
      double w = lb.imageLength(Math.max(0, v[2]));
      double h = lb.imageLength(Math.max(0, v[3]));
      PixelBox box = new PixelBox(lb.imageX(v[0]) - w / 2, lb.imageY(v[1]) - h / 2, w, h);
      List<PixelPoint> kp = new ArrayList<>(6);
      for (int k = 0; k < 6; k++) {
        kp.add(new PixelPoint(lb.imageX(v[4 + 2 * k]), lb.imageY(v[5 + 2 * k])));
      }
      return new Detection(box, score, Keypoints.of(kp), model);
    }
  }
}
