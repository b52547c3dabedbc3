package org.ganscan.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.ganscan.score.FeatureSpace;
import org.ganscan.score.Fitter;
import org.ganscan.score.LogisticModel;
import org.ganscan.score.Metrics;
import org.ganscan.score.Sample;
import org.ganscan.score.TreeLearners;
import org.ganscan.trait.RegionTextureTrait;
import org.ganscan.trait.TextureProbe;
import org.ganscan.trait.Trait;
import org.ganscan.scan.StandardScan;

/**
 * Fits the score on a labelled training set and validates it on another (the dev set), never
 * fitted on: measurement of training copies ({@link TrainingCopy}) with a checkpoint that resumes,
 * the direction-constrained logistic fit, verdict thresholds at stated false-positive rates on
 * the validation set's real faces, and the figures a model card records.
 */
public final class Training {
  static final double SYNTHETIC_FPR = 0.01;
  static final double AUTHENTIC_FPR = 0.10;
  /** Items measured between checkpoints. */
  static final int CHUNK = 500;

  /** The validation variants: the social-network treatments of the dev set. */
  public static final List<Degradation> VALIDATION = List.of(Degradation.AVATAR, Degradation.SOCIAL, Degradation.THUMB, Degradation.SMALL);

  private Training() {}

  /**
   * Measures the items' training copies, resuming from {@code table} and appending to it every
   * {@link #CHUNK} items, so a killed run loses at most one chunk.
   *
   * @param progress told how many items are measured so far
   */
  public static List<Measured> measure(Measurer measurer, List<LabelledItem> items, Copier copier, Path table, IntConsumer progress)
      throws IOException {
    return measure(measurer, items, copier, table, columns(measurer), Training::row, progress);
  }

  /** A measured item's row: the base features, then its region texture descriptors. */
  public static Measured row(Measured m) {
    if (!m.hasFace()) {
      return m;
    }
    double[] base = m.features();
    double[] desc = m.traits().stream().filter(t -> t.name().equals(RegionTextureTrait.NAME)).findFirst()
        .map(RegionTextureTrait::descriptorsFrom).orElseThrow(() -> new IllegalStateException("the measuring run has no region texture trait"));
    double[] out = Arrays.copyOf(base, base.length + desc.length);
    System.arraycopy(desc, 0, out, base.length, desc.length);
    return new Measured(m.item(), out, m.traits());
  }

  /** The row's columns: the measuring traits' features, then the texture descriptors. */
  public static List<String> columns(Measurer measurer) {
    List<String> out = new ArrayList<>(measurer.space().names());
    out.addAll(RegionTextureTrait.descriptorNames());
    return out;
  }

