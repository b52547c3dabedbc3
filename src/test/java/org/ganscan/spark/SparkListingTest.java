package org.ganscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job lists a batch as {@code ganscan scan} does: each file once, in the order its inputs give. */
class SparkListingTest {
  @Test
  void aFileNamedTwiceOrInsideAFolderAlsoNamedIsOneTaskWhileALinkToItKeepsItsOwn(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.writeString(batch.resolve("a.jpg"), "a");
    Files.writeString(batch.resolve("b.jpg"), "b");
    Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), batch.resolve("a.jpg"));
    List<FileTask> tasks = SparkScan.list(List.of(batch.toString(), batch.resolve("a.jpg").toString(),
        batch.resolve("../batch/./b.jpg").toString(), batch.resolve("a.jpg").toUri().toString(), link.toString()), new Configuration());
    assertEquals(List.of(batch.resolve("a.jpg").toString(), batch.resolve("b.jpg").toString(), link.toString()),
        tasks.stream().map(FileTask::shown).toList());
    assertEquals(List.of(0L, 1L, 2L), tasks.stream().map(FileTask::index).toList());
  }
}
