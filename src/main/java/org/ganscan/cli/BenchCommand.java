package org.ganscan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ganscan.eval.Degradation;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.ImageLimits;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.scan.InputFiles;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.Scanner;
import org.ganscan.scan.StandardScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan bench}: images per second of the full scan, on given images and on avatar-sized copies. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure scan throughput (decode, faces, landmarks, mask, traits, score) in images per second.",
      "Files are read into memory first, so disk speed is not measured. Models load once per worker",
      "thread before timing starts. The 'avatar' set is each image shrunk to at most 400 px and",
      "re-encoded as JPEG quality 85, in memory."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Image files or folders.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--grouping", paramLabel = "RESULTS.jsonl", description = "Instead: time grouping on batches made by jittering the"
      + " records of this scan results file (landmarks, hashes, spectra), at the sizes of --records.")
  Path grouping;

  @Option(names = "--records", split = ",", defaultValue = "1000,10000,100000,1000000",
      description = "Batch sizes for --grouping (default: 1000,10000,100000,1000000).")
  List<Integer> records;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Worker counts to measure (default: 1,2).")
  List<Integer> threads;

  @Option(names = "--seconds", defaultValue = "0", description = "Repeat each measurement for at least this long (default: one pass).")
  double seconds;

  @Option(names = "--avatar-side", defaultValue = "400", description = "Longest side of the avatar copies (default: 400).")
  int avatarSide;

  @Option(names = "--avatars", defaultValue = "0", description = "How many distinct avatar copies to make, cycling each image through"
      + " as is, mirrored, cropped 95 %%, grey, and mirrored and cropped 92 %% (default: one per image).")
  int avatarCount;

  @Override
  public Integer call() throws Exception {
    if (grouping != null) {
      if (records.stream().anyMatch(n -> n < 1)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--records must be at least 1: " + records);
      }
      org.ganscan.records.ScanRecords.Read read = org.ganscan.records.ScanRecords.read(grouping);
      read.warnings().forEach(w -> spec.commandLine().getErr().println("ganscan: " + w));
      GroupingBench.run(spec.commandLine().getOut(), read.records().stream().map(org.ganscan.records.ScanRecords::member).toList(), records);
      return ExitCodes.OK;
    }
    if (threads.stream().anyMatch(t -> t < 1)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1: " + threads);
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("give image files or folders to measure, or --grouping");
    }
    List<EncodedFile> originals = read(InputFiles.expand(paths));
    List<EncodedFile> avatars = avatarCopies(originals);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("ganscan bench: %d images, %d avatar copies (<= %d px, JPEG q85); %d CPU(s)%n",
        originals.size(), avatars.size(), avatarSide, Runtime.getRuntime().availableProcessors());
    out.printf("%-10s %8s %8s %12s %10s %8s%n", "set", "threads", "images", "images/s", "ms/image", "faces");
    java.util.Map<String, Double> ms = new java.util.LinkedHashMap<>();
    try (StandardScan scan = StandardScan.open(ImageLimits.DEFAULT, true)) {
      for (int t : threads) {
        ms.put("original full " + t, measure(out, "original", originals, scan, false, t));
        ms.put("avatar full " + t, measure(out, "avatar", avatars, scan, false, t));
        ms.put("avatar cascade " + t, measure(out, "av-cascade", avatars, scan, true, t));
      }
      // The floors the scan is compared with, on the same in-memory files: decoding alone; decoding,
      // detection and landmarks (what every image needs); and the person mask alone.
      for (int t : threads) {
        decodeFloor(out, "original", originals, t);
        ms.put("avatar decode " + t, decodeFloor(out, "avatar", avatars, t));
        ms.put("avatar floor " + t, modelFloor(out, "av-floor", avatars, scan, t, false));
        ms.put("avatar mask " + t, modelFloor(out, "av-mask", avatars, scan, t, true));
      }
      // Each trait alone, on one thread, on inputs made beforehand: the learned evidence's own cost among them.
      org.ganscan.scan.TraitCosts.Costs traits = org.ganscan.scan.TraitCosts.measure(scan, avatars, TRAIT_FACES);
      out.printf("each trait alone, 1 thread, ms per face (the main faces of the first %d avatars with one):%n", traits.faces());
      traits.msPerFace().forEach((k, v) -> out.printf("  %-20s %6.2f%n", k, v));
    }
    for (int t : threads) {
      out.printf("%d thread(s): cascade %.1f ms/avatar = %.2fx the decode + detect + mesh floor (%.1f ms); full %.1f ms = %.2fx;"
          + " the person mask alone %.1f ms%n", t, ms.get("avatar cascade " + t), ms.get("avatar cascade " + t) / ms.get("avatar floor " + t),
          ms.get("avatar floor " + t), ms.get("avatar full " + t), ms.get("avatar full " + t) / ms.get("avatar floor " + t), ms.get("avatar mask " + t));
    }
    if (threads.contains(1) && threads.contains(2)) {
      out.printf("2 threads / 1 thread: cascade %.2fx, full %.2fx, floor %.2fx%n", ms.get("avatar cascade 1") / ms.get("avatar cascade 2"),
          ms.get("avatar full 1") / ms.get("avatar full 2"), ms.get("avatar floor 1") / ms.get("avatar floor 2"));
    }
    long peak = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    out.printf("peak heap %.0f MB (max %.0f MB)%n", peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    return ExitCodes.OK;
  }

  /** How many avatars' main faces the per-trait costs are measured on. */
  static final int TRAIT_FACES = 300;

  private double measure(PrintWriter out, String name, List<EncodedFile> files, StandardScan scan, boolean cascade, int t) {
    try (Scanner scanner = scan.scanner(t, cascade)) {
      scanner.scanEncoded(files.subList(0, Math.min(files.size(), 4 * t)), r -> {});
      long start = System.nanoTime();
      long images = 0;
      int faces = 0;
      do {
        int[] count = new int[1];
        scanner.scanEncoded(files, r -> count[0] += r.status() == ScanResult.Status.OK ? 1 : 0);
        images += files.size();
        faces = count[0];
      } while ((System.nanoTime() - start) / 1e9 < seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      out.printf("%-10s %8d %8d %12.1f %10.1f %8d%n", name, t, images, images / elapsed, 1000 * elapsed / images, faces);
      out.flush();
      return 1000 * elapsed / images;
    }
  }

  /** Decode plus detection and landmarks on {@code t} threads, or (mask) the person mask alone on decoded images with a face. */
  private double modelFloor(PrintWriter out, String name, List<EncodedFile> files, StandardScan scan, int t, boolean mask)
      throws InterruptedException {
    PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(t);
    List<org.ganscan.face.FaceAnalyzer> analyzers = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<org.ganscan.face.FaceAnalyzer> analyzer = ThreadLocal.withInitial(() -> {
      org.ganscan.face.FaceAnalyzer a = scan.models().newAnalyzer();
      analyzers.add(a);
      return a;
    });
    List<org.ganscan.imaging.RgbImage> decoded = new ArrayList<>();
    List<org.ganscan.face.FaceAnalysis> found = new ArrayList<>();
    if (mask) {
      org.ganscan.face.FaceAnalyzer a = scan.models().newAnalyzer();
      for (EncodedFile f : files) {
        try {
          org.ganscan.imaging.RgbImage img = decoder.decode(f).image();
          org.ganscan.face.FaceAnalysis fa = a.faces(img);
          if (!fa.faces().isEmpty()) {
            decoded.add(img);
            found.add(fa);
          }
        } catch (org.ganscan.image.ImageException e) {
          // not part of the figure
        }
      }
      a.close();
    }
    try {
      long start = System.nanoTime();
      long images = 0;
      boolean warm = false;
      do {
        List<java.util.concurrent.Callable<Object>> jobs = new ArrayList<>();
        int n = mask ? decoded.size() : files.size();
        for (int i = 0; i < n; i++) {
          int k = i;
          jobs.add(() -> {
            if (mask) {
              return analyzer.get().withPersonMask(found.get(k), decoded.get(k));
            }
            try {
              return analyzer.get().faces(decoder.decode(files.get(k)).image());
            } catch (org.ganscan.image.ImageException e) {
              return null;
            }
          });
        }
        pool.invokeAll(jobs);
        if (!warm) { // the first pass warms up and loads each thread's models
          warm = true;
          start = System.nanoTime();
          continue;
        }
        images += n;
      } while (images == 0 || (System.nanoTime() - start) / 1e9 < seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      out.printf("%-10s %8d %8d %12.1f %10.1f %8s%n", name, t, images, images / elapsed, 1000 * elapsed / images, mask ? "mask" : "dec+det+mesh");
      out.flush();
      return 1000 * elapsed / images;
    } finally {
      pool.shutdownNow();
      analyzers.forEach(org.ganscan.face.FaceAnalyzer::close);
    }
  }

  private double decodeFloor(PrintWriter out, String name, List<EncodedFile> files, int t) throws InterruptedException {
    PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(t);
    try {
      long start = System.nanoTime();
      long images = 0;
      do {
        List<java.util.concurrent.Callable<Object>> jobs = new ArrayList<>();
        for (EncodedFile f : files) {
          jobs.add(() -> {
            try {
              return decoder.decode(f);
            } catch (org.ganscan.image.ImageException e) {
              return null; // unreadable files cost their refusal, as in a scan
            }
          });
        }
        pool.invokeAll(jobs);
        images += files.size();
      } while ((System.nanoTime() - start) / 1e9 < seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      out.printf("%-10s %8d %8d %12.1f %10.1f %8s%n", name + "-dec", t, images, images / elapsed, 1000 * elapsed / images, "decode");
      out.flush();
      return 1000 * elapsed / images;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<EncodedFile> read(List<Path> files) {
    List<EncodedFile> out = new ArrayList<>();
    for (Path p : files) {
      try {
        out.add(ImageLimits.DEFAULT.read(p));
      } catch (ImageException e) {
        // Unreadable files are not part of a throughput figure.
      }
    }
    return out;
  }

  private List<EncodedFile> avatarCopies(List<EncodedFile> originals) {
    PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();
    Encoder encoder = new Encoder();
    List<EncodedFile> out = new ArrayList<>();
    for (EncodedFile f : originals) {
      Degradation.copy(f, decoder, encoder, avatarSide, 85, "avatar").ifPresent(out::add); // not an image: nothing to shrink
    }
    if (avatarCount <= 0) {
      return out;
    }
    // More distinct avatars: each image again mirrored, cropped, grey, and mirrored and cropped.
    List<EncodedFile> more = new ArrayList<>();
    for (int variant = 0; more.size() < avatarCount && variant < 5; variant++) {
      for (EncodedFile f : out) {
        if (more.size() == avatarCount) {
          break;
        }
        if (variant == 0) {
          more.add(f);
          continue;
        }
        try {
          org.ganscan.imaging.RgbImage img = decoder.decode(f).image();
          img = switch (variant) {
            case 1 -> org.ganscan.imaging.Transforms.mirror(img);
            case 2 -> org.ganscan.imaging.Transforms.crop(img, 0.05); // keeps 95 %
            case 3 -> org.ganscan.imaging.Transforms.grey(img);
            default -> org.ganscan.imaging.Transforms.crop(org.ganscan.imaging.Transforms.mirror(img), 0.08);
          };
          byte[] jpeg = encoder.jpeg(img, 85);
          more.add(new EncodedFile(Path.of(f.path() + "#v" + variant), jpeg, org.ganscan.cache.ResourceCache.sha256(jpeg)));
        } catch (ImageException e) {
          // skipped
        }
      }
    }
    return more;
  }
}
