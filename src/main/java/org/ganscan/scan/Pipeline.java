package org.ganscan.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.EyeGeometry;
import org.ganscan.face.Face;
import org.ganscan.face.FaceAnalysis;
import org.ganscan.face.FaceAnalyzer;
import org.ganscan.face.FaceRegions;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.fingerprint.Fingerprinter;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.ImageHeader;
import org.ganscan.image.Portrait;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Raster;
import org.ganscan.learned.Embedding;
import org.ganscan.learned.LearnedEvidence;
import org.ganscan.learned.LearnedModel;
import org.ganscan.score.Scorer;
import org.ganscan.score.Verdict;
import org.ganscan.trait.ImageMask;
import org.ganscan.trait.Measurement;
import org.ganscan.trait.Trait;
import org.ganscan.trait.TraitInput;
import org.ganscan.trait.TraitScore;

/**
 * One worker's pass over one file: read, decode, faces, traits, verdict. Never throws for a bad
 * file: every failure becomes an error record naming its cause. Not thread-safe (it owns a
 * {@link FaceAnalyzer}); the {@link Scanner} gives each thread its own.
 */
public final class Pipeline implements AutoCloseable {
  private final ScanSettings settings;
  private final FaceAnalyzer analyzer;
  private final PortraitDecoder decoder;
  private final Raster raster = new Raster();
  private final Fingerprinter fingerprinter = new Fingerprinter();
  private final List<LearnedEvidence> learned;

  /** The stages a record lists as run ({@link ScanResult#stages}). */
  public static final String STAGE_DETECT = "face_detection";
  public static final String STAGE_LANDMARKS = "face_landmarks";
  public static final String STAGE_PERSON_MASK = "person_mask";
  public static final String STAGE_TRAITS = "traits";

  /** The traits the cascade may skip: those that read the person mask. */
  private final java.util.Set<String> maskTraits;

