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

  /**
   * Every matching pair, in (first, second) order: the same pairs as comparing all of them, found
   * from candidates that share a band. A 64-bit hash within {@code k} bits of another equals it
   * exactly on at least one of {@code k + 1} disjoint bands (pigeonhole), so indexing each band's
   * value finds every pair within the thresholds; only candidates are compared.
   */
  public List<Pair> pairs(List<Fingerprint> prints) {
    // Whole-image conditions (whole or mirror within MAX_BITS, either image's whole hash against
    // the other's central crops within MAX_BITS): each image's whole hash against every other
    // image's whole, mirror and centre hashes, so both directions of the centre case are found.
    Bands whole = new Bands(MAX_BITS + 1);
    for (int j = 0; j < prints.size(); j++) {
      Fingerprint f = prints.get(j);
      whole.add(f.wholeHash(0), j);
      whole.add(f.wholeHash(1), j);
      whole.add(f.centreHash(0), j);
      whole.add(f.centreHash(1), j);
    }
    Bands face = new Bands(MAX_FACE_BITS + 1);
    for (int j = 0; j < prints.size(); j++) {
      if (prints.get(j).hasFace()) {
        face.add(prints.get(j).faceHash(0), j);
        face.add(prints.get(j).faceHash(1), j);
      }
    }
    // Candidates are compared as they are found, so memory holds only the matches. A pair found
    // from both sides is compared once: from the second image's side only when the first's
    // queries would not have found it.
    int[] lastSeenBy = new int[prints.size()];
    java.util.Arrays.fill(lastSeenBy, -1);
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < prints.size(); i++) {
      Fingerprint f = prints.get(i);
      int item = i;
      java.util.function.IntConsumer partner = other -> {
        if (other == item || lastSeenBy[other] == item) {
          return;
        }
        lastSeenBy[other] = item;
        int a = Math.min(item, other);
        int b = Math.max(item, other);
        if (item == b && found(prints.get(a), prints.get(b), whole, face)) {
          return; // the first image's own queries find this pair
        }
        Pair p = match(a, b, prints.get(a), prints.get(b));
        if (p != null) {
          out.add(p);
        }
      };
      whole.candidates(f.wholeHash(0), partner);
      if (f.hasFace()) {
        face.candidates(f.faceHash(0), partner);
      }
    }
    out.sort(java.util.Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
    return out;
  }

  /** Whether {@code a}'s queries reach {@code b}: a band of a's whole hash equals one of b's indexed hashes, or the same for faces. */
  private static boolean found(Fingerprint a, Fingerprint b, Bands whole, Bands face) {
    long w = a.wholeHash(0);
    if (whole.share(w, b.wholeHash(0)) || whole.share(w, b.wholeHash(1)) || whole.share(w, b.centreHash(0)) || whole.share(w, b.centreHash(1))) {
      return true;
    }
    return a.hasFace() && b.hasFace() && (face.share(a.faceHash(0), b.faceHash(0)) || face.share(a.faceHash(0), b.faceHash(1)));
  }

  /** Every pair compared: the reference {@link #pairs} must equal (kept for tests and small batches). */
  List<Pair> allPairs(List<Fingerprint> prints) {
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

  /** Hashes indexed by the value of each of {@code count} disjoint bands of their 64 bits. */
  private static final class Bands {
    private final int count;
    private final List<Map<Long, List<Integer>>> index = new ArrayList<>();

    Bands(int count) {
      this.count = count;
      for (int b = 0; b < count; b++) {
        index.add(new java.util.HashMap<>());
      }
    }

    private long band(long hash, int b) {
      int from = b * 64 / count;
      int to = (b + 1) * 64 / count;
      long mask = to - from == 64 ? -1L : ((1L << (to - from)) - 1);
      return (hash >>> from) & mask;
    }

    void add(long hash, int item) {
      for (int b = 0; b < count; b++) {
        List<Integer> items = index.get(b).computeIfAbsent(band(hash, b), k -> new ArrayList<>());
        if (items.isEmpty() || items.get(items.size() - 1) != item) {
          items.add(item);
        }
      }
    }

    /** Each item with a hash that shares a band with {@code hash}. */
    void candidates(long hash, java.util.function.IntConsumer out) {
      for (int b = 0; b < count; b++) {
        for (int other : index.get(b).getOrDefault(band(hash, b), List.of())) {
          out.accept(other);
        }
      }
    }

    /** Whether two hashes are equal on at least one band. */
    boolean share(long x, long y) {
      for (int b = 0; b < count; b++) {
        if (band(x, b) == band(y, b)) {
          return true;
        }
      }
      return false;
    }
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
    List<List<Integer>> components = uf.components();
    Map<Integer, Integer> componentOf = new java.util.HashMap<>();
    for (int c = 0; c < components.size(); c++) {
      for (int member : components.get(c)) {
        componentOf.put(member, c);
      }
    }
    Map<Integer, List<Pair>> pairsOf = new java.util.HashMap<>();
    for (Pair p : pairs) {
      pairsOf.computeIfAbsent(componentOf.get(p.a()), k -> new ArrayList<>()).add(p);
    }
    for (int c = 0; c < components.size(); c++) {
      List<Integer> component = components.get(c);
      List<Map<String, Object>> evidence = new ArrayList<>();
      for (Pair p : pairsOf.getOrDefault(c, List.of())) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("a", members.get(p.a()).path());
        e.put("b", members.get(p.b()).path());
        e.put("similarity", Math.round((1 - p.bits() / 64.0) * 1000) / 1000.0);
        e.put("transform", p.transforms());
        evidence.add(e);
      }
      List<String> paths = component.stream().map(i -> members.get(i).path()).toList();
      out.add(new Group("reuse-" + id++, Group.Kind.REUSE, paths, Map.of("pairs", evidence),
          paths.size() + " images are one photo reused (perceptual hashes of the image or its face agree, allowing mirroring, cropping, grey and re-compression)"));
    }
    return out;
  }
}
