package org.ganscan.eval;

import java.util.ArrayList;
import java.util.List;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.Scanner;
import org.ganscan.scan.StandardScan;
import org.ganscan.score.FeatureSpace;

/** Scans a degraded variant of every labelled item and keeps the main face's features. */
public final class Measurer {
  private final StandardScan scan;
  private final FeatureSpace space;
  private final int threads;

  public Measurer(StandardScan scan, int threads) {
    this.scan = scan;
    this.space = FeatureSpace.of(scan.settings().traits());
    this.threads = threads;
  }

  /** The features every {@link Measured} holds, in order. */
  public FeatureSpace space() {
    return space;
  }

  /**
   * The items measured on every fitting copy ({@link Degradation#FITTING}), concatenated; each
   * variant is measured once and kept in {@code measured} for reuse.
   */
  public List<Measured> measureFitting(List<LabelledItem> items, java.util.Map<Degradation, List<Measured>> measured) {
    List<Measured> out = new ArrayList<>();
    for (Degradation d : Degradation.FITTING) {
      out.addAll(measured.computeIfAbsent(d, v -> measure(items, v)));
    }
    return out;
  }

  public List<Measured> measure(List<LabelledItem> items, Degradation variant) {
    return measure(items, variant::apply);
  }

  /** The items measured on the copies {@code copier} makes, in order; items that are not images are left out. */
  public List<Measured> measure(List<LabelledItem> items, Copier copier) {
    PortraitDecoder decoder = scan.settings().limits().decoder();
    Encoder encoder = new Encoder();
    List<LabelledItem> kept = new ArrayList<>();
    List<EncodedFile> files = new ArrayList<>();
    for (LabelledItem item : items) {
      copier.copy(item.file(), decoder, encoder).ifPresent(f -> {
        kept.add(item);
        files.add(f);
      });
    }
    List<Measured> out = new ArrayList<>();
    try (Scanner scanner = scan.scanner(threads)) {
      List<ScanResult> results = new ArrayList<>();
      scanner.scanEncoded(files, results::add);
      for (int i = 0; i < kept.size(); i++) {
        LabelledItem item = kept.get(i);
        out.add(results.get(i).mainFace()
            .map(f -> new Measured(item, space.extract(f.traits()), f.traits()))
            .orElse(new Measured(item, null, List.of())));
      }
    }
    return out;
  }
}