  public Pipeline(ScanSettings settings, FaceAnalyzer analyzer) {
    this.settings = settings;
    this.analyzer = analyzer;
    this.decoder = settings.limits().decoder();
    this.learned = settings.learned().stream().map(LearnedModel::newSession).toList();
    this.maskTraits = settings.traits().stream().filter(Trait::needsPersonMask).map(Trait::name)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Reads and scans one file. */
  public ScanResult scan(String shownPath, java.nio.file.Path path) {
    EncodedFile file;
    try {
      file = settings.limits().read(path);
    } catch (ImageException e) {
      return error(shownPath, null, null, e.getMessage());
    }
    return scan(shownPath, file);
  }

  /** Scans bytes already in memory. */
  public ScanResult scan(String shownPath, EncodedFile file) {
    ImageHeader header = null;
    try {
      header = decoder.header(file);
      try (PixelBudget.Hold hold = settings.budget().take(header.pixels())) {
        Portrait portrait = decoder.decode(file);
        return analyze(shownPath, portrait);
      }
    } catch (ImageException e) {
      return error(shownPath, file.sha256(), header, e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      return error(shownPath, file.sha256(), header, "internal error while analysing: " + e);
    }
  }

  private ScanResult analyze(String shownPath, Portrait portrait) {
    FaceAnalysis analysis = analyzer.faces(portrait.image());
    GreyImage frame = analysis.faces().isEmpty() ? null : raster.grey(portrait.image(), TraitInput.ANALYSIS_SIDE);
    List<String> stages = new ArrayList<>(List.of(STAGE_DETECT, STAGE_LANDMARKS));
    Verdict settled = null;
    List<List<TraitScore>> firstPass = null;
    if (frame != null && settings.cascade() && settings.evidence() == EvidenceSink.NONE) {
      // The cascade's first pass: every trait that needs no person mask, on every face. When the
      // main face's verdict cannot change whatever the mask's traits would measure, the mask and
      // those traits are skipped and the record says so.
      firstPass = new ArrayList<>();
      for (Face face : analysis.faces()) {
        FaceRegions regions = FaceRegions.withoutPersonMask(face, frame, raster);
        TraitInput input = new TraitInput(portrait, face, java.util.Optional.empty(), frame, regions);
        List<TraitScore> scores = new ArrayList<>();
        for (Trait t : settings.traits()) {
          scores.add(t.needsPersonMask() ? null : t.measure(input));
        }
        firstPass.add(scores);
      }
      settled = settings.scorer().settledWithout(
          firstPass.get(0).stream().filter(java.util.Objects::nonNull).toList(), maskTraits).orElse(null);
    }
    List<FaceResult> faces = new ArrayList<>();
    FaceRegions mainRegions = null;
    Map<String, ImageMask> mainMarks = Map.of();
    if (settled == null && frame != null) {
      analysis = analyzer.withPersonMask(analysis, portrait.image());
      stages.add(STAGE_PERSON_MASK);
    }
    java.util.BitSet person = frame == null || settled != null ? null : FaceRegions.personPixels(analysis.personMask(), frame);
    for (int k = 0; k < analysis.faces().size(); k++) {
      Face face = analysis.faces().get(k);
      List<TraitScore> scores = new ArrayList<>();
      List<Embedding> embeddings = learned.stream().map(l -> l.measure(portrait, face)).toList();
      if (settled != null) {
        for (int i = 0; i < settings.traits().size(); i++) {
          TraitScore first = firstPass.get(k).get(i);
          scores.add(first != null ? first : TraitScore.unmeasured(settings.traits().get(i).name(), "skipped", settings.traits().get(i).name()
              + ": not measured: the verdict was settled without it (the person mask it needs was skipped; scan --full measures everything)"));
        }
        faces.add(new FaceResult(face, EyeGeometry.of(face, portrait.width(), portrait.height()), scores, embeddings));
        continue;
      }
      TraitInput input = input(portrait, analysis, face, person, frame);
      if (mainRegions == null) {
        mainRegions = input.regions();
      }
      Map<String, ImageMask> marks = new HashMap<>();
      for (int i = 0; i < settings.traits().size(); i++) {
        TraitScore first = firstPass == null ? null : firstPass.get(k).get(i);
        if (first != null) {
          scores.add(first); // measured without the mask in the first pass: the mask does not change it
          continue;
        }
        Measurement m = settings.traits().get(i).measureWithMarks(input);
        scores.add(m.score());
        marks.putAll(m.marks());
      }
      if (faces.isEmpty()) {
        mainMarks = marks;
      }
      faces.add(new FaceResult(face, input.eyes(), scores, embeddings));
    }
    if (!faces.isEmpty()) {
      stages.add(STAGE_TRAITS);
    }
    EyeGeometry main = faces.isEmpty() ? null : faces.get(0).eyes();
    Fingerprint print = fingerprinter.of(portrait.image(), main == null ? null : main.right(), main == null ? null : main.left());
    Verdict verdict =
        faces.isEmpty()
            ? Verdict.notApplicable("no usable face found")
            : settled != null ? settled : settings.scorer().score(faces.get(0).traits());
    ScanResult result = new ScanResult(
        shownPath, portrait.sha256(), faces.isEmpty() ? ScanResult.Status.NO_FACE : ScanResult.Status.OK, null,
        portrait.width(), portrait.height(), portrait.format().label(), faces, verdict, print, null, null, stages);
    // A file the scan gave up on (its worker interrupted) leaves no picture beside a record that says it failed.
    if (mainRegions != null && !Thread.currentThread().isInterrupted()) {
      try {
        settings.evidence().accept(result, new FaceFindings(portrait, mainRegions, mainMarks));
      } catch (RuntimeException e) {
        // The measurement stands; only its picture is missing, and the record says so in its own field.
        return result.withOverlayError(String.valueOf(e.getMessage()));
      }
    }
    return result;
  }

  /** A face's inputs for the full analysis (the person mask and the regions it shapes). */
  private TraitInput input(Portrait portrait, FaceAnalysis analysis, Face face, java.util.BitSet person, GreyImage frame) {
    return new TraitInput(portrait, face, analysis.personMask(), frame, FaceRegions.of(face, analysis.personMask(), person, frame, raster));
  }

  /**
   * The inputs the full analysis gives the traits for a portrait's main face, or empty when it
   * has none: what {@link TraitCosts} times each trait on.
   */
  java.util.Optional<TraitInput> mainFaceInput(Portrait portrait) {
    FaceAnalysis analysis = analyzer.faces(portrait.image());
    if (analysis.faces().isEmpty()) {
      return java.util.Optional.empty();
    }
    analysis = analyzer.withPersonMask(analysis, portrait.image());
    GreyImage frame = raster.grey(portrait.image(), TraitInput.ANALYSIS_SIDE);
    return java.util.Optional.of(input(portrait, analysis, analysis.faces().get(0), FaceRegions.personPixels(analysis.personMask(), frame), frame));
  }

  private static ScanResult error(String shownPath, String sha, ImageHeader header, String message) {
    return new ScanResult(
        shownPath, sha, ScanResult.Status.ERROR, message,
        header == null ? null : header.width(), header == null ? null : header.height(),
        header == null ? null : header.format().label(), List.of(), Verdict.notApplicable(message), null, null, null, List.of());
  }

  @Override
  public void close() {
    learned.forEach(LearnedEvidence::close);
    analyzer.close();
  }
}
