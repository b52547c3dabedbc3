package org.ganscan.spark;

import java.util.concurrent.ConcurrentHashMap;
import org.ganscan.scan.StandardScan;

/**
 * The models of each executor JVM, loaded once and shared by its task threads (each task scans
 * with its own pipeline). Spark runs tasks in long-lived executors it owns, so this per-JVM table
 * is the job's one piece of process-wide state; the library itself keeps none. Models stay loaded
 * for the executor's life.
 */
final class ExecutorScans {
  private static final ConcurrentHashMap<String, StandardScan> SCANS = new ConcurrentHashMap<>();

  private ExecutorScans() {}

  static StandardScan of(JobSettings settings) {
    return SCANS.computeIfAbsent(settings.key(), k -> StandardScan.open(settings.scanSettings(), false));
  }
}
