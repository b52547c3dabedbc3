package org.ganscan.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganscan.face.FaceRegions;
import org.ganscan.face.Keypoints;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.face.PixelBox;
import org.ganscan.face.PixelPoint;
import org.ganscan.face.Region;
import org.ganscan.face.RegionKind;
import org.ganscan.imaging.Canvas;
import org.ganscan.scan.EvidenceSink;
import org.ganscan.scan.FaceFindings;
import org.ganscan.scan.FaceResult;
import org.ganscan.scan.ScanResult;
import org.ganscan.trait.BackgroundTrait;
import org.ganscan.trait.ClippedPixelsTrait;
import org.ganscan.trait.EarsTrait;
import org.ganscan.trait.EyePositionTrait;
import org.ganscan.trait.HairTrait;
import org.ganscan.trait.ImageMask;
import org.ganscan.trait.RegionTextureTrait;
import org.ganscan.trait.TraitScore;

/**
 * Writes one overlay PNG per image with a face, on a copy of the image: the face box, the six
 * keypoints, the eye centres, the FFHQ/StyleGAN template's eye targets with the measured distance,
 * the hair, ear and background outlines coloured by their trait scores, the clipped highlights
 * outlined in black, and a caption with the
 * verdict, score and top reasons. Colours are Okabe-Ito (colour-blind-safe).
 */
public final class OverlayWriter implements EvidenceSink {
  static final int[] BLUE = {0, 114, 178};
  static final int[] ORANGE = {230, 159, 0};
  static final int[] SKY = {86, 180, 233};
  static final int[] PURPLE = {204, 121, 167};
  static final int[] GREEN = {0, 158, 115};
  static final int[] YELLOW = {240, 228, 66};
  static final int[] VERMILLION = {213, 94, 0};
  static final int[] GREY = {153, 153, 153};
  static final int[] BLACK = {0, 0, 0};
  /** Overlays are drawn at least this large so they stay readable. */
  static final int MIN_SIDE = 400;

  private final Path dir;

  public OverlayWriter(Path dir) {
    this.dir = dir;
  }

  /** The overlay file for an input: sha256 prefix plus the file name, so names never collide. */
  public static String fileName(String path, String sha256) {
    String base = Path.of(path).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return sha256.substring(0, 12) + "_" + base + ".png";
  }

  @Override
  public void accept(ScanResult result, FaceFindings findings) {
    FaceResult face = result.mainFace().orElseThrow();
    var image = findings.portrait().image();
    try (Canvas c = new Canvas(image, MIN_SIDE)) {
      texture(c, findings.mainRegions(), face.traits());
      regions(c, findings.mainRegions(), face.traits());
      ImageMask clipped = findings.marks().get(ClippedPixelsTrait.NAME);
      if (clipped != null) {
        c.outline(clipped.pixels(), clipped.width(), clipped.height(), 1.0, BLACK);
      }
      PixelBox b = face.face().detection().box();
      c.box(b.x(), b.y(), b.w(), b.h(), BLUE);
      Keypoints k = face.face().detection().keypoints();
      for (PixelPoint p : k.asList()) {
        c.marker(p.x(), p.y(), ORANGE, false);
      }
      template(c, face, result.width(), result.height());
      Files.createDirectories(dir);
      // Written under a temporary name and renamed, so a failed write never leaves an empty or half PNG behind.
      Path target = dir.resolve(fileName(result.path(), result.sha256()));
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      try {
        Files.write(tmp, c.pngWithCaption(caption(result, face)));
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write overlay for " + result.path(), e);
    }
  }

  /** The template spots as the eye-position trait's record states them, joined to the measured eyes. */
  private static void template(Canvas c, FaceResult face, int w, int h) {
    face.traits().stream().filter(t -> t.name().equals(EyePositionTrait.NAME) && t.measured()).findFirst().ifPresent(t -> {
      Map<String, Double> d = t.detail();
      PixelPoint tr = new NormalizedPoint(d.get(EyePositionTrait.TEMPLATE_RIGHT_U), d.get(EyePositionTrait.TEMPLATE_V)).toPixels(w, h);
      PixelPoint tl = new NormalizedPoint(d.get(EyePositionTrait.TEMPLATE_LEFT_U), d.get(EyePositionTrait.TEMPLATE_V)).toPixels(w, h);
      c.marker(tr.x(), tr.y(), PURPLE, true);
      c.marker(tl.x(), tl.y(), PURPLE, true);
      c.line(tr.x(), tr.y(), face.eyes().right().x(), face.eyes().right().y(), PURPLE);
      c.line(tl.x(), tl.y(), face.eyes().left().x(), face.eyes().left().y(), PURPLE);
    });
    c.marker(face.eyes().right().x(), face.eyes().right().y(), SKY, false);
    c.marker(face.eyes().left().x(), face.eyes().left().y(), SKY, false);
  }

  private static void regions(Canvas c, FaceRegions regions, List<TraitScore> traits) {
    Map<RegionKind, String> traitOf = Map.of(
        RegionKind.HAIR, HairTrait.NAME, RegionKind.RIGHT_EAR, EarsTrait.NAME, RegionKind.LEFT_EAR, EarsTrait.NAME,
        RegionKind.BACKGROUND, BackgroundTrait.NAME);
    for (var e : traitOf.entrySet()) {
      Region r = regions.get(e.getKey());
      if (r.area() > 0) {
        c.outline(r.bits(), r.width(), r.height(), r.scale(), colourFor(traits, e.getValue()));
      }
    }
  }

  /** A region's share of the learned texture logit beyond which it is shaded (vermillion GAN-like, green camera-like). */
  static final double SHADE_FROM = 0.3;

  /** Regions shaded by their signed share of the region texture probe's logit, as the record states it. */
  private static void texture(Canvas c, FaceRegions regions, List<TraitScore> traits) {
    traits.stream().filter(t -> t.name().equals(RegionTextureTrait.NAME) && t.measured()).findFirst().ifPresent(t -> {
      for (RegionKind k : RegionKind.values()) {
        Double share = t.detail().get(k.name().toLowerCase(Locale.ROOT));
        Region r = regions.get(k);
        if (share != null && Math.abs(share) >= SHADE_FROM && r.area() > 0) {
          c.shade(r.bits(), r.width(), r.height(), r.scale(), share > 0 ? VERMILLION : GREEN, 0.3);
        }
      }
    });
  }

  /** Green below 0.4, yellow to 0.7, vermillion above; grey when the trait did not vote. */
  static int[] colourFor(List<TraitScore> traits, String name) {
    Double s = traits.stream().filter(t -> t.name().equals(name) && t.measured()).map(TraitScore::score).findFirst().orElse(null);
    if (s == null) {
      return GREY;
    }
    return s < 0.4 ? GREEN : s < 0.7 ? YELLOW : VERMILLION;
  }

  private static List<String> caption(ScanResult r, FaceResult face) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s: score %.2f  |  %s", r.verdict().label().json().toUpperCase(Locale.ROOT),
        r.verdict().score(), Path.of(r.path()).getFileName()));
    r.verdict().reasons().stream().limit(3).forEach(reason -> lines.add("- " + reason));
    lines.add("box blue, keypoints orange, eye centres sky blue, FFHQ template purple; regions green/yellow/vermillion by score, grey unmeasured; clipped highlights black;"
        + " shading: learned texture evidence by region (vermillion GAN-like, green camera-like)");
    return lines;
  }
}