  /**
   * Measures the items' copies as rows of {@code names}, resuming from {@code table}.
   *
   * @param rowOf turns a fresh measurement into its row
   */
  static List<Measured> measure(Measurer measurer, List<LabelledItem> items, Copier copier, Path table, List<String> names,
      java.util.function.UnaryOperator<Measured> rowOf, IntConsumer progress) throws IOException {
    Map<String, LabelledItem> byPath = new LinkedHashMap<>();
    items.forEach(i -> byPath.put(i.relative(), i));
    Map<String, Measured> done = new LinkedHashMap<>();
    FeatureTable.read(table, names, byPath).forEach(m -> done.put(m.item().relative(), m));
    List<LabelledItem> todo = items.stream().filter(i -> !done.containsKey(i.relative())).toList();
    progress.accept(done.size());
    for (int start = 0; start < todo.size(); start += CHUNK) {
      List<LabelledItem> chunk = todo.subList(start, Math.min(todo.size(), start + CHUNK));
      List<Measured> measured = measurer.measure(chunk, copier).stream().map(rowOf).toList();
      FeatureTable.append(table, names, measured);
      measured.forEach(m -> done.put(m.item().relative(), m));
      progress.accept(done.size());
    }
    List<Measured> out = new ArrayList<>();
    for (LabelledItem i : items) {
      Measured m = done.get(i.relative());
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The fitted parts: the trait score alone (fitted on every training row); the region texture
   * probe (fitted on every row whose texture copy was measured); and the fused score, fitted on
   * every row with the probe's logit as one more feature, each row's logit from a probe fitted on
   * the other half of the rows ({@code halves}: cross-fitting, so the fusion never sees a logit of
   * a probe's own training data). Without enough faces for a probe ({@link #MIN_PROBE_FACES}) the
   * probe parts and the fused score are null and {@code halves} is empty. {@code maskFree} is the
   * trait score fitted on the same rows without the features of the traits that read the person
   * mask, which a scan can settle without ever running the mask; its rows are the trait score's
   * columns its features name.
   */
  public record Fit(LogisticModel base, LogisticModel maskFree, LogisticModel probeModel, TextureProbe probe,
      List<TextureProbe> halves, FeatureSpace fusedSpace, LogisticModel fused, int baseColumns) {
    public Fit {
      if (!base.features().containsAll(maskFree.features())) {
        throw new IllegalArgumentException("the mask-free score's features are not among the trait score's");
      }
      halves = List.copyOf(halves);
      if ((probe == null) != halves.isEmpty() || !halves.isEmpty() && halves.size() != 2) {
        throw new IllegalArgumentException("cross-fitting needs the probes of both halves");
      }
    }

    /** Whether a texture probe (and so a fused score) was fitted. */
    public boolean hasProbe() {
      return probe != null;
    }

    /** Rows scored by the trait score alone. */
    public Map<String, Double> baseScores(List<Measured> rows) {
      return scores(base, baseRows(rows));
    }

    /** Rows as the trait score alone sees them. */
    public List<Measured> baseRows(List<Measured> rows) {
      return rows.stream().map(m -> head(m, baseColumns)).toList();
    }

    /** Rows as the mask-free trait score sees them. */
    public List<Measured> maskFreeRows(List<Measured> rows) {
      List<Integer> columns = maskFree.features().stream().map(base.features()::indexOf).toList();
      return rows.stream().map(m -> columns(m, columns)).toList();
    }

    /** Rows scored by the mask-free trait score. */
    public Map<String, Double> maskFreeScores(List<Measured> rows) {
      return scores(maskFree, maskFreeRows(rows));
    }

    /** Rows scored by the probe alone. */
    public Map<String, Double> textureScores(List<Measured> rows) {
      return scores(probeModel, rows.stream().map(m -> tail(m, baseColumns)).toList());
    }

    /** Rows as the fused score sees them: the trait features and the probe's logit. */
    public List<Measured> fusedRows(List<Measured> rows) {
      return withLogits(rows, m -> probe, baseColumns);
    }

    public Map<String, Double> fusedScores(List<Measured> rows) {
      return scores(fused, fusedRows(rows));
    }

    /** The training rows as the fused score was fitted on them: each logit from the probe of the other half. */
    public List<Measured> fusionRows(List<Measured> rows) {
      return withLogits(rows, m -> halves.get(probeHalf(m) ? 1 : 0), baseColumns);
    }

    /** The same parts with another fused model (its thresholds set). */
    public Fit withFused(LogisticModel model) {
      return new Fit(base, maskFree, probeModel, probe, halves, fusedSpace, model, baseColumns);
    }

    /** The same parts with another trait score (its thresholds set). */
    public Fit withBase(LogisticModel model) {
      return new Fit(model, maskFree, probeModel, probe, halves, fusedSpace, fused, baseColumns);
    }

    /** The same parts with another mask-free trait score (its thresholds set). */
    public Fit withMaskFree(LogisticModel model) {
      return new Fit(base, model, probeModel, probe, halves, fusedSpace, fused, baseColumns);
    }
  }

  /** Rows as a fused score sees them: the trait features, then the logit of the probe {@code probeOf} names for the row. */
  private static List<Measured> withLogits(List<Measured> rows, java.util.function.Function<Measured, TextureProbe> probeOf, int baseColumns) {
    Map<TextureProbe, RegionTextureTrait> traits = new java.util.IdentityHashMap<>();
    return rows.stream().map(m -> {
      if (!m.hasFace()) {
        return m;
      }
      double[] x = Arrays.copyOf(m.features(), baseColumns + 1);
      double[] descriptors = tail(m, baseColumns).features();
      // A face the trait does not measure (eyes too close) has no logit, as in a scan.
      x[baseColumns] = described(descriptors)
          ? traits.computeIfAbsent(probeOf.apply(m), RegionTextureTrait::withProbe).scored(descriptors).value() : Double.NaN;
      return new Measured(m.item(), x, m.traits());
    }).toList();
  }

  /** Whether any region's descriptor was measured. */
  static boolean described(double[] descriptors) {
    return Arrays.stream(descriptors).anyMatch(Double::isFinite);
  }

  /**
   * The training rows as the fit reads them: each item's trait features from its training copy
   * ({@code rows}) and its texture descriptors from its texture copy. A resized item's texture
   * copy is measured apart ({@code textureRows}, {@link TrainingCopy#resized}; missing
   * descriptors where it has no face); every other item's training copy is its texture copy, so
   * its row stays as it is.
   *
   * @param baseColumns how many trait features lead each row
   */
  public static List<Measured> combine(List<Measured> rows, List<Measured> textureRows, int baseColumns) {
    Map<String, Measured> texture = new HashMap<>();
    textureRows.forEach(m -> texture.put(m.item().relative(), m));
    return rows.stream().map(m -> {
      Measured t = texture.get(m.item().relative());
      if (!m.hasFace() || t == null) {
        return m;
      }
      double[] x = Arrays.copyOf(m.features(), m.features().length);
      for (int i = baseColumns; i < x.length; i++) {
        x[i] = t.hasFace() ? t.features()[i] : Double.NaN;
      }
      return new Measured(m.item(), x, m.traits());
    }).toList();
  }

  private static Measured columns(Measured m, List<Integer> columns) {
    if (!m.hasFace()) {
      return m;
    }
    double[] x = new double[columns.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = m.features()[columns.get(k)];
    }
    return new Measured(m.item(), x, m.traits());
  }

  private static Measured head(Measured m, int n) {
    return m.hasFace() ? new Measured(m.item(), Arrays.copyOf(m.features(), n), m.traits()) : m;
  }

  private static Measured tail(Measured m, int n) {
    return m.hasFace() ? new Measured(m.item(), Arrays.copyOfRange(m.features(), n, m.features().length), m.traits()) : m;
  }

  /**
   * What validation decided: the model kept (its thresholds set on the validation set's real
   * avatar copies), the figures per copy and part, the learners compared, and the provenance
   * entries the kept model records.
   *
   * @param figures ROC AUC and TPRs per "copy (part)", part one of traits alone, {@link #WITHOUT_MASK},
   *     region texture alone, fused
   * @param aligned ROC AUC among FFHQ-aligned faces, by the same keys
   * @param learners each learner's figures on the validation avatar copies
   */
  public record Outcome(boolean validated, LogisticModel model, Fit fit, Map<String, EvalReport.Figures> figures, Map<String, Double> aligned,
      Map<String, EvalReport.Figures> learners, Map<String, Object> provenance) {
    public Outcome {
      java.util.Objects.requireNonNull(model, "model");
      figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
      aligned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aligned));
      learners = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(learners));
      provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }
  }

