package org.ganscan.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ganscan.Samples;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.Pipeline;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.StandardScan;
import org.junit.jupiter.api.Test;

/**
 * Reuse matching from band candidates finds exactly the pairs that comparing every pair finds (the
 * naive oracle), on real fingerprints, on copies of them with up to 9 hash bits flipped, which
 * puts many pairs on either side of every threshold, and on copies cropped to their middle; with
 * each of the two band layouts.
 */
class ReuseBandsTest {
  private static long flip(long hash, int bits, Random random) {
    for (int k = 0; k < bits; k++) {
      hash ^= 1L << random.nextInt(64);
    }
    return hash;
  }

  @Test
  void bandCandidatesFindExactlyThePairsAllPairsFind() {
    List<Fingerprint> real = new ArrayList<>();
    try (StandardScan scan = StandardScan.open(ImageLimits.DEFAULT, false); Pipeline pipeline = scan.pipeline()) {
      for (java.nio.file.Path p : java.util.stream.Stream.concat(Samples.gan().stream(), Samples.real().stream()).toList()) {
        ScanResult r = pipeline.scan(p.toString(), p);
        if (r.fingerprint() != null) {
          real.add(r.fingerprint());
        }
      }
    }
    Random random = new Random(17);
    List<Fingerprint> prints = new ArrayList<>(real);
    for (int copy = 0; copy < 120; copy++) {
      Fingerprint f = real.get(random.nextInt(real.size()));
      int bits = random.nextInt(10);
      long[] whole = {flip(f.wholeHash(0), bits, random), flip(f.wholeHash(1), bits, random)};
      long[] centres = {flip(f.centreHash(0), random.nextInt(10), random), flip(f.centreHash(1), random.nextInt(10), random)};
      long[] face = f.hasFace() ? new long[] {flip(f.faceHash(0), random.nextInt(7), random), flip(f.faceHash(1), random.nextInt(7), random)} : null;
      prints.add(new Fingerprint(whole, face, f.colourfulness(), f.interocular(), f.spectrum(), centres));
    }
    // Copies cropped to the middle: their whole hash near the original's centre hash (found only
    // from the copy's side, since the original comes first), their own hashes otherwise unrelated.
    for (int copy = 0; copy < 60; copy++) {
      Fingerprint f = real.get(random.nextInt(real.size()));
      long[] whole = {flip(f.centreHash(random.nextInt(2)), random.nextInt(9), random), random.nextLong()};
      prints.add(new Fingerprint(whole, null, f.colourfulness(), null, null, new long[] {random.nextLong(), random.nextLong()}));
    }
    List<ReuseFinder.Pair> all = new ReuseFinder().allPairs(prints);
    assertTrue(all.size() > 100, "the copies make many pairs: " + all.size());
    // Both band layouts: four 16-bit bands (smaller batches) and three wide ones (large batches).
    assertEquals(all, new ReuseFinder().pairs(prints));
    assertEquals(all, new ReuseFinder(4).pairs(prints));
    assertEquals(all, new ReuseFinder(3).pairs(prints));
  }
}
