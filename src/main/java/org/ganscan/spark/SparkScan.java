package org.ganscan.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.ganscan.group.Group;
import org.ganscan.group.Grouper;
import org.ganscan.group.Member;
import org.ganscan.group.ReuseFinder;
import org.ganscan.image.EncodedFile;
import org.ganscan.records.GroupsCodec;
import org.ganscan.records.ScanRecordCodec;
import org.ganscan.scan.InputFiles;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.Scanner;
import org.ganscan.scan.StandardScan;
import scala.Tuple2;

/**
 * The scan as a Spark job: lists the inputs on the driver (local paths exactly as {@code ganscan
 * scan} walks them; other file systems through Hadoop's {@link FileSystem}), scans them in tasks
 * with the executor's shared models ({@link ExecutorScans}) and the CLI's own per-file runner (the
 * same limits, per-file time limit and error records), writes the records in the batch's order as
 * JSON Lines and as Parquet, and groups the batch: template clusters by grid buckets ({@link
 * SparkTemplates}), reuse candidates by a join on the perceptual hashes' bands, and trace pairs on
 * the grid the batch's sums give ({@link SparkTraces}), across the cluster; the sums, the unions
 * and the groups' evidence on the driver from the records' landmarks and fingerprints, with the
 * same code as {@code ganscan group}.
 */
public final class SparkScan {
  /** Face-hash band keys live apart from whole-image ones in the band join. */
  private static final long FACE_KEYS = 1L << 40;

  private final SparkSession spark;
  private final JobSettings settings;
  private final int partitions;

  /**
   * @param partitions how many tasks share the files (each task loads nothing: its executor's models are shared)
   */
  SparkScan(SparkSession spark, JobSettings settings, int partitions) {
    this.spark = spark;
    this.settings = settings;
    this.partitions = partitions;
  }

  /** What the job wrote. */
  record Outcome(long records, List<Group> groups, String recordsDir, String parquetDir, String groupsFile) {}

  Outcome run(List<String> inputs, String outDir) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<FileTask> tasks = list(inputs, conf);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<JobSettings> shared = jsc.broadcast(settings);
    SerializableConfiguration hadoop = new SerializableConfiguration(conf);
    // Scanned once and kept (the sort samples its input before it shuffles it), then put in order.
    JavaPairRDD<Long, String> scanned = jsc.parallelize(tasks, Math.max(1, Math.min(partitions, tasks.size())))
        .mapPartitionsToPair(it -> scan(shared.value(), hadoop, it))
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<Long, String> lines = scanned.sortByKey(true, Math.max(1, partitions))
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    String recordsDir = outDir + "/records.jsonl";
    String parquetDir = outDir + "/records.parquet";
    lines.values().saveAsTextFile(recordsDir);
    spark.read().json(spark.createDataset(lines.values().rdd(), Encoders.STRING())).write().parquet(parquetDir);

