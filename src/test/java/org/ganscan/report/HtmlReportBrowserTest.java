package org.ganscan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ganscan.Samples;
import org.ganscan.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import picocli.CommandLine;

/**
 * The HTML report of a batch, in a real headless Chromium (Debian's chromium and chromium-driver,
 * installed by .ci/setup; nothing is downloaded at run time): rows, sorting by score, a detail
 * view, escaping of hostile file names, and a screenshot in target/.
 */
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void reportWorksInABrowser(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/setup does)");
    Path batch = Files.createDirectories(dir.resolve("batch"));
    for (Path p : Samples.gan()) {
      Files.copy(p, batch.resolve(p.getFileName()));
    }
    for (Path p : Samples.real().subList(0, 4)) {
      Files.copy(p, batch.resolve(p.getFileName()));
    }
    // A file named <script>alert(1)</script>.jpg: the slash makes "<script>alert(1)<" a folder.
    Path hostile = batch.resolve("<script>alert(1)</script>.jpg");
    Files.createDirectories(hostile.getParent());
    Files.copy(Samples.real().get(5), hostile);
    Path out = dir.resolve("out");
    assertEquals(0, run("group", batch.toString(), "--out-dir", out.toString(), "--overlays", out.resolve("overlays").toString()));
    Path html = out.resolve("report.html");
    assertEquals(0, run("report", out.resolve("results.jsonl").toString(), "--groups", out.resolve("groups.json").toString(), "-o", html.toString()));
    String page = Files.readString(html);
    assertFalse(page.contains("<script>alert(1)</script>"), "hostile file name must be escaped");
    assertFalse(page.matches("(?s).*(src|href)=\"https?:.*"), "the report must fetch nothing");

    WebDriver driver = driver(dir);
    try {
      driver.get(html.toUri().toString());
      List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
      assertEquals(13, rows.size());
      assertTrue(driver.findElements(By.cssSelector("#results td.file")).stream()
          .anyMatch(e -> e.getAttribute("title").endsWith("<script>alert(1)</script>.jpg")), "the hostile name is shown as text");
      assertSortsByScoreDescending(driver);
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", "report-top-screenshot.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      WebElement first = driver.findElements(By.cssSelector("#results tbody tr")).get(0);
      first.findElement(By.cssSelector("a.open")).click();
      WebElement detail = visible(driver, "article.detail");
      assertTrue(detail.findElement(By.cssSelector("img.overlay")).isDisplayed());
      assertTrue(detail.getText().contains("eye_position"));
      assertTrue(driver.findElements(By.cssSelector("#gallery a.tile img")).size() >= 5, "the flagged StyleGAN2 faces are in the gallery");
      assertEquals(1, driver.findElements(By.cssSelector("#histogram svg")).size());
      assertTrue(driver.findElements(By.cssSelector("#groups article.group img.composite")).size() >= 1);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", "report-screenshot.png"), png);
    } finally {
      driver.quit();
    }
  }

  /** Two clicks on the score header: ascending, then descending, as the rows on the page show. */
  private static void assertSortsByScoreDescending(WebDriver driver) {
    driver.findElement(By.id("sort-score")).click();
    driver.findElement(By.id("sort-score")).click();
    List<Double> scores = driver.findElements(By.cssSelector("#results tbody tr")).stream()
        .map(r -> Double.parseDouble(r.getAttribute("data-score"))).toList();
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i - 1) >= scores.get(i), "sorted by score, descending: " + scores);
    }
  }

  private static WebElement visible(WebDriver driver, String css) {
    return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /**
   * 10,000 records (the batch's real records, copied under new names) make a page under 10 MB that
   * headless Chromium opens in under 3 s, pages, sorts, filters and opens the detail of the last image.
   */
  @Test
  void aReportOfTenThousandImagesOpensQuicklyAndPages(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/setup does)");
    Path batch = Files.createDirectories(dir.resolve("batch"));
    for (Path p : Samples.gan().subList(0, 3)) {
      Files.copy(p, batch.resolve(p.getFileName()));
    }
    Files.copy(Samples.real().get(5), batch.resolve("real.jpg"));
    Path scanned = dir.resolve("scan.jsonl");
    assertEquals(0, run("scan", batch.toString(), "--out", scanned.toString(), "--quiet"));
    List<org.ganscan.records.ScanRecord> real = org.ganscan.records.ScanRecords.read(scanned).records();
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      org.ganscan.records.ScanRecord r = real.get(i % real.size());
      org.ganscan.records.ScanRecord copy = new org.ganscan.records.ScanRecord(String.format("batch/avatar_%05d.jpg", i), r.sha256(), r.status(),
          r.error(), r.width(), r.height(), r.format(), r.faces(), r.score(), r.verdict(), r.reasons(), r.fingerprint(), r.overlayError(),
          r.groups(), r.recordVersion(), r.tool(), null, r.stages());
      big.append(org.ganscan.records.ScanRecordCodec.toJsonLine(copy)).append('\n');
    }
    Path results = dir.resolve("big.jsonl");
    Files.writeString(results, big);
    Path html = dir.resolve("big.html");
    assertEquals(0, run("report", results.toString(), "-o", html.toString()));
    long bytes = Files.size(html);
    assertTrue(bytes < 10_000_000, "the page is " + bytes + " bytes");
    WebDriver driver = driver(dir);
    try {
      long start = System.nanoTime();
      driver.get(html.toUri().toString());
      List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals(HtmlReport.PAGE, rows.size());
      assertTrue(seconds < 3, "opened in " + seconds + " s");
      System.out.printf("ganscan report of 10,000 images: %.1f MB, opened in %.2f s%n", bytes / 1e6, seconds);
      assertEquals("page 1 of 100 (10000 of 10000 images)", driver.findElement(By.id("page-info")).getText());
      driver.findElement(By.id("next")).click();
      assertEquals("page 2 of 100 (10000 of 10000 images)", driver.findElement(By.id("page-info")).getText());
      assertEquals("avatar_00100.jpg", driver.findElements(By.cssSelector("#results td.file")).get(0).getText());
      assertSortsByScoreDescending(driver);
      WebElement filter = driver.findElement(By.id("filter"));
      filter.sendKeys("avatar_09999");
      assertEquals("page 1 of 1 (1 of 10000 images)", driver.findElement(By.id("page-info")).getText());
      driver.findElement(By.cssSelector("#results a.open")).click();
      WebElement detail = visible(driver, "article.detail");
      assertTrue(detail.getText().contains("avatar_09999.jpg"), detail.getText());
      assertTrue(detail.getText().contains("eye_position"));
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", "report-10k-screenshot.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } finally {
      driver.quit();
    }
  }

  private static WebDriver driver(Path dir) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
        "--user-data-dir=" + dir.resolve("chrome-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    return driver;
  }

  private static int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }
}
