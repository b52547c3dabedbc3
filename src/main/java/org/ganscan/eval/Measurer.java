package org.ganscan.eval;

import java.util.ArrayList;
import java.util.List;
import org.ganscan.face.FaceModels;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ScanSettings;
import org.ganscan.scan.Scanner;
import org.ganscan.score.Features;

/** Scans a degraded variant of every labelled item and keeps the main face's features. */
public final class Measurer {
  private final FaceModels models;
  private final ScanSettings settings;
  private final int threads;

  public Measurer(FaceModels models, ScanSettings settings, int threads) {
    this.models = models;
    this.settings = settings;
    this.threads = threads;
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
    PortraitDecoder decoder = new PortraitDecoder(PortraitDecoder.DEFAULT_PIXEL_LIMIT);
    Encoder encoder = new Encoder();
    List<LabelledItem> kept = new ArrayList<>();
    List<EncodedFile> files = new ArrayList<>();
    for (LabelledItem item : items) {
      variant.apply(item.file(), decoder, encoder).ifPresent(f -> {
        kept.add(item);
        files.add(f);
      });
    }
    List<Measured> out = new ArrayList<>();
    try (Scanner scanner = new Scanner(models, settings, threads)) {
      List<ScanResult> results = new ArrayList<>();
      scanner.scanEncoded(files, results::add);
      for (int i = 0; i < kept.size(); i++) {
        LabelledItem item = kept.get(i);
        out.add(results.get(i).mainFace()
            .map(f -> new Measured(item, Features.extract(f.traits()), f.traits()))
            .orElse(new Measured(item, null, List.of())));
      }
    }
    return out;
  }
}
