package org.ganscan.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ganscan.group.Group;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit --class org.ganscan.spark.ScanJob ganscan.jar INPUT... --out DIR}: the scan
 * and the groups of a batch on a Spark cluster (or {@code --master local[N]}). Writes {@code
 * DIR/records.jsonl/part-*} (the scan records, in the batch's order: concatenated, they are what
 * {@code ganscan scan --out} writes), {@code DIR/records.parquet} (the same fields) and {@code
 * DIR/groups.json} (what {@code ganscan group} writes).
 */
@Command(name = "ganscan-spark", mixinStandardHelpOptions = true,
    description = "Scan and group a batch on Spark: the same records and groups as ganscan scan and ganscan group.")
public final class ScanJob implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders: local paths or any Hadoop file system URI (hdfs://, s3a://, ...).")
  List<String> inputs;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (local path or URI); must not exist.")
  String out;

  @Option(names = "--partitions", defaultValue = "0", description = "Tasks to split the files into (default: 4 per core Spark offers).")
  int partitions;

  @Option(names = "--max-megapixels", defaultValue = "100", description = "Refuse images larger than this (default: 100).")
  double maxMegapixels;

  @Option(names = "--file-timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Give up on a file after this long (default: 60).")
  double fileTimeout;

  @Option(names = "--full", description = "Run every stage on every image (no cascade).")
  boolean full;

  @Option(names = "--model", paramLabel = "FILE|DIR", description = "Score with this model (model.json, or a folder holding one), read on the driver.")
  Path model;

  @Override
  public Integer call() throws Exception {
    if (maxMegapixels <= 0 || fileTimeout <= 0 || partitions < 0) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--max-megapixels, --file-timeout and --partitions must be positive");
    }
    byte[] modelJson = null;
    String modelName = null;
    byte[] probeJson = null;
    if (model != null) {
      Path file = org.ganscan.scan.StandardScan.modelFile(model);
      modelJson = Files.readAllBytes(file);
      modelName = file.getFileName().toString();
      Path probe = org.ganscan.scan.StandardScan.probeFile(file);
      probeJson = probe == null ? null : Files.readAllBytes(probe);
    }
    JobSettings settings = new JobSettings((long) (maxMegapixels * 1e6), full, (long) (fileTimeout * 1000), modelJson, modelName, probeJson);
    settings.scanSettings(); // a model that does not fit the traits stops here, on the driver, before Spark starts
    SparkSession spark = SparkSession.builder().appName("ganscan").getOrCreate();
    try {
      int tasks = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
      SparkScan.Outcome o = new SparkScan(spark, settings, tasks).run(inputs, out);
      System.err.printf("ganscan-spark: %d file(s), %d group(s) (%d template, %d reuse, %d trace); records in %s and %s, groups in %s%n",
          o.records(), o.groups().size(), count(o.groups(), Group.Kind.TEMPLATE), count(o.groups(), Group.Kind.REUSE),
          count(o.groups(), Group.Kind.TRACE), o.recordsDir(), o.parquetDir(), o.groupsFile());
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static long count(List<Group> groups, Group.Kind kind) {
    return groups.stream().filter(g -> g.kind() == kind).count();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ScanJob()).execute(args));
  }

}
