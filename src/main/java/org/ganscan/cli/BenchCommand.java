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

  @Option(names = "--grouping", description = "Instead: time grouping on synthetic records (template clustering of 1,000 to 10,000 landmark sets, reuse matching of 250 to 1,000 hashes).")
  boolean grouping;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Worker counts to measure (default: 1,2).")
  List<Integer> threads;

  @Option(names = "--seconds", defaultValue = "0", description = "Repeat each measurement for at least this long (default: one pass).")
  double seconds;

  @Option(names = "--avatar-side", defaultValue = "400", description = "Longest side of the avatar copies (default: 400).")
  int avatarSide;

  @Override
  public Integer call() throws Exception {
    if (grouping) {
      GroupingBench.run(spec.commandLine().getOut());
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
    try (StandardScan scan = StandardScan.open(ImageLimits.DEFAULT, true)) {
      for (int t : threads) {
        measure(out, "original", originals, scan, t);
        measure(out, "avatar", avatars, scan, t);
      }
      // The floor the scan is compared with: decoding the same in-memory files, nothing else.
      for (int t : threads) {
        decodeFloor(out, "original", originals, t);
        decodeFloor(out, "avatar", avatars, t);
      }
    }
    return ExitCodes.OK;
  }

  private void measure(PrintWriter out, String name, List<EncodedFile> files, StandardScan scan, int t) {
    try (Scanner scanner = scan.scanner(t)) {
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
    }
  }

  private void decodeFloor(PrintWriter out, String name, List<EncodedFile> files, int t) throws InterruptedException {
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
    return out;
  }
}