    JavaRDD<MemberRow> members = lines.map(t -> MemberRow.of(t._1(), ScanRecordCodec.fromJsonLine(t._2()))).cache();
    long[] reuse = reusePairs(members);
    List<Member> all = members.collect().stream().map(MemberRow::member).toList();
    int[] templates = SparkTemplates.labels(members, all.size());
    // The search's positions are over the members with a fingerprint, in batch order.
    int[] printedIndex = java.util.stream.IntStream.range(0, all.size()).filter(i -> all.get(i).fingerprint() != null).toArray();
    List<Group> groups = new Grouper().group(all, templates, reuse, search -> {
      int[] positionOf = new int[all.size()];
      java.util.Arrays.fill(positionOf, -1);
      for (int p = 0; p < search.idx().size(); p++) {
        positionOf[printedIndex[search.idx().get(p)]] = p;
      }
      return SparkTraces.pairs(jsc, members, positionOf, search.grid(), search.cut());
    });
    String groupsFile = outDir + "/groups.json";
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(groupsFile);
    try (OutputStream out = target.getFileSystem(conf).create(target, true)) {
      out.write(GroupsCodec.toJson(groups).getBytes(StandardCharsets.UTF_8));
    }
    scanned.unpersist();
    lines.unpersist();
    members.unpersist();
    return new Outcome(tasks.size(), groups, recordsDir, parquetDir, groupsFile);
  }

  /**
   * The reuse pairs, matched in a distributed join: each image's hashes under their band keys,
   * each image's lookups under theirs ({@link ReuseFinder#indexKeys}, {@link ReuseFinder#lookupKeys}:
   * the same multi-index hashing as one machine's), joined on the key; each candidate pair is then
   * tested with the same rule ({@link ReuseFinder#matches}). Keys are over the images that have a
   * fingerprint, in batch order, as {@link Grouper#group(List, long[])} expects.
   */
  static long[] reusePairs(JavaRDD<MemberRow> members) {
    JavaPairRDD<Long, MemberRow> printed = members.filter(MemberRow::printed).zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
    JavaPairRDD<Long, Long> indexed = printed.flatMapToPair(t -> {
      List<Tuple2<Long, Long>> out = new ArrayList<>();
      for (long h : new long[] {t._2().whole()[0], t._2().whole()[1], t._2().centres()[0], t._2().centres()[1]}) {
        for (long k : ReuseFinder.indexKeys(h)) {
          out.add(new Tuple2<>(k, t._1()));
        }
      }
      if (t._2().face() != null) {
        for (long h : t._2().face()) {
          for (long k : ReuseFinder.indexKeys(h)) {
            out.add(new Tuple2<>(k | FACE_KEYS, t._1()));
          }
        }
      }
      return out.iterator();
    });
    JavaPairRDD<Long, Long> lookups = printed.flatMapToPair(t -> {
      List<Tuple2<Long, Long>> out = new ArrayList<>();
      for (long k : ReuseFinder.lookupKeys(t._2().whole()[0], ReuseFinder.maxWholeBits())) {
        out.add(new Tuple2<>(k, t._1()));
      }
      if (t._2().face() != null) {
        for (long k : ReuseFinder.lookupKeys(t._2().face()[0], ReuseFinder.maxFaceBits())) {
          out.add(new Tuple2<>(k | FACE_KEYS, t._1()));
        }
      }
      return out.iterator();
    });
    JavaPairRDD<Long, Long> candidates = lookups.join(indexed)
        .filter(t -> !t._2()._1().equals(t._2()._2()))
        .mapToPair(t -> new Tuple2<>(Math.min(t._2()._1(), t._2()._2()), Math.max(t._2()._1(), t._2()._2())))
        .distinct();
    List<Long> matched = candidates.join(printed)
        .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())))
        .join(printed)
        .filter(t -> ReuseFinder.matches(t._2()._1()._2().fingerprint(), t._2()._2().fingerprint()))
        .map(t -> t._2()._1()._1() << 32 | t._1())
        .collect();
    return matched.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** Scans one partition's files in order with one per-file runner on the executor's shared models. */
  private static Iterator<Tuple2<Long, String>> scan(JobSettings settings, SerializableConfiguration hadoop, Iterator<FileTask> tasks) {
    StandardScan scan = ExecutorScans.of(settings);
    List<Tuple2<Long, String>> out = new ArrayList<>();
    try (Scanner scanner = scan.scanner(1)) {
      while (tasks.hasNext()) {
        FileTask t = tasks.next();
        ScanResult r;
        if (t.local()) {
          List<ScanResult> one = scanner.scanAll(List.of(Path.of(t.location())));
          r = one.get(0);
        } else {
          r = remote(scanner, settings, hadoop, t);
        }
        out.add(new Tuple2<>(t.index(), ScanRecordCodec.toJsonLine(r, scan.tool())));
      }
    }
    return out.iterator();
  }

  /** A file on another file system: read through Hadoop within the size limit, then scanned from memory. */
  private static ScanResult remote(Scanner scanner, JobSettings settings, SerializableConfiguration hadoop, FileTask t) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(t.location());
    long max = org.ganscan.image.ImageLimits.DEFAULT.maxFileBytes();
    EncodedFile file;
    try {
      FileSystem fs = p.getFileSystem(hadoop.get());
      FileStatus status = fs.getFileStatus(p);
      if (!status.isFile()) {
        return ScanResult.failed(t.shown(), "unreadable: not a regular file");
      }
      if (status.getLen() > max) {
        return ScanResult.failed(t.shown(), "file too large: " + status.getLen() + " bytes exceeds the limit of " + max + " bytes");
      }
      try (InputStream in = fs.open(p)) {
        file = EncodedFile.read(Path.of(t.shown()), in, max); // the reader scan uses: sniffed, bounded
      }
    } catch (org.ganscan.image.ImageException e) {
      return ScanResult.failed(t.shown(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      return ScanResult.failed(t.shown(), "unreadable: " + e.getMessage());
    }
    List<ScanResult> one = new ArrayList<>();
    scanner.scanEncoded(List.of(file), one::add);
    return one.get(0).withUri(p.toUri().toString());
  }

  /**
   * The batch's files in order: a local path (no scheme, or {@code file:}) walked exactly as
   * {@code ganscan scan} walks it, so records show the same paths; any other URI listed
   * recursively through Hadoop, in sorted order, shown as its full URI. Each file once, as in
   * {@code ganscan scan}: a file an earlier input already listed keeps its first place.
   */
  static List<FileTask> list(List<String> inputs, Configuration conf) throws IOException {
    List<FileTask> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String input : inputs) {
      java.net.URI uri = new org.apache.hadoop.fs.Path(input).toUri();
      if (uri.getScheme() == null || uri.getScheme().equals("file")) {
        Path local = uri.getScheme() == null ? Path.of(input) : Path.of(uri);
        for (Path p : InputFiles.expand(List.of(local))) {
          if (seen.add(InputFiles.identity(p).toUri().toString())) {
            out.add(new FileTask(out.size(), p.toString(), p.toString(), true));
          }
        }
        continue;
      }
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(input);
      FileSystem fs = root.getFileSystem(conf);
      List<String> found = new ArrayList<>();
      if (fs.getFileStatus(root).isFile()) {
        found.add(root.toString());
      } else {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
          found.add(it.next().getPath().toString());
        }
        found.sort(null);
      }
      for (String f : found) {
        if (seen.add(f)) {
          out.add(new FileTask(out.size(), f, f, false));
        }
      }
    }
    return out;
  }

  /** Hadoop's configuration, shipped to tasks (it is not serialisable itself). */
  static final class SerializableConfiguration implements java.io.Serializable {
    private transient Configuration conf;

    SerializableConfiguration(Configuration conf) {
      this.conf = conf;
    }

    Configuration get() {
      return conf;
    }

    private void writeObject(java.io.ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      conf.write(out);
    }

    private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      conf = new Configuration(false);
      conf.readFields(in);
    }
  }

  /** For tests and the job's summary: the local copy of a records folder's part files, in order. */
  static List<String> readLines(Path recordsDir) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path part : org.ganscan.records.ScanRecords.partFiles(recordsDir)) {
      out.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
    }
    return out;
  }

}
