package org.ganscan.scan;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  private static final long POLL_MS = 100;

  private final FaceModels models;
  private final ScanSettings settings;
  private final int threads;
  private final ThreadPoolExecutor pool;
  /** Each worker's pipeline, made on its first file and closed by the worker itself when it exits. */
  private final ThreadLocal<Pipeline> pipelines = new ThreadLocal<>();
  private final List<Thread> workers = Collections.synchronizedList(new ArrayList<>());

  public Scanner(FaceModels models, ScanSettings settings, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.models = models;
    this.settings = settings;
    this.threads = threads;
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(() -> {
        try {
          r.run();
        } finally {
          closeOwnPipeline();
        }
      }, "ganscan-worker");
      t.setDaemon(true);
      workers.add(t);
      return t;
    });
  }

  private Pipeline pipeline() {
    Pipeline p = pipelines.get();
    if (p == null) {
      p = new Pipeline(settings, models.newAnalyzer());
      pipelines.set(p);
    }
    return p;
  }

  /**
   * Run by each worker as it exits. A worker stuck in native code on a file given up on exits
   * only when that call returns, so its models are closed by it, never under it.
   */
  private void closeOwnPipeline() {
    Pipeline p = pipelines.get();
    if (p != null) {
      pipelines.remove();
      p.close();
    }
  }

  /** Scans the files, calling {@code sink} once per file, in the files' order, from the calling thread. */
  public void scan(List<Path> files, Consumer<ScanResult> sink) {
    java.util.Iterator<Path> located = files.iterator(); // results arrive in the files' order, one each
    run(files, Path::toString, p -> pipeline().scan(p.toString(), p), r -> sink.accept(r.at(located.next())));
  }

  /** Scans in-memory files, named by their paths, in order. */
  public void scanEncoded(List<EncodedFile> files, Consumer<ScanResult> sink) {
    run(files, f -> f.path().toString(), f -> pipeline().scan(f.path().toString(), f), sink);
  }

  /**
   * How far a worker is with one file: when and on which thread it started (0: not yet), the
   * thread's CPU time then (-1: not measurable), and whether its call has returned. Written by the
   * worker, read by the calling thread.
   */
  private static final class Clock {
    volatile long startedNanos;
    volatile long threadId;
    volatile long cpuAtStart = -1;
    volatile boolean returned;

    void start() {
      threadId = Thread.currentThread().getId();
      cpuAtStart = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
      startedNanos = System.nanoTime();
    }

    /** CPU time the worker has spent on this file, or -1 when that cannot be measured. */
    long cpuNanos() {
      long start = cpuAtStart;
      long now = start < 0 ? -1 : CPU.getThreadCpuTime(threadId);
      return now < 0 ? -1 : now - start;
    }
  }

  /** One file in flight: its future, the path its record shows, and its worker's clock. */
  private record Task(Future<ScanResult> future, String name, Clock clock) {}

  /**
   * Files given up on past the per-file limit whose workers may still be busy with them (pruned as
   * their calls return). Read and written by the calling thread only.
   */
  private final List<Clock> givenUp = new ArrayList<>();

  private <T> void run(List<T> items, Function<T, String> name, Function<T, ScanResult> task, Consumer<ScanResult> sink) {
    Deque<Task> inFlight = new ArrayDeque<>();
    int window = threads * 4;
    int next = 0;
    while (next < items.size() || !inFlight.isEmpty()) {
      while (next < items.size() && inFlight.size() < window) {
        T item = items.get(next++);
        Clock clock = new Clock();
        inFlight.add(new Task(pool.submit(() -> {
          clock.start();
          try {
            return task.apply(item);
          } finally {
            clock.returned = true;
          }
        }), name.apply(item), clock));
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

  /**
   * The task's result; an error record when it runs past the per-file limit (the file is given
   * up on, its worker replaced, and the records after it are not held back) or when it fails with
   * anything the pipeline did not turn into a record itself.
   */
  private ScanResult await(Task t) {
    long limit = settings.perFile().toNanos();
    while (true) {
      try {
        return t.future().get(POLL_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long started = t.clock().startedNanos;
        givenUp.removeIf(c -> c.returned);
        long cpu = t.clock().cpuNanos();
        int busy = cpu < 0 ? 0 : givenUp.size(); // without CPU time, the bare limit on the clock
        if (started != 0 && overLimit(cpu, System.nanoTime() - started, limit, busy)) {
          t.future().cancel(true);
          givenUp.add(t.clock());
          int size = pool.getMaximumPoolSize() + 1; // a worker may stay stuck in native code: add one in its place
          pool.setMaximumPoolSize(size);
          pool.setCorePoolSize(size);
          return ScanResult.failed(t.name(), "gave up after the per-file limit of " + new java.math.BigDecimal(settings.perFile().toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString()
              + " s (--file-timeout" + (busy == 0 ? "" : "; " + busy + " file(s) given up on before it still running, it had that long in CPU time or "
                  + (1 + busy) + "x that long on the clock") + "); the batch went on");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scan interrupted", e);
      } catch (ExecutionException e) {
        return ScanResult.failed(t.name(), "internal error while analysing: " + e.getCause());
      }
    }
  }

  /**
   * Whether a file that has used {@code cpu} of CPU time and {@code wall} on the clock has had its
   * time, with {@code busy} files given up on still running. With none, that is the limit in
   * wall-clock time. Files given up on keep their workers busy until their native calls return,
   * and they crowd the cores, so while some still run a file gets the limit in CPU time, or the
   * limit in wall-clock time once more for each of them, whichever comes first: crowding alone
   * cannot make the files after them run out of time, and a file that waits without working is
   * still given up on.
   */
  private static boolean overLimit(long cpu, long wall, long limit, int busy) {
    if (busy == 0) {
      return wall > limit;
    }
    long stretched = limit > Long.MAX_VALUE / (1 + busy) ? Long.MAX_VALUE : limit * (1 + busy);
    return cpu > limit || wall > stretched;
  }

  /**
   * Stops the workers. Unless a file given up on still runs, it returns once every worker has
   * closed its pipeline. Otherwise it does not wait for the workers still busy with such files:
   * each closes its own pipeline when its file's native call returns, and {@link FaceModels} frees
   * the shared models only after the last pipeline is closed.
   */
  @Override
  public void close() {
    givenUp.removeIf(c -> c.returned);
    if (!givenUp.isEmpty()) {
      pool.shutdownNow();
      return;
    }
    pool.shutdown();
    try {
      if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
        List<Thread> all;
        synchronized (workers) {
          all = List.copyOf(workers);
        }
        for (Thread t : all) {
          t.join(TimeUnit.MINUTES.toMillis(1)); // each closes its pipeline on the way out
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
