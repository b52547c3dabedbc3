package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** group end to end: scan, then group from the scan's results, twice, deterministically. */
class GroupCommandTest {
  @Test
  void writesGroupsResultsAndCompositesDeterministically(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    for (Path p : org.ganscan.Samples.gan()) { // 8 StyleGAN2 faces, FFHQ-aligned
      Files.copy(p, batch.resolve(p.getFileName()));
    }
    for (Path p : org.ganscan.Samples.real()) { // 6 real group photos
      Files.copy(p, batch.resolve(p.getFileName()));
    }
    Path first = dir.resolve("g1");
    assertEquals(0, run("group", batch.toString(), "--out-dir", first.toString()));
    Path second = dir.resolve("g2");
    assertEquals(0, run("group", "--from", first.resolve("scan.jsonl").toString(), "--out-dir", second.toString()));
    ObjectMapper json = new ObjectMapper();
    JsonNode groups = json.readTree(first.resolve("groups.json").toFile());
    JsonNode template = null;
    for (JsonNode g : groups) {
      if (g.get("kind").asText().equals("template")) {
        template = g;
      }
    }
    assertTrue(template != null, "a template group: " + groups);
    assertTrue(template.get("members").size() >= 7, template.toString());
    assertTrue(template.get("evidence").get("matches_ffhq_template").asBoolean());
    JsonNode distances = template.get("evidence").get("member_eye_distance_to_centre_pct_width");
    assertEquals(template.get("members").size(), distances.size(), "each member's own distance from the centre");
    for (JsonNode m : template.get("members")) {
      double d = distances.get(m.asText()).asDouble();
      assertTrue(d >= 0 && d < 3, m.asText() + " sits " + d + " % of the width from the centre of a tight template group");
    }
    List<String> lines = Files.readAllLines(first.resolve("results.jsonl"));
    assertEquals(14, lines.size());
    String id = template.get("id").asText();
    assertTrue(lines.stream().filter(l -> l.contains("\"groups\":[\"" + id)).count() >= 7);
    List<String> csv = Files.readAllLines(first.resolve("results.csv"));
    assertEquals(15, csv.size());
    assertTrue(csv.get(0).endsWith(",groups"));
    assertTrue(csv.stream().filter(l -> l.endsWith("," + id)).count() >= 7);
    Path png = first.resolve("composites").resolve(template.get("id").asText() + ".png");
    assertTrue(Files.size(png) > 1000);
    assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(second.resolve("composites").resolve(png.getFileName())));
    assertArrayEquals(Files.readAllBytes(first.resolve("groups.json")), Files.readAllBytes(second.resolve("groups.json")));
  }

  private static int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }
}
