package org.ganscan.scan;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ganscan.image.EncodedFile;
import org.ganscan.face.FaceModels;

/**
 * Runs the pipeline over a batch on a pool of worker threads, each with its own models, and hands
 * results to the sink in input order as soon as each is ready, so nothing computed is lost if the
 * run is cut short.
 */
public final class Scanner implements AutoCloseable {
  private final FaceModels models;
  private final ScanSettings settings;
  private final int threads;
  private final ExecutorService pool;
  private final ThreadLocal<Pipeline> pipelines;
  private final List<Pipeline> created = Collections.synchronizedList(new ArrayList<>());

  public Scanner(FaceModels models, ScanSettings settings, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.models = models;
    this.settings = settings;
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ganscan-worker");
      t.setDaemon(true);
      return t;
    });
    this.pipelines = ThreadLocal.withInitial(this::newPipeline);
  }

  private Pipeline newPipeline() {
    Pipeline p = new Pipeline(settings, models.newAnalyzer());
    created.add(p);
    return p;
  }

  /** Scans the files, calling {@code sink} once per file, in the files' order, from the calling thread. */
  public void scan(List<Path> files, Consumer<ScanResult> sink) {
    run(files, p -> pipelines.get().scan(p.toString(), p), sink);
  }

  /** Scans in-memory files, named by their paths, in order. */
  public void scanEncoded(List<EncodedFile> files, Consumer<ScanResult> sink) {
    run(files, f -> pipelines.get().scan(f.path().toString(), f), sink);
  }

  private <T> void run(List<T> items, Function<T, ScanResult> task, Consumer<ScanResult> sink) {
    Deque<Future<ScanResult>> inFlight = new ArrayDeque<>();
    int window = threads * 4;
    int next = 0;
    while (next < items.size() || !inFlight.isEmpty()) {
      while (next < items.size() && inFlight.size() < window) {
        T item = items.get(next++);
        inFlight.add(pool.submit(() -> task.apply(item)));
      }
      sink.accept(await(inFlight.removeFirst()));
    }
  }

  /** Scans files and returns all results in order. */
  public List<ScanResult> scanAll(List<Path> files) {
    List<ScanResult> out = new ArrayList<>(files.size());
    scan(files, out::add);
    return out;
  }

  private static ScanResult await(Future<ScanResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("worker failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (created) {
      created.forEach(Pipeline::close);
      created.clear();
    }
  }
}
