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
   * from candidates that come close on a band ({@link Bands}); only candidates are compared.
   */
  public List<Pair> pairs(List<Fingerprint> prints) {
    List<Pair> out = new ArrayList<>();
    for (long key : matched(prints)) {
      int a = (int) (key >>> 32);
      int b = (int) key;
      out.add(match(a, b, prints.get(a), prints.get(b)));
    }
    return out;
  }

  /**
   * The matching pairs as sorted keys ({@code a << 32 | b}, a < b): what {@link #groups} needs,
   * eight bytes a pair, so a batch whose reused photos match millions of times still fits.
   */
  public long[] matched(List<Fingerprint> prints) {
    int n = prints.size();
    long[] w0 = new long[n];
    long[] w1 = new long[n];
    long[] c0 = new long[n];
    long[] c1 = new long[n];
    long[] f0 = new long[n];
    long[] f1 = new long[n];
    boolean[] hasFace = new boolean[n];
    // Whole-image conditions (whole or mirror within MAX_BITS, either image's whole hash against
    // the other's central crops within MAX_BITS): each image's whole hash is looked up among every
    // image's whole, mirror and centre hashes, so both directions of the centre case are found.
    Bands whole = new Bands(MAX_BITS);
    Bands face = new Bands(MAX_FACE_BITS);
    for (int j = 0; j < n; j++) {
      Fingerprint f = prints.get(j);
      w0[j] = f.wholeHash(0);
      w1[j] = f.wholeHash(1);
      c0[j] = f.centreHash(0);
      c1[j] = f.centreHash(1);
      whole.add(w0[j], j);
      whole.add(w1[j], j);
      whole.add(c0[j], j);
      whole.add(c1[j], j);
      if (f.hasFace()) {
        hasFace[j] = true;
        f0[j] = f.faceHash(0);
        f1[j] = f.faceHash(1);
        face.add(f0[j], j);
        face.add(f1[j], j);
      }
    }
    whole.build();
    face.build();
    // Candidates are tested as they are found (a few popcounts each), so memory holds only the
    // matches; a pair found from both sides is kept once.
    int[] lastSeenBy = new int[n];
    java.util.Arrays.fill(lastSeenBy, -1);
    long[][] out = {new long[64]};
    int[] size = {0};
    for (int i = 0; i < n; i++) {
      int item = i;
      java.util.function.IntConsumer partner = other -> {
        if (other == item || lastSeenBy[other] == item) {
          return;
        }
        lastSeenBy[other] = item;
        int a = Math.min(item, other);
        int b = Math.max(item, other);
        int wholeBits = Math.min(Long.bitCount(w0[a] ^ w0[b]), Long.bitCount(w0[a] ^ w1[b]));
        boolean match = wholeBits <= MAX_BITS
            || (hasFace[a] && hasFace[b] && wholeBits <= MAX_BITS_WITH_FACE
                && Math.min(Long.bitCount(f0[a] ^ f0[b]), Long.bitCount(f0[a] ^ f1[b])) <= MAX_FACE_BITS)
            || Math.min(Math.min(Long.bitCount(w0[a] ^ c0[b]), Long.bitCount(w0[a] ^ c1[b])),
                Math.min(Long.bitCount(w0[b] ^ c0[a]), Long.bitCount(w0[b] ^ c1[a]))) <= MAX_BITS;
        if (match) {
          if (size[0] == out[0].length) {
            out[0] = java.util.Arrays.copyOf(out[0], out[0].length * 2);
          }
          out[0][size[0]++] = (long) a << 32 | b;
        }
      };
      whole.candidates(w0[i], partner);
      if (hasFace[i]) {
        face.candidates(f0[i], partner);
      }
    }
    long[] keys = java.util.Arrays.copyOf(out[0], size[0]);
    java.util.Arrays.sort(keys);
    int unique = 0;
    for (int k = 0; k < keys.length; k++) {
      if (k == 0 || keys[k] != keys[k - 1]) {
        keys[unique++] = keys[k];
      }
    }
    return java.util.Arrays.copyOf(keys, unique);
  }

  /**
   * The band keys under which a hash is indexed ({@code band << 16 | value}, one per band): what a
   * distributed job joins on. {@link #lookupKeys} of a hash within {@code maxBits} of it shares one.
   */
  public static long[] indexKeys(long hash) {
    long[] out = new long[Bands.COUNT];
    for (int b = 0; b < Bands.COUNT; b++) {
      out[b] = (long) b << 16 | Bands.band(hash, b);
    }
    return out;
  }

  /** The band keys a lookup of {@code hash} reads to find every hash within {@code maxBits} (6 for whole images, 4 for faces). */
  public static long[] lookupKeys(long hash, int maxBits) {
    int radius = new Bands(maxBits).radius;
    long[] out = new long[Bands.COUNT * (radius == 1 ? Bands.WIDTH + 1 : 1)];
    int k = 0;
    for (int b = 0; b < Bands.COUNT; b++) {
      int v = Bands.band(hash, b);
      out[k++] = (long) b << 16 | v;
      if (radius == 1) {
        for (int bit = 0; bit < Bands.WIDTH; bit++) {
          out[k++] = (long) b << 16 | (v ^ (1 << bit));
        }
      }
    }
    return out;
  }

  /** The largest whole-image hash distance at which two images are one photo. */
  public static int maxWholeBits() {
    return MAX_BITS;
  }

  /** The largest face-square hash distance at which two images are one photo. */
  public static int maxFaceBits() {
    return MAX_FACE_BITS;
  }

  /** Whether two images are one photo by the rules of {@link #match} (without describing how). */
  public static boolean matches(Fingerprint a, Fingerprint b) {
    return match(0, 1, a, b) != null;
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

  /**
   * Hashes indexed by the value of each of four disjoint 16-bit bands (multi-index hashing, Norouzi,
   * Punjani and Fleet, CVPR 2012). Two hashes within {@code 4r + 3} bits of each other differ in at
   * most {@code r} bits on at least one band (pigeonhole), so looking up each band's value and its
   * neighbours within {@code r} bits finds every such pair. Sixteen-bit bands keep a bucket to about
   * n / 65,536 items even for a million hashes (shorter ones made the candidates grow with n^2).
   */
  private static final class Bands {
    private static final int COUNT = 4;
    private static final int WIDTH = 16;
    private final int radius;
    private long[] added = new long[64]; // hash, then item, alternately
    private int size;
    private int[][] offsets;
    private int[][] items;

    Bands(int maxBits) {
      this.radius = maxBits / COUNT;
      if (maxBits > COUNT * radius + COUNT - 1 || radius > 1) {
        throw new IllegalArgumentException("bands cover up to 7 bits");
      }
    }

    private static int band(long hash, int b) {
      return (int) ((hash >>> (b * WIDTH)) & 0xFFFF);
    }

    void add(long hash, int item) {
      if (size + 2 > added.length) {
        added = java.util.Arrays.copyOf(added, added.length * 2);
      }
      added[size++] = hash;
      added[size++] = item;
    }

    /** Sorts the added hashes into one bucket array per band (counting sort on the band value). */
    void build() {
      int n = size / 2;
      offsets = new int[COUNT][1 << WIDTH | 1];
      items = new int[COUNT][n];
      for (int b = 0; b < COUNT; b++) {
        int[] off = offsets[b];
        for (int k = 0; k < n; k++) {
          off[band(added[2 * k], b) + 1]++;
        }
        for (int v = 0; v < (1 << WIDTH); v++) {
          off[v + 1] += off[v];
        }
        int[] next = java.util.Arrays.copyOf(off, 1 << WIDTH);
        for (int k = 0; k < n; k++) {
          items[b][next[band(added[2 * k], b)]++] = (int) added[2 * k + 1];
        }
      }
      added = null;
    }

    /** Each item with a hash within {@code radius} bits of {@code hash} on some band (items may repeat). */
    void candidates(long hash, java.util.function.IntConsumer out) {
      for (int b = 0; b < COUNT; b++) {
        int v = band(hash, b);
        bucket(b, v, out);
        if (radius == 1) {
          for (int bit = 0; bit < WIDTH; bit++) {
            bucket(b, v ^ (1 << bit), out);
          }
        }
      }
    }

    private void bucket(int b, int v, java.util.function.IntConsumer out) {
      int[] off = offsets[b];
      int[] it = items[b];
      for (int k = off[v]; k < off[v + 1]; k++) {
        out.accept(it[k]);
      }
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

  /**
   * Groups the matched pairs' images (connected components of {@link #matched}'s pairs). Each
   * group's evidence lists the pairs that join it, a spanning tree taken in (first, second) order
   * (a group of k images has k - 1), each with its similarity and transform, and counts every
   * matched pair: a photo reused 100 times is 99 pairs of evidence, not 4,950.
   */
  public List<Group> groups(List<Member> members, List<Fingerprint> prints, long[] matched) {
    UnionFind uf = new UnionFind(members.size());
    List<Long> joining = new ArrayList<>();
    for (long key : matched) {
      int a = (int) (key >>> 32);
      int b = (int) key;
      if (uf.find(a) != uf.find(b)) {
        uf.union(a, b);
        joining.add(key);
      }
    }
    List<Group> out = new ArrayList<>();
    int id = 1;
    List<List<Integer>> components = uf.components();
    Map<Integer, Integer> componentOf = new java.util.HashMap<>();
    for (int c = 0; c < components.size(); c++) {
      for (int member : components.get(c)) {
        componentOf.put(member, c);
      }
    }
    long[] pairCount = new long[components.size()];
    for (long key : matched) {
      pairCount[componentOf.get((int) (key >>> 32))]++;
    }
    Map<Integer, List<Pair>> pairsOf = new java.util.HashMap<>();
    for (long key : joining) {
      int a = (int) (key >>> 32);
      int b = (int) key;
      pairsOf.computeIfAbsent(componentOf.get(a), k -> new ArrayList<>()).add(match(a, b, prints.get(a), prints.get(b)));
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
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("pairs", evidence);
      ev.put("matched_pairs", pairCount[c]);
      out.add(new Group("reuse-" + id++, Group.Kind.REUSE, paths, ev,
          paths.size() + " images are one photo reused (perceptual hashes of the image or its face agree, allowing mirroring, cropping, grey and re-compression)"));
    }
    return out;
  }
}
