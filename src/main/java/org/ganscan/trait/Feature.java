package org.ganscan.trait;

import java.util.Objects;

/**
 * One number a trait offers the score, declared next to the code that measures it: the trait's
 * value or one of its detail entries, which way it points, how the model sees it and when it
 * counts. The score derives its whole feature space from these declarations, so a trait's keys,
 * floors and cut-offs are written once, here.
 *
 * @param trait the trait's {@link Trait#name()}
 * @param detail the detail key, or null for the trait's value
 * @param direction +1 where a larger value is more GAN-like, -1 where a smaller one is
 * @param transform what the model sees of the raw number
 * @param onlyWhenValueAtMost when not null, the feature counts only while the trait's own value is
 *     at most this (e.g. crop-precision measures that only mean something on the template); off
 *     the gate it is missing and does not vote
 * @param alwaysPresent whether a measured trait always carries it (checked by the contract test);
 *     false for a detail the trait leaves out when it cannot be measured on that face
 * @param meaning what a larger or smaller value says, in a few words
 * @param counted the raw values the score counts, or null for any: a reading outside counts as the
 *     nearest end. It bounds what the feature can add to the score, which lets the scan's cascade
 *     skip the stage that measures it when no value in the range could change the verdict
 */
public record Feature(
    String trait, String detail, int direction, Transform transform, Double onlyWhenValueAtMost, boolean alwaysPresent, String meaning,
    Range counted) {
  public Feature {
    Objects.requireNonNull(trait, "trait");
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(meaning, "meaning");
    if (direction != 1 && direction != -1) {
      throw new IllegalArgumentException(trait + ": direction must be +1 or -1: " + direction);
    }
    if (detail != null && (detail.isEmpty() || detail.contains("."))) {
      throw new IllegalArgumentException(trait + ": a detail key is a plain name: '" + detail + "'");
    }
  }

  /** Raw values from {@code low} to {@code high}, both finite. */
  public record Range(double low, double high) {
    public Range {
      if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
        throw new IllegalArgumentException("a range needs finite low < high: " + low + ", " + high);
      }
    }

    double clamp(double v) {
      return Math.max(low, Math.min(high, v));
    }
  }

  /** The trait's value as a feature. */
  public static Feature value(String trait, int direction, Transform transform, String meaning) {
    return new Feature(trait, null, direction, transform, null, true, meaning, null);
  }

  /** One of the trait's detail entries as a feature. */
  public static Feature detail(String trait, String detail, int direction, Transform transform, String meaning) {
    return new Feature(trait, detail, direction, transform, null, true, meaning, null);
  }

  /** The same feature, counted only while the trait's own value is at most {@code cut}. */
  public Feature onlyWhenValueAtMost(double cut) {
    return new Feature(trait, detail, direction, transform, cut, alwaysPresent, meaning, counted);
  }

  /** The same feature, which a measured trait may leave out. */
  public Feature mayBeAbsent() {
    return new Feature(trait, detail, direction, transform, onlyWhenValueAtMost, false, meaning, counted);
  }

  /** The same feature, counting raw values from {@code low} to {@code high} only (see {@link #counted()}). */
  public Feature countedWithin(double low, double high) {
    return new Feature(trait, detail, direction, transform, onlyWhenValueAtMost, alwaysPresent, meaning, new Range(low, high));
  }

  /**
   * The smallest and largest number the model can see from this feature, or null when it is not
   * bounded. A missing feature is seen as the training mean, which the caller adds itself.
   */
  public double[] seenBounds() {
    return counted == null ? null : new double[] {transform.apply(counted.low()), transform.apply(counted.high())};
  }

  /** The model's name for it: {@code trait} or {@code trait.detail}. */
  public String key() {
    return detail == null ? trait : trait + "." + detail;
  }

  /**
   * The model's input from this trait's measurement: the transformed number, or NaN where the trait
   * was not measured, the gate is shut or the detail is absent.
   *
   * @throws IllegalStateException when a measured trait lacks a detail it declares always present
   */
  public double extract(TraitScore score) {
    if (!score.name().equals(trait)) {
      throw new IllegalArgumentException("feature " + key() + " read from trait " + score.name());
    }
    if (score.value() == null || (onlyWhenValueAtMost != null && !(score.value() <= onlyWhenValueAtMost))) {
      return Double.NaN;
    }
    Double v = detail == null ? score.value() : score.detail().get(detail);
    if (v == null) {
      if (alwaysPresent) {
        throw new IllegalStateException("trait " + trait + " was measured without its declared feature " + key());
      }
      return Double.NaN;
    }
    return transform.apply(counted == null ? v : counted.clamp(v));
  }

  /**
   * What the model sees of a raw number. Eye distances, straight-edge lengths and clipped shares
   * span orders of magnitude, so those features are seen as log10(v + offset).
   *
   * @param offset for {@link Kind#LOG10}: the value below which differences stop mattering
   */
  public record Transform(Kind kind, double offset) {
    public static final Transform IDENTITY = new Transform(Kind.IDENTITY, 0);

    public enum Kind { IDENTITY, LOG10 }

    public Transform {
      Objects.requireNonNull(kind, "kind");
      if (kind == Kind.LOG10 && !(offset > 0)) {
        throw new IllegalArgumentException("log10 needs a positive offset: " + offset);
      }
    }

    public static Transform log10(double offset) {
      return new Transform(Kind.LOG10, offset);
    }

    public double apply(double v) {
      return kind == Kind.LOG10 ? Math.log10(v + offset) : v;
    }

    @Override
    public String toString() {
      return kind == Kind.LOG10 ? "log10(v + " + offset + ")" : "v";
    }
  }
}
