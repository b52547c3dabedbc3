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

  /**
   * From this many images on, three wide bands index the hashes instead of four 16-bit ones. On the
   * grouping bench's jittered batches four bands were 20 % faster at 300,000 images, the two were
   * level at 600,000, and three bands were 12 % faster at 1,000,000 (14 s against 15.5 s).
   */
  static final int THREE_BANDS_FROM = 500_000;

  /** The band count, or 0 to choose it by the batch size. */
  private final int bands;

  public ReuseFinder() {
    this(0);
  }

  /** A finder with a fixed band count (3 or 4), for tests and benchmarks of each layout. */
  ReuseFinder(int bands) {
    if (bands != 0 && bands != 3 && bands != 4) {
      throw new IllegalArgumentException("bands: 3 or 4");
    }
    this.bands = bands;
  }

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
    boolean[] hasFace = new boolean[n];
    // Each rule is a distance between one image's hash and one of the other's: the whole hash
    // against the other's whole or mirror hash (first image's whole hash), either image's whole
    // hash against the other's central crops, the face hash against the other's face or mirrored
    // face (first image's face hash). Every image's whole hash is looked up among all whole,
    // mirror and centre hashes, its face hash among all face hashes; a hit within the distance is
    // that rule met, so it is a match without comparing anything else (a hit on the mirror hash
    // from the second image's side is no rule, and is passed over).
    int count = bands > 0 ? bands : n >= THREE_BANDS_FROM ? 3 : Bands.COUNT;
    Bands whole = new Bands(MAX_BITS, count);
    Bands face = new Bands(MAX_FACE_BITS, count);
    for (int j = 0; j < n; j++) {
      Fingerprint f = prints.get(j);
      w0[j] = f.wholeHash(0);
      w1[j] = f.wholeHash(1);
      whole.add(w0[j], j, 0);
      whole.add(w1[j], j, 1);
      whole.add(f.centreHash(0), j, 2);
      whole.add(f.centreHash(1), j, 3);
      if (f.hasFace()) {
        hasFace[j] = true;
        face.add(f.faceHash(0), j, 0);
        face.add(f.faceHash(1), j, 1);
      }
    }
    whole.build();
    face.build();
    long[] faceQueries = new long[n];
    for (int j = 0; j < n; j++) {
      faceQueries[j] = hasFace[j] ? prints.get(j).faceHash(0) : 0;
    }
    Keys out = new Keys();
    whole.allHits(w0, null, (item, other, kind) -> {
      if (other != item && !(kind == 1 && other < item)) {
        out.add(Math.min(item, other), Math.max(item, other));
      }
    });
    face.allHits(faceQueries, hasFace, (item, other, kind) -> {
      if (other != item && hasFace[other]) {
        int a = Math.min(item, other);
        int b = Math.max(item, other);
        if (Math.min(Long.bitCount(w0[a] ^ w0[b]), Long.bitCount(w0[a] ^ w1[b])) <= MAX_BITS_WITH_FACE) {
          out.add(a, b);
        }
      }
    });
    return out.sortedUnique();
  }

  /** Pair keys as found (a pair may be found on several bands and rules), kept sorted and unique. */
  private static final class Keys {
    private long[] keys = new long[64];
    private int size;
    private int compactedAt = 1 << 20;

    void add(int a, int b) {
      if (size == keys.length) {
        if (size >= compactedAt) {
          size = compact(size); // a photo reused many times is found many times over: fold before growing
          compactedAt = Math.max(compactedAt, 2 * size);
        }
        if (size == keys.length) {
          keys = java.util.Arrays.copyOf(keys, keys.length * 2);
        }
      }
      keys[size++] = (long) a << 32 | b;
    }

    private int compact(int n) {
      java.util.Arrays.sort(keys, 0, n);
      int unique = 0;
      for (int k = 0; k < n; k++) {
        if (k == 0 || keys[k] != keys[k - 1]) {
          keys[unique++] = keys[k];
        }
      }
      return unique;
    }

    long[] sortedUnique() {
      return java.util.Arrays.copyOf(keys, compact(size));
    }
  }

  /**
   * The band keys under which a hash is indexed ({@code band << 16 | value}, one per band): what a
   * distributed job joins on. {@link #lookupKeys} of a hash within {@code maxBits} of it shares one.
   */
  public static long[] indexKeys(long hash) {
    Bands layout = new Bands(MAX_BITS);
    long[] out = new long[Bands.COUNT];
    for (int b = 0; b < Bands.COUNT; b++) {
      out[b] = (long) b << 16 | layout.value(hash, b);
    }
    return out;
  }

  /** The band keys a lookup of {@code hash} reads to find every hash within {@code maxBits} (6 for whole images, 4 for faces). */
  public static long[] lookupKeys(long hash, int maxBits) {
    Bands layout = new Bands(maxBits);
    if (layout.radius > 1) {
      throw new IllegalArgumentException("the join keys cover up to 7 bits");
    }
    int[] masks = Bands.masks(Bands.WIDTH, layout.radius);
    long[] out = new long[Bands.COUNT * masks.length];
    int k = 0;
    for (int b = 0; b < Bands.COUNT; b++) {
      int v = layout.value(hash, b);
      for (int mask : masks) {
        out[k++] = (long) b << 16 | (v ^ mask);
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
   * Hashes indexed by the value of each of {@code count} disjoint bands that together cover the 64
   * bits (multi-index hashing, Norouzi, Punjani and Fleet, CVPR 2012). Two hashes within
   * {@code count * r + count - 1} bits of each other differ in at most {@code r} bits on at least
   * one band (pigeonhole), so looking up each band's value and its neighbours within {@code r} bits
   * finds every such pair. A lookup reads (neighbours per band) x (count) buckets of about n / 2^width
   * hashes each: four 16-bit bands read 68 buckets (radius 1 for 6 bits), which is cheapest while
   * n is well under 65,536 per bucket but grows with n^2 past it; three bands of 21-22 bits read
   * about 700 buckets (radius 2) that stay near-empty to millions of images, so a lookup's cost
   * stops growing with n ({@link #THREE_BANDS_FROM}). Each bucket holds the hashes themselves, read
   * in sequence, so a candidate costs one popcount.
   */
  private static final class Bands {
    /** The Spark job's layout (its join keys): four 16-bit bands. */
    private static final int COUNT = 4;
    private static final int WIDTH = 16;
    private final int count;
    private final int[] start;
    private final int[] width;
    private final int maxBits;
    private final int radius;
    private long[] addedHashes = new long[64];
    private int[] addedTags = new int[64];
    private int size;
    private int[][] offsets;
    private long[][] hashes;
    private int[][] tags; // item << 2 | kind

    Bands(int maxBits) {
      this(maxBits, COUNT);
    }

    Bands(int maxBits, int count) {
      this.count = count;
      this.start = new int[count];
      this.width = new int[count];
      for (int b = 0, at = 0; b < count; b++) {
        width[b] = 64 / count + (b < 64 % count ? 1 : 0);
        start[b] = at;
        at += width[b];
      }
      this.maxBits = maxBits;
      this.radius = maxBits / count;
      if (radius > 2) {
        throw new IllegalArgumentException("bands look up neighbours within 2 bits at most");
      }
    }

    private int value(long hash, int b) {
      return (int) ((hash >>> start[b]) & ((1L << width[b]) - 1));
    }

    void add(long hash, int item, int kind) {
      if (size == addedHashes.length) {
        addedHashes = java.util.Arrays.copyOf(addedHashes, size * 2);
        addedTags = java.util.Arrays.copyOf(addedTags, size * 2);
      }
      addedHashes[size] = hash;
      addedTags[size++] = item << 2 | kind;
    }

    /** Sorts the added hashes into one bucket array per band (counting sort on the band value). */
    void build() {
      offsets = new int[count][];
      hashes = new long[count][size];
      tags = new int[count][size];
      for (int b = 0; b < count; b++) {
        int values = 1 << width[b];
        int[] off = new int[values + 1];
        offsets[b] = off;
        for (int k = 0; k < size; k++) {
          off[value(addedHashes[k], b) + 1]++;
        }
        for (int v = 0; v < values; v++) {
          off[v + 1] += off[v];
        }
        int[] next = java.util.Arrays.copyOf(off, values);
        for (int k = 0; k < size; k++) {
          int at = next[value(addedHashes[k], b)]++;
          hashes[b][at] = addedHashes[k];
          tags[b][at] = addedTags[k];
        }
      }
      addedHashes = null;
      addedTags = null;
    }

    /** What a batch lookup reports: an indexed item within the distance of a query item's hash. */
    interface PairHit {
      void hit(int query, int item, int kind);
    }

    /**
     * Every indexed hash within {@code maxBits} of each query's hash ({@code present} null: every
     * query; found once per band it is close on). The lookups go band by band and neighbour by
     * neighbour over the queries in the order of their band value, so the buckets are read in
     * near-sequential order rather than at random, which keeps the cost near-linear in the batch
     * once the index outgrows the caches.
     */
    void allHits(long[] queries, boolean[] present, PairHit out) {
      for (int b = 0; b < count; b++) {
        int used = 0;
        long[] order = new long[queries.length];
        for (int q = 0; q < queries.length; q++) {
          if (present == null || present[q]) {
            order[used++] = (long) value(queries[q], b) << 32 | q;
          }
        }
        java.util.Arrays.sort(order, 0, used);
        // The queries' items, band values and hashes side by side in that order, read in sequence.
        int[] items = new int[used];
        int[] values = new int[used];
        long[] sorted = new long[used];
        for (int k = 0; k < used; k++) {
          items[k] = (int) order[k];
          values[k] = (int) (order[k] >>> 32);
          sorted[k] = queries[items[k]];
        }
        order = null;
        int[] off = offsets[b];
        long[] h = hashes[b];
        int[] t = tags[b];
        for (int mask : masks(width[b], radius)) {
          for (int k = 0; k < used; k++) {
            int v = values[k] ^ mask;
            long hash = sorted[k];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
              if (Long.bitCount(h[e] ^ hash) <= maxBits) {
                out.hit(items[k], t[e] >>> 2, t[e] & 3);
              }
            }
          }
        }
      }
    }

    /** The values a band value is XORed with to reach every neighbour within {@code radius} bits. */
    static int[] masks(int width, int radius) {
      int[] out = new int[1 + (radius >= 1 ? width : 0) + (radius == 2 ? width * (width - 1) / 2 : 0)];
      int k = 0;
      out[k++] = 0;
      for (int i = 0; i < width && radius >= 1; i++) {
        out[k++] = 1 << i;
        for (int j = i + 1; j < width && radius == 2; j++) {
          out[k++] = 1 << i | 1 << j;
        }
      }
      return out;
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