  /**
   * No validation set: the trait score over every trait (nothing shows the mask traits or the fusion
   * could be left out or added) with thresholds set on the training copies' real faces.
   */
  public static Outcome unvalidated(Fit fit, List<Measured> rows) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("thresholds", "synthetic at 0.01 FPR, authentic below 0.1 FPR, on the training copies' real faces (no validation set)");
    provenance.put("kept", keptReason(false, fit.hasProbe(), false, false));
    return new Outcome(false, withThresholds(fit.base(), fit.baseRows(rows)), fit, Map.of(), Map.of(), Map.of(), provenance);
  }

  /**
   * Validates on a labelled set never fitted on: measures it in each of {@link #VALIDATION}'s copies,
   * sets each model's thresholds on the real avatar copies, compares learners, keeps the trait score
   * without the mask traits unless they earn their place ({@link #maskEarnsItsPlace}), and keeps the
   * fused score only where it beats that kept trait score ({@link #fusionWins}). Each figure line and report goes to {@code lines} as it is
   * made (a long run shows its progress).
   *
   * @param rows the training rows the fit was made on
   * @param devName the validation set's name, for provenance
   */
  public static Outcome validate(Measurer measurer, Fit fit, List<Measured> rows, List<LabelledItem> dev, String devName, long seed,
      java.util.function.Consumer<String> lines) {
    LogisticModel model = fit.fused();
    Map<String, EvalReport.Figures> figures = new LinkedHashMap<>();
    Map<String, Double> aligned = new LinkedHashMap<>();
    Map<String, EvalReport.Figures> learners;
    Map<Degradation, List<Measured>> devRows = new LinkedHashMap<>();
    for (Degradation d : VALIDATION) {
      devRows.put(d, measurer.measure(dev, d).stream().map(Training::row).toList());
    }
    fit = fit.withBase(withThresholds(fit.base(), fit.baseRows(devRows.get(Degradation.AVATAR))));
    fit = fit.withMaskFree(withThresholds(fit.maskFree(), fit.maskFreeRows(devRows.get(Degradation.AVATAR))));
    if (fit.hasProbe()) {
      List<Measured> avatar = fit.fusedRows(devRows.get(Degradation.AVATAR));
      model = withThresholds(model, avatar);
      fit = fit.withFused(model);
      learners = compareLearners(fit.fusedSpace(), model, fit.fusionRows(rows), avatar, seed);
      lines.accept("== learners fitted on the same training copies (trait features and the texture logit), on the validation avatar copies:");
    } else {
      learners = compareLearners(measurer.space(), fit.base(), fit.baseRows(rows), fit.baseRows(devRows.get(Degradation.AVATAR)), seed);
      lines.accept("== learners fitted on the same training copies (trait features; too few faces for a texture probe), on the validation avatar copies:");
    }
    learners.forEach((k, f) -> lines.accept(String.format(Locale.ROOT, "  %-75s ROC AUC %.4f | TPR at 1%% FPR %.3f | at 5%% FPR %.3f", k, f.auc(), f.tprAt1(), f.tprAt5())));
    for (var e : devRows.entrySet()) {
      String name = e.getKey().name().toLowerCase(Locale.ROOT);
      List<Measured> v = e.getValue();
      Map<String, Map<String, Double>> parts = new LinkedHashMap<>();
      parts.put(TRAITS_ALONE, fit.baseScores(v));
      parts.put(WITHOUT_MASK, fit.maskFreeScores(v));
      if (fit.hasProbe()) {
        parts.put("region texture alone", fit.textureScores(v));
      }
      for (var part : parts.entrySet()) {
        EvalReport.Figures f = EvalReport.figures(v, part.getValue());
        double alignedAuc = alignedAuc(v, part.getValue());
        lines.accept(String.format(Locale.ROOT, "%s, %s: ROC AUC %.4f | TPR at 1%% FPR %.3f | at 5%% FPR %.3f | among FFHQ-aligned faces %.4f | %s", name, part.getKey(),
            f.auc(), f.tprAt1(), f.tprAt5(), alignedAuc, EvalReport.spread(v, part.getValue())));
        figures.put(name + " (" + part.getKey() + ")", f);
        aligned.put(name + " (" + part.getKey() + ")", alignedAuc);
      }
      if (fit.hasProbe()) {
        Map<String, Double> fused = fit.fusedScores(v);
        figures.put(name + " (fused)", EvalReport.figures(v, fused));
        aligned.put(name + " (fused)", alignedAuc(v, fused));
        EvalReport.render(name + ": " + e.getKey().description() + " (fused)", "the model fitted on the training copies; never fitted on these files",
            fit.fusedRows(v), fused, model, fit.fusedSpace()).forEach(lines);
      } else {
        EvalReport.render(name + ": " + e.getKey().description() + " (" + TRAITS_ALONE + ")", "the model fitted on the training copies; never fitted on these files",
            fit.baseRows(v), parts.get(TRAITS_ALONE), fit.base(), measurer.space()).forEach(lines);
      }
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("validated_on", devName + " sha256-of-labelled-sha256s " + LabelledSet.fingerprint(dev));
    provenance.put("validation", figures);
    Map<String, Double> learnerAuc = new LinkedHashMap<>();
    learners.forEach((k, f) -> learnerAuc.put(k, f.auc()));
    provenance.put("learners_compared_avatar_auc", learnerAuc);
    provenance.put("thresholds", "synthetic at 0.01 FPR, authentic below 0.1 FPR, on the validation set's real avatar copies");
    boolean maskEarns = maskEarnsItsPlace(figures.get("avatar (" + TRAITS_ALONE + ")"), figures.get("avatar (" + WITHOUT_MASK + ")"));
    LogisticModel traits = maskEarns ? fit.base() : fit.maskFree();
    boolean fusion = fit.hasProbe() && fusionWins(figures.get("avatar (fused)"), figures.get("avatar (" + (maskEarns ? TRAITS_ALONE : WITHOUT_MASK) + ")"));
    provenance.put("kept", keptReason(true, fit.hasProbe(), fusion, !maskEarns));
    return new Outcome(true, fusion ? fit.fused() : traits, fit, figures, aligned, learners, provenance);
  }

  /**
   * Whether the fused score earns its place over the trait score alone on validation: a higher
   * ROC AUC by at least {@link #FUSION_MARGIN}, and no lower TPR at 5 % FPR.
   */
  public static boolean fusionWins(EvalReport.Figures fused, EvalReport.Figures traits) {
    return fused.auc() >= traits.auc() + FUSION_MARGIN && fused.tprAt5() >= traits.tprAt5();
  }

  static final double FUSION_MARGIN = 0.005;

  /** The validation part name of the trait score over every trait. */
  public static final String TRAITS_ALONE = "traits alone";

  /** The validation part name of the trait score without the traits that read the person mask. */
  public static final String WITHOUT_MASK = "traits without the person mask";

  /** The standard traits that read the person mask, by name. */
  static List<String> maskTraits() {
    return StandardScan.traits().stream().filter(Trait::needsPersonMask).map(Trait::name).toList();
  }

  /**
   * Whether the features of the traits that read the person mask earn their place in the trait
   * score, by the same rule as the fusion ({@link #FUSION_MARGIN} ROC AUC on the validation avatar
   * copies, no lower TPR at 5 % FPR). Where they do not, the score leaves them out and a scan never
   * needs the mask for its verdict (the costliest model; {@code --full} still measures them).
   */
  public static boolean maskEarnsItsPlace(EvalReport.Figures withMask, EvalReport.Figures withoutMask) {
    return withMask.auc() >= withoutMask.auc() + FUSION_MARGIN && withMask.tprAt5() >= withoutMask.tprAt5();
  }

  /**
   * Why 'train' keeps the score it keeps, for the model's provenance.
   *
   * @param validated whether a validation set was given
   * @param fusion whether the fused score was kept ({@link #fusionWins} on the validation set)
   */
  public static String keptReason(boolean validated, boolean hasProbe, boolean fusion, boolean maskFree) {
    String traits = maskFree
        ? "the traits without the person mask: the features of the traits that read it (hair, background, ears) did not beat the score"
            + " without them on the validation avatar copies by " + FUSION_MARGIN + " ROC AUC without losing TPR at 5% FPR, so a scan's verdict"
            + " never needs the mask (scan --full still measures and reports those traits)"
        : "the traits alone";
    if (!hasProbe) {
      return maskFree ? traits + "; " + noProbeWhy() : NO_PROBE;
    }
    if (fusion) {
      return "the fused score (traits and the region texture logit): it beat the traits alone on the validation avatar copies";
    }
    return validated
        ? traits + "; the fused score (traits and the region texture logit) did not beat them on the validation avatar copies by "
            + FUSION_MARGIN + " ROC AUC without losing TPR at 5% FPR; the region texture is measured and reported, not weighed"
        : traits + ": without a validation set nothing shows the fused score earns its place";
  }

  /** The item's half for cross-fitting: its sha256 ends in an even hex digit (stable across runs). */
  static boolean probeHalf(Measured m) {
    return Character.digit(m.item().file().sha256().charAt(63), 16) % 2 == 0;
  }

  /**
   * Fits the parts on the training rows (columns: {@code baseNames}, then the descriptors).
   *
   * @param provenance facts recorded with the fused model
   */
  public static Fit fitFused(FeatureSpace baseSpace, List<Measured> rows, String version, Map<String, Object> provenance) {
    int n = baseSpace.names().size();
    LogisticModel base = Fitter.constrained(baseSpace, version).fit(samples(rows.stream().map(m -> head(m, n)).toList()), Map.of());
    List<String> maskTraits = maskTraits();
    List<Integer> maskFreeColumns = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (!maskTraits.contains(baseSpace.feature(baseSpace.names().get(k)).trait())) {
        maskFreeColumns.add(k);
      }
    }
    LogisticModel maskFree = Fitter.constrained(baseSpace, maskFreeColumns.stream().map(baseSpace.names()::get).toList(), version)
        .fit(samples(rows.stream().map(m -> columns(m, maskFreeColumns)).toList()), Map.of());
    List<Measured> described = rows.stream().filter(m -> m.hasFace() && described(tail(m, n).features())).map(m -> tail(m, n)).toList();
    for (boolean even : new boolean[] {true, false}) {
      List<Sample> half = samples(described.stream().filter(m -> probeHalf(m) == even).toList());
      long gan = half.stream().filter(Sample::synthetic).count();
      if (gan < MIN_PROBE_FACES || half.size() - gan < MIN_PROBE_FACES) {
        return new Fit(base, maskFree, null, null, List.of(), null, null, n);
      }
    }
    List<TextureProbe> halves = new ArrayList<>();
    for (boolean even : new boolean[] {true, false}) {
      List<Measured> half = described.stream().filter(m -> probeHalf(m) == even).toList();
      halves.add(probe(Fitter.unconstrained(RegionTextureTrait.descriptorNames(), version + "-texture-half").fit(samples(half), Map.of())));
    }
    Map<String, Object> probeProvenance = new LinkedHashMap<>(provenance);
    probeProvenance.put("fitted_on", "training rows whose texture copy has the eyes at least " + RegionTextureTrait.MIN_INTEROCULAR + " px apart ("
        + samples(described).size() + " faces)");
    probeProvenance.put("texture_copies", TrainingCopy.nativeDescription());
    LogisticModel probeModel = Fitter.unconstrained(RegionTextureTrait.descriptorNames(), version + "-texture").fit(samples(described), probeProvenance);
    TextureProbe probe = probe(probeModel);
    List<Trait> traits = StandardScan.traits().stream().map(t -> t.name().equals(RegionTextureTrait.NAME) ? RegionTextureTrait.withProbe(probe) : t).toList();
    FeatureSpace fusedSpace = FeatureSpace.of(traits);
    List<String> expected = new ArrayList<>(baseSpace.names());
    expected.add(RegionTextureTrait.NAME);
    if (!fusedSpace.names().equals(expected)) {
      throw new IllegalStateException("the fused features " + fusedSpace.names() + " are not the trait features and the texture logit");
    }
    Fit partial = new Fit(base, maskFree, probeModel, probe, halves, fusedSpace, null, n);
    List<Measured> fuseRows = partial.fusionRows(rows);
    Map<String, Object> fusedProvenance = new LinkedHashMap<>(provenance);
    fusedProvenance.put("texture_logit", "cross-fitted: each training row's logit comes from a probe fitted on the other half of the rows (split by the"
        + " last hex digit of the sha256, even or odd); the shipped probe is fitted on all of them");
    LogisticModel fused = Fitter.constrained(fusedSpace, version).fit(samples(fuseRows), fusedProvenance);
    return new Fit(base, maskFree, probeModel, probe, halves, fusedSpace, fused, n);
  }

  /**
   * The fewest GAN and the fewest real faces with measured texture each half of the training rows
   * needs for a texture probe; with fewer, 'train' fits the traits alone.
   */
  public static final int MIN_PROBE_FACES = 20;

  /** What a model without a texture probe keeps, and why. */
  public static final String NO_PROBE = "the traits alone: " + noProbeWhy();

  private static String noProbeWhy() {
    return "too few training faces with their eyes at least " + (int) RegionTextureTrait.MIN_INTEROCULAR
        + " px apart for a region texture probe (each half of the rows needs " + MIN_PROBE_FACES + " GAN and " + MIN_PROBE_FACES + " real)";
  }

  private static TextureProbe probe(LogisticModel model) {
    return TextureProbe.parse(model.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** GAN and real faces as fitting samples. */
  public static List<Sample> samples(List<Measured> measured) {
    return measured.stream().filter(m -> m.hasFace() && (m.item().isGan() || m.item().isReal()))
        .map(m -> new Sample(m.item().relative(), m.features(), m.item().isGan())).toList();
  }

  /** Scores by relative path; items without a face score 0 (not flagged). */
  public static Map<String, Double> scores(LogisticModel model, List<Measured> measured) {
    Map<String, Double> out = new HashMap<>();
    measured.forEach(m -> out.put(m.item().relative(), m.hasFace() ? model.probability(m.features()) : 0.0));
    return out;
  }

  /** The model with verdict thresholds at the stated false-positive rates on these real faces' scores. */
  public static LogisticModel withThresholds(LogisticModel model, List<Measured> realFaces) {
    double[] real = EvalReport.scoresOf(realFaces, scores(model, realFaces), "real");
    return model.withThresholds(Metrics.thresholdAtFpr(real, SYNTHETIC_FPR), Metrics.thresholdAtFpr(real, AUTHENTIC_FPR));
  }

  /** Fits the constrained logistic on the training copies. */
  public static LogisticModel fit(FeatureSpace space, List<Measured> train, String version, Map<String, Object> provenance) {
    return Fitter.constrained(space, version).fit(samples(train), provenance);
  }

  /**
   * Validation figures of other learners fitted on the same training copies: the logistic
   * without direction constraints and Tribuo's trees ({@link TreeLearners}), beside the shipped
   * kind (the constrained logistic, {@code model}).
   */
  public static Map<String, EvalReport.Figures> compareLearners(FeatureSpace space, LogisticModel model, List<Measured> train,
      List<Measured> validation, long seed) {
    Map<String, EvalReport.Figures> out = new LinkedHashMap<>();
    out.put("logistic, each weight on its trait's side (shipped kind)", EvalReport.figures(validation, scores(model, validation)));
    LogisticModel free = Fitter.unconstrained(space.names(), "compare").fit(samples(train), Map.of());
    out.put("logistic, unconstrained", EvalReport.figures(validation, scores(free, validation)));
    for (TreeLearners.Fitted t : TreeLearners.fit(samples(train), space.names(), seed)) {
      Map<String, Double> s = new HashMap<>();
      validation.forEach(m -> s.put(m.item().relative(), m.hasFace() ? t.probability().applyAsDouble(m.features()) : 0.0));
      out.put(t.name(), EvalReport.figures(validation, s));
    }
    return out;
  }

  /**
   * Writes what {@code train} made into {@code out}: {@code model.json} (the kept model, with
   * {@code provenance} first and its features), the region texture probe beside it when one was
   * fitted (an older one there is removed), and {@code MODEL_CARD.md}.
   *
   * @param validationName the validation set's name, or null without one
   * @param took the training time so far, for the card
   */
  public static void write(Path out, Outcome outcome, Map<String, Object> provenance, TrainingCopy copies, List<LabelledItem> train,
      Map<String, Integer> licences, String validationName, Duration took) throws IOException {
    Map<String, Object> facts = new LinkedHashMap<>(provenance);
    facts.put("features", outcome.model().features());
    LogisticModel model = outcome.model().withProvenanceFirst(facts);
    byte[] json = model.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(out.resolve("model.json"), json);
    String probeLine;
    Files.deleteIfExists(out.resolve(StandardScan.PROBE_FILE));
    if (outcome.fit().hasProbe()) {
      byte[] probe = outcome.fit().probeModel().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Files.write(out.resolve(StandardScan.PROBE_FILE), probe);
      probeLine = "The region texture probe: `" + StandardScan.PROBE_FILE + "`, sha256 `" + org.ganscan.cache.ResourceCache.sha256(probe) + "`.";
    } else {
      probeLine = "No region texture probe was fitted (" + NO_PROBE + "); a scan with this model reports the texture with the probe bundled in ganscan.";
    }
    Files.writeString(out.resolve("MODEL_CARD.md"), card(model, copies, train, licences, outcome.figures(), outcome.aligned(), outcome.learners(),
        validationName, took, org.ganscan.cache.ResourceCache.sha256(json)) + "\n" + probeLine + "\n");
  }

  /** Counts per label and source, for the model card. */
  public static Map<String, Integer> counts(List<LabelledItem> items) {
    Map<String, Integer> out = new TreeMap<>();
    items.forEach(i -> out.merge(i.label() + " | " + i.source(), 1, Integer::sum));
    return out;
  }

  /** The model card written beside the weights. */
  public static String card(LogisticModel model, TrainingCopy copies, List<LabelledItem> train, Map<String, Integer> licences, Map<String, EvalReport.Figures> validation,
      Map<String, Double> alignedAuc, Map<String, EvalReport.Figures> learners, String validationName, Duration took, String modelSha256) {
    StringBuilder b = new StringBuilder();
    b.append("# ganscan score model ").append(model.version()).append("\n\n");
    b.append("`model.json` sha256 `").append(modelSha256).append("`, fitted ").append(model.fittedOn()).append(".\n\n");
    b.append("Logistic model over the traits' declared features, fitted with Tribuo on a labelled training set and validated on ")
        .append(validationName == null ? "nothing (no --validate given)" : validationName + ", never fitted on").append(".\n\n");
    b.append("**Terms.** The training images are under non-commercial research terms (FFHQ CC BY-NC-SA 4.0, UTKFace ")
        .append("non-commercial research, NVIDIA's StyleGAN licence, the 1M Fake Faces set CC BY-NC 4.0, as their manifest says); ")
        .append("this model was fitted on them, so it is for non-commercial research use.\n\n");
    b.append("## Data\n\n- data: ").append(model.provenance().get("data")).append("\n- samples fitted (faces found): ")
        .append(model.provenance().get("samples")).append("\n\n| label, source | files |\n|---|---|\n");
    counts(train).forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    b.append("\n| licence note (manifest) | files |\n|---|---|\n");
    licences.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    b.append("\n## Treatment\n\n").append(copies.describe()).append(" (both classes alike). The region texture probe's copies: ")
        .append(TrainingCopy.nativeDescription()).append("; it is fitted on the faces whose eyes are at least ").append(RegionTextureTrait.MIN_INTEROCULAR)
        .append(" px apart there, so at least halved to the scale it reads.\n\n");
    b.append("## Learner\n\n- ").append(model.provenance().get("trainer")).append("\n- ").append(model.provenance().get("library"))
        .append("\n- kept: ").append(model.provenance().getOrDefault("kept", "not recorded"))
        .append("\n- excluded features: ").append(model.provenance().get("excluded_features"))
        .append("\n- training time on this machine: ").append(took.toSeconds()).append(" s (measuring the copies not already in the checkpoints included)\n\n");
    b.append("## Validation\n\n");
    if (validation.isEmpty()) {
      b.append("None.\n");
    } else {
      b.append(String.format(Locale.ROOT, "Verdict thresholds: synthetic at or above %.4f (%.0f%% of the validation set's real avatar copies), authentic below %.4f (%.0f%%).%n%n",
          model.syntheticThreshold(), 100 * SYNTHETIC_FPR, model.authenticThreshold(), 100 * AUTHENTIC_FPR));
      b.append("| variant | GAN | real | ROC AUC | TPR at 1% FPR | TPR at 5% FPR | AUC among FFHQ-aligned faces |\n|---|---|---|---|---|---|---|\n");
      validation.forEach((v, f) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.3f | %.3f | %.4f |%n",
          v, f.gan(), f.real(), f.auc(), f.tprAt1(), f.tprAt5(), alignedAuc.getOrDefault(v, Double.NaN))));
    }
    if (!learners.isEmpty()) {
      b.append("\n## Learners compared (validation, avatar copies)\n\n| learner | ROC AUC | TPR at 1% FPR | TPR at 5% FPR |\n|---|---|---|---|\n");
      learners.forEach((k, f) -> b.append(String.format(Locale.ROOT, "| %s | %.4f | %.3f | %.3f |%n", k, f.auc(), f.tprAt1(), f.tprAt5())));
    }
    b.append("\n## Weights\n\n| feature | weight (standardised) |\n|---|---|\n");
    double[] w = model.weights();
    for (int i = 0; i < w.length; i++) {
      b.append(String.format(Locale.ROOT, "| %s | %+.4f |%n", model.features().get(i), w[i]));
    }
    return b.toString();
  }

  /** The AUC among FFHQ-aligned faces alone. */
  public static double alignedAuc(List<Measured> items, Map<String, Double> scores) {
    List<Measured> aligned = items.stream().filter(m -> m.item().aligned().equals("yes")).toList();
    double[] pos = EvalReport.scoresOf(aligned, scores, "gan");
    double[] neg = EvalReport.scoresOf(aligned, scores, "real");
    return pos.length == 0 || neg.length == 0 ? Double.NaN : Metrics.auc(pos, neg);
  }

  /** Manifest licence notes counted over the items. */
  public static Map<String, Integer> licences(Path root, List<LabelledItem> items) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    Path manifest = root.resolve("MANIFEST.tsv");
    if (!Files.exists(manifest)) {
      return out;
    }
    Map<String, Map<String, String>> rows = LabelledSet.manifest(manifest);
    for (LabelledItem i : items) {
      out.merge(rows.getOrDefault(i.relative(), Map.of()).getOrDefault("licence_note", "(none)"), 1, Integer::sum);
    }
    return out;
  }
}
