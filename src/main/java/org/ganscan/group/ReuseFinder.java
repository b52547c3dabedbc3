package org.ganscan.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.imaging.PerceptualHash;

/**
 * Finds the same photo reused across images: resized, re-compressed, turned grey, mirrored or
 * cropped. Two images are one photo when their whole-image hashes, or their face-square hashes
 * (which ignore how the surroundings were cropped), differ in at most {@link #MAX_BITS} of 64 bits,
 * directly or against the mirror image.
 */
public final class ReuseFinder {
  static final int MAX_BITS = 6;
  /**
   * Face squares of different StyleGAN faces look alike at hash size (same crop, same pose), so
   * the face hash must agree more closely than the whole-image hash.
   */
  static final int MAX_FACE_BITS = 4;
  /** A face-hash match must still resemble the whole image loosely: different aligned faces do not. */
  static final int MAX_BITS_WITH_FACE = 20;

  /** One matched pair and how the second differs from the first. */
  public record Pair(int a, int b, int bits, List<String> transforms) {}

  public List<Pair> pairs(List<Fingerprint> prints) {
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < prints.size(); i++) {
      for (int j = i + 1; j < prints.size(); j++) {
        Pair p = match(i, j, prints.get(i), prints.get(j));
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static Pair match(int i, int j, Fingerprint a, Fingerprint b) {
    int wholeSame = PerceptualHash.distance(a.wholeHash(0), b.wholeHash(0));
    int wholeMirror = PerceptualHash.distance(a.wholeHash(0), b.wholeHash(1));
    boolean faces = a.hasFace() && b.hasFace();
    int faceSame = faces ? PerceptualHash.distance(a.faceHash(0), b.faceHash(0)) : 64;
    int faceMirror = faces ? PerceptualHash.distance(a.faceHash(0), b.faceHash(1)) : 64;
    int whole = Math.min(wholeSame, wholeMirror);
    int face = Math.min(faceSame, faceMirror);
    boolean faceMatch = face <= MAX_FACE_BITS && whole <= MAX_BITS_WITH_FACE;
    int centre = centreDistance(a, b);
    if (whole > MAX_BITS && !faceMatch && centre > MAX_BITS) {
      return null;
    }
    int best = Math.min(whole, Math.min(centre, faceMatch ? face : 64));
    List<String> transforms = new ArrayList<>();
    boolean mirrored = Math.min(wholeMirror, faceMirror) < Math.min(wholeSame, faceSame);
    if (mirrored) {
      transforms.add("mirrored");
    }
    if (whole > MAX_BITS) {
      transforms.add("cropped");
    } else if (a.interocular() != null && b.interocular() != null && Math.abs(a.interocular() / b.interocular() - 1) > 0.05) {
      transforms.add("cropped");
    }
    if ((a.colourfulness() < 3) != (b.colourfulness() < 3)) {
      transforms.add("grey");
    }
    if (transforms.isEmpty()) {
      transforms.add("resized or re-compressed");
    }
    return new Pair(i, j, best, transforms);
  }

  /** One image's whole hash against the other's central crops, both ways. */
  private static int centreDistance(Fingerprint a, Fingerprint b) {
    int best = 64;
    for (int i = 0; i < 2; i++) {
      best = Math.min(best, PerceptualHash.distance(a.wholeHash(0), b.centreHash(i)));
      best = Math.min(best, PerceptualHash.distance(b.wholeHash(0), a.centreHash(i)));
    }
    return best;
  }

  /** Groups the matched pairs' images (connected components). */
  public List<Group> groups(List<Member> members, List<Pair> pairs) {
    UnionFind uf = new UnionFind(members.size());
    pairs.forEach(p -> uf.union(p.a(), p.b()));
    List<Group> out = new ArrayList<>();
    int id = 1;
    for (List<Integer> component : uf.components()) {
      List<Map<String, Object>> evidence = new ArrayList<>();
      for (Pair p : pairs) {
        if (component.contains(p.a())) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("a", members.get(p.a()).path());
          e.put("b", members.get(p.b()).path());
          e.put("similarity", Math.round((1 - p.bits() / 64.0) * 1000) / 1000.0);
          e.put("transform", p.transforms());
          evidence.add(e);
        }
      }
      List<String> paths = component.stream().map(i -> members.get(i).path()).toList();
      out.add(new Group("reuse-" + id++, Group.Kind.REUSE, paths, Map.of("pairs", evidence),
          paths.size() + " images are one photo reused (perceptual hashes of the image or its face agree, allowing mirroring, cropping, grey and re-compression)"));
    }
    return out;
  }
}
