package org.ganscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ganscan.DevSet;
import org.ganscan.Samples;
import org.ganscan.cli.Main;
import org.ganscan.group.Group;
import org.ganscan.image.ImageLimits;
import org.ganscan.records.GroupsCodec;
import org.ganscan.records.ScanRecord;
import org.ganscan.records.ScanRecordCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark job in local mode on two cores gives, for the same files, byte for byte the records
 * {@code ganscan scan} writes and the groups {@code ganscan group --from} finds, and Parquet with
 * the same values.
 */
class SparkScanTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("ganscan-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static int cli(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  private static void sameAsTheCli(Path input, Path dir, int minGroups) throws Exception {
    Path cliRecords = dir.resolve("cli.jsonl");
    assertEquals(0, cli("scan", input.toString(), "--out", cliRecords.toString(), "--quiet"));
    assertEquals(0, cli("group", "--from", cliRecords.toString(), "--out-dir", dir.resolve("cli-groups").toString()));
    List<String> expected = Files.readAllLines(cliRecords, StandardCharsets.UTF_8);

    JobSettings settings = new JobSettings(ImageLimits.DEFAULT_MAX_PIXELS, false, 60_000, null, null);
    SparkScan.Outcome o = new SparkScan(spark, settings, 6).run(List.of(input.toString()), dir.resolve("spark").toString());
    List<String> got = SparkScan.readLines(dir.resolve("spark/records.jsonl"));
    assertEquals(expected.size(), o.records());
    assertEquals(expected.size(), got.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), got.get(i), "record " + i);
    }
    List<Group> cliGroups = GroupsCodec.read(dir.resolve("cli-groups/groups.json"));
    assertTrue(cliGroups.size() >= minGroups, "the batch has groups to compare: " + cliGroups.size());
    assertEquals(GroupsCodec.toJson(cliGroups), Files.readString(dir.resolve("spark/groups.json")));

    // Parquet holds the same records: every path once, with its sha256, verdict and score.
    List<Row> rows = spark.read().parquet(dir.resolve("spark/records.parquet").toString())
        .select("path", "sha256", "verdict", "score").orderBy("path").collectAsList();
    List<ScanRecord> records = expected.stream().map(ScanRecordCodec::fromJsonLine)
        .sorted(java.util.Comparator.comparing(ScanRecord::path)).toList();
    assertEquals(records.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ScanRecord r = records.get(i);
      Row row = rows.get(i);
      assertEquals(r.path(), row.getString(0));
      assertEquals(r.sha256(), row.getString(1));
      assertEquals(r.verdict().json(), row.getString(2));
      assertEquals(r.score() == null, row.isNullAt(3), r.path());
      if (r.score() != null) {
        assertEquals(r.score(), row.getDouble(3), 1e-12, r.path());
      }
    }
  }

  @Test
  void theDemoSamplesGiveTheCliRecordsAndGroups(@TempDir Path dir) throws Exception {
    // Two copies of a sample make a reuse group; a text file gets its error record.
    Path batch = dir.resolve("batch");
    for (Path p : java.util.stream.Stream.concat(Samples.gan().stream(), Samples.real().stream()).toList()) {
      Path to = batch.resolve(Samples.root().relativize(p).toString());
      Files.createDirectories(to.getParent());
      Files.copy(p, to);
    }
    Files.copy(Samples.gan().get(0), batch.resolve("gan/copy-of-first.png"));
    Files.writeString(batch.resolve("notes.txt"), "not an image");
    sameAsTheCli(batch, dir, 1);
    assertFalse(Files.readString(dir.resolve("spark/groups.json")).isBlank());
    // report and group read the job's folder of part files as one results file.
    Path html = dir.resolve("report.html");
    assertEquals(0, cli("report", dir.resolve("spark/records.jsonl").toString(), "--groups", dir.resolve("spark/groups.json").toString(),
        "-o", html.toString()));
    assertTrue(Files.readString(html).contains("copy-of-first.png"), "the report lists the batch");
    assertEquals(0, cli("group", "--from", dir.resolve("spark/records.jsonl").toString(), "--out-dir", dir.resolve("regrouped").toString()));
    assertEquals(Files.readString(dir.resolve("spark/groups.json")), Files.readString(dir.resolve("regrouped/groups.json")));
  }

  @Test
  void theDevSetGivesTheCliRecordsAndGroups(@TempDir Path dir) throws Exception {
    sameAsTheCli(DevSet.root(), dir, 2);
  }

  /**
   * The distributed template clustering gives the one-machine clusters on a batch made to be hard
   * for buckets: a dense template straddling cells, a looser one near its density limit, chains,
   * copies of one photo, scattered faces and faces without landmarks.
   */
  @Test
  void bucketedTemplatesEqualTheOneMachineClusters() {
    java.util.Random r = new java.util.Random(9);
    double[] template = {0.375, 0.474, 0.625, 0.474, 0.5, 0.6, 0.5, 0.72, 0.28, 0.55, 0.72, 0.55};
    List<MemberRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      int kind = r.nextInt(10);
      double[] l = new double[12];
      for (int k = 0; k < 12; k++) {
        double spread = kind < 3 ? 0.006 : kind == 3 ? 0.004 : 0.08;
        double shift = kind == 3 ? 0.1 : 0; // another shared framing
        l[k] = template[k] + shift + r.nextGaussian() * spread * (k < 4 ? 1 : 2);
      }
      if (kind == 4 && i > 0 && rows.get(i - 1).landmarks() != null) {
        l = rows.get(i - 1).landmarks().clone(); // a copy of the photo before
      }
      if (kind == 5) {
        for (int k = 0; k < 12; k++) {
          l[k] = template[k] - 0.3 + 0.2 * (i % 89) / 89.0 + r.nextGaussian() * 0.001; // a chain
        }
      }
      boolean noFace = kind == 6 && r.nextInt(4) == 0;
      rows.add(new MemberRow(i, String.format("b/%05d.jpg", i), null, 400, 400, noFace ? null : l, null, null, 0, null, null, null));
    }
    List<org.ganscan.group.Member> members = rows.stream().map(MemberRow::member).toList();
    org.apache.spark.api.java.JavaSparkContext jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    int[] labels = SparkTemplates.labels(jsc.parallelize(rows, 8), rows.size());
    List<Group> expected = new org.ganscan.group.TemplateClusters().find(members);
    List<Group> got = new org.ganscan.group.TemplateClusters().fromLabels(members, labels);
    assertTrue(expected.size() >= 2 && expected.stream().anyMatch(g -> g.members().size() > 500), "the batch has large clusters: " + expected.size());
    assertEquals(GroupsCodec.toJson(expected), GroupsCodec.toJson(got));
  }

  /** The distributed trace pair search gives the one-machine trace groups on spectra of shared pipelines among others. */
  @Test
  void gridTracePairsEqualTheOneMachineGroups() {
    java.util.Random r = new java.util.Random(13);
    double[][] families = new double[6][16];
    for (double[] f : families) {
      double slope = 0.1 + 0.2 * r.nextDouble();
      for (int b = 0; b < 16; b++) {
        f[b] = -slope * b + r.nextGaussian() * 0.3;
      }
    }
    List<MemberRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      boolean pipeline = i % 25 == 0; // one image in 25 from one of the shared pipelines
      double[] f = families[r.nextInt(families.length)];
      double[] spectrum = new double[16];
      for (int b = 0; b < 16; b++) {
        spectrum[b] = pipeline ? 2 + f[b] + r.nextGaussian() * 0.12 : 2 + r.nextGaussian();
      }
      rows.add(new MemberRow(i, String.format("t/%05d.jpg", i), null, 400, 400, null,
          new long[] {r.nextLong(), r.nextLong()}, null, 20, null, spectrum, new long[] {r.nextLong(), r.nextLong()}));
    }
    List<org.ganscan.group.Member> members = rows.stream().map(MemberRow::member).toList();
    org.apache.spark.api.java.JavaSparkContext jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    org.apache.spark.api.java.JavaRDD<MemberRow> rdd = jsc.parallelize(rows, 8);
    List<Group> expected = new org.ganscan.group.Grouper().group(members);
    List<Group> got = new org.ganscan.group.Grouper().group(members, null, null, search -> {
      int[] positionOf = new int[rows.size()];
      java.util.Arrays.fill(positionOf, -1);
      for (int p = 0; p < search.idx().size(); p++) {
        positionOf[search.idx().get(p)] = p; // every member has a fingerprint here
      }
      return SparkTraces.pairs(jsc, rdd, positionOf, search.grid(), search.cut());
    });
    assertTrue(expected.stream().anyMatch(g -> g.kind() == Group.Kind.TRACE), "the batch has trace groups: " + expected.size());
    assertEquals(GroupsCodec.toJson(expected), GroupsCodec.toJson(got));
  }
}
