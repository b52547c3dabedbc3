package org.ganscan.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ganscan.cache.ResourceCache;
import org.ganscan.group.Group;
import org.ganscan.group.Grouper;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageLimits;
import org.ganscan.imaging.Encoder;
import org.ganscan.imaging.Transforms;
import org.ganscan.report.CsvWriter;
import org.ganscan.scan.Pipeline;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.StandardScan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden files in the google-java-format style: a few of the demo samples the build fetches (a
 * StyleGAN2 face, a real group photo, an image with no face made here, a text file, and a mirrored
 * copy of the face, so groups.json holds a reuse group) go through the standard scan, and the JSONL, CSV and
 * groups.json must equal {@code src/test/resources/golden/*}. Every written record is validated
 * against docs/scan-record.schema.json, and each codec reads its own output back to the same bytes.
 *
 * <p>After an intended change, regenerate and review the diff:
 * {@code mvn -B test -Dtest=GoldenRecordsTest -Dganscan.golden.update=true}
 */
class GoldenRecordsTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final List<String> IMAGES = List.of("gan/stylegan2_1.png", "real/face-api_sample6.jpg", "noface/generated.jpg", "manifest.tsv");

  private static EncodedFile input(String name) throws Exception {
    if (name.equals("noface/generated.jpg")) {
      byte[] jpeg = org.ganscan.TestImages.jpeg();
      return new EncodedFile(Path.of(name), jpeg, ResourceCache.sha256(jpeg));
    }
    Path file = name.equals("manifest.tsv") ? Path.of("samples/manifest.tsv") : org.ganscan.Samples.root().resolve(name);
    return ImageLimits.DEFAULT.read(file);
  }
  private static String jsonl;
  private static String csv;
  private static String groups;

  @BeforeAll
  static void scan() throws Exception {
    List<ScanRecord> records = new ArrayList<>();
    ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
    try (StandardScan scan = StandardScan.open(ImageLimits.DEFAULT, false); Pipeline pipeline = scan.pipeline();
        CsvWriter csvWriter = new CsvWriter(csvBytes, scan.tool())) {
      List<ScanResult> results = new ArrayList<>();
      for (String name : IMAGES) {
        results.add(pipeline.scan(name, input(name)));
      }
      Encoder encoder = new Encoder();
      byte[] mirror = encoder.png(Transforms.mirror(ImageLimits.DEFAULT.decoder().decode(input(IMAGES.get(0))).image()));
      results.add(pipeline.scan("copy/stylegan2_1.mirror.png", new EncodedFile(Path.of("mirror.png"), mirror, ResourceCache.sha256(mirror))));
      for (ScanResult r : results) {
        records.add(ScanRecord.of(r, scan.tool()));
        csvWriter.write(r);
      }
    }
    StringBuilder b = new StringBuilder();
    records.forEach(r -> b.append(ScanRecordCodec.toJsonLine(r)).append('\n'));
    jsonl = b.toString();
    csv = csvBytes.toString(StandardCharsets.UTF_8);
    List<Group> found = new Grouper().group(records.stream().map(ScanRecords::member).toList());
    groups = GroupsCodec.toJson(found);
    if (Boolean.getBoolean("ganscan.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(GOLDEN.resolve("records.jsonl"), jsonl);
      Files.writeString(GOLDEN.resolve("records.csv"), csv);
      Files.writeString(GOLDEN.resolve("groups.json"), groups);
    }
  }

  @Test
  void jsonlMatchesTheGoldenFile() throws Exception {
    assertSameOutput(Files.readString(GOLDEN.resolve("records.jsonl")), jsonl);
  }

  @Test
  void csvMatchesTheGoldenFile() throws Exception {
    assertSameOutput(Files.readString(GOLDEN.resolve("records.csv")), csv);
  }

  @Test
  void groupsMatchTheGoldenFile() throws Exception {
    assertSameOutput(Files.readString(GOLDEN.resolve("groups.json")), groups);
    assertTrue(groups.contains("\"kind\" : \"reuse\""), "the mirrored copy is grouped with its original: " + groups);
  }

  @Test
  void everyWrittenRecordFollowsThePublishedSchema() throws Exception {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(Path.of("docs/scan-record.schema.json")));
    ObjectMapper json = new ObjectMapper();
    for (String text : List.of(jsonl, Files.readString(GOLDEN.resolve("records.jsonl")))) {
      for (String line : text.split("\n")) {
        Set<ValidationMessage> errors = schema.validate(json.readTree(line));
        assertEquals(Set.of(), errors, line);
      }
    }
    // The schema can fail: a record of an unknown version, or with an unknown status, is refused.
    String first = jsonl.split("\n")[0];
    assertTrue(!schema.validate(json.readTree(first.replace("\"record_version\":2", "\"record_version\":3"))).isEmpty());
    assertTrue(!schema.validate(json.readTree(first.replace("\"status\":\"ok\"", "\"status\":\"fine\""))).isEmpty());
  }

  @Test
  void eachCodecReadsItsOwnOutputBackToTheSameBytes() throws Exception {
    for (String line : Files.readString(GOLDEN.resolve("records.jsonl")).split("\n")) {
      assertEquals(line, ScanRecordCodec.toJsonLine(ScanRecordCodec.fromJsonLine(line)));
    }
    String goldenGroups = Files.readString(GOLDEN.resolve("groups.json"));
    assertEquals(goldenGroups, GroupsCodec.toJson(GroupsCodec.fromJson(goldenGroups)));
    List<ScanSummary> rows = ScanCsv.read(new StringReader(Files.readString(GOLDEN.resolve("records.csv"))));
    assertEquals(IMAGES.size() + 1, rows.size());
    List<ScanRecord> records = new ArrayList<>();
    for (String line : Files.readString(GOLDEN.resolve("records.jsonl")).split("\n")) {
      records.add(ScanRecordCodec.fromJsonLine(line));
    }
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(records.get(i).path(), rows.get(i).path());
      assertEquals(records.get(i).verdict(), rows.get(i).verdict());
      assertEquals(records.get(i).score(), rows.get(i).score());
      assertEquals(records.get(i).reasons(), rows.get(i).reasons());
    }
  }

  @Test
  void learnedEvidenceTravelsAsItsSummaryAndFollowsTheSchema() throws Exception {
    ScanRecord r = ScanRecordCodec.fromJsonLine(Files.readString(GOLDEN.resolve("records.jsonl")).split("\n")[0]);
    FaceRecord f = r.mainFace().orElseThrow();
    org.ganscan.learned.Embedding e = new org.ganscan.learned.Embedding("texture-probe", "ab".repeat(32), 0.875, new float[] {0.5f, -1.25f, 3f});
    LearnedSummary summary = LearnedSummary.of(e);
    assertEquals(3, summary.dimensions());
    // sha256 of the little-endian float32 bytes of (0.5, -1.25, 3)
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1.25f).putFloat(3f);
    assertEquals(ResourceCache.sha256(bytes.array()), summary.embeddingSha256());
    FaceRecord withLearned = new FaceRecord(f.detection(), f.presence(), f.eyes(), f.traits(), List.of(summary));
    ScanRecord learned = new ScanRecord(r.path(), r.sha256(), r.status(), r.error(), r.width(), r.height(), r.format(), List.of(withLearned),
        r.score(), r.verdict(), r.reasons(), r.fingerprint(), r.overlayError(), r.groups(), r.recordVersion(), r.tool(), r.uri(), r.stages());
    String line = ScanRecordCodec.toJsonLine(learned);
    assertTrue(line.contains("\"learned\":[{\"model\":\"texture-probe\""), line);
    assertEquals(line, ScanRecordCodec.toJsonLine(ScanRecordCodec.fromJsonLine(line)));
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(Path.of("docs/scan-record.schema.json")));
    assertEquals(Set.of(), schema.validate(new ObjectMapper().readTree(line)));
  }

  @Test
  void versionOneRecordsAreReadWithTheirRenamedTraitKeys() throws Exception {
    String v2 = Files.readString(GOLDEN.resolve("records.jsonl")).split("\n")[0];
    String v1 = v2.replace("\"record_version\":2,", "").replace("\"corneal_highlights\":{", "\"eyes\":{").replace("\"clipped_pixels\":{", "\"highlights\":{");
    ScanRecord r = ScanRecordCodec.fromJsonLine(v1);
    assertEquals(1, r.recordVersion());
    assertTrue(r.mainFace().orElseThrow().trait("clipped_pixels").isPresent());
    assertTrue(r.mainFace().orElseThrow().trait("corneal_highlights").isPresent());
    assertEquals(v2, ScanRecordCodec.toJsonLine(new ScanRecord(r.path(), r.sha256(), r.status(), r.error(), r.width(), r.height(), r.format(),
        r.faces(), r.score(), r.verdict(), r.reasons(), r.fingerprint(), r.overlayError(), r.groups(), ScanRecordCodec.VERSION, r.tool(), r.uri(), r.stages())));
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.(\\d+))?(?:[eE][+-]?\\d+)?");

  /**
   * Equal text, except that a number may differ by up to 1.5 units of its last printed decimal
   * (native libraries may round differently on another CPU); every other character must match.
   */
  static void assertSameOutput(String expected, String actual) {
    if (expected.equals(actual)) {
      return;
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    assertEquals(e.length, a.length, "line count");
    for (int i = 0; i < e.length; i++) {
      Matcher me = NUMBER.matcher(e[i]);
      Matcher ma = NUMBER.matcher(a[i]);
      if (!me.replaceAll("#").equals(ma.replaceAll("#"))) {
        fail("line " + (i + 1) + " differs beyond numbers:\nexpected " + e[i] + "\nactual   " + a[i]);
      }
      me.reset();
      ma.reset();
      while (me.find() && ma.find()) {
        double x = Double.parseDouble(me.group());
        double y = Double.parseDouble(ma.group());
        int decimals = Math.max(me.group(1) == null ? 0 : me.group(1).length(), ma.group(1) == null ? 0 : ma.group(1).length());
        if (Math.abs(x - y) > 1.5 * Math.pow(10, -decimals) + 1e-12) {
          fail("line " + (i + 1) + ": " + me.group() + " became " + ma.group() + "\nexpected " + e[i] + "\nactual   " + a[i]);
        }
      }
    }
  }
}
