package org.mmeb.eval.report.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.report.imports.ReferenceScores;
import org.mmeb.eval.task.TaskRegistry;

/**
 * The generated page in a real headless Chromium: it loads without console errors, clicking a
 * header sorts the rows (their breakdowns travel with them), a model name opens its breakdown, and
 * a model name holding markup stays text. Skipped where Chromium is not installed, except in CI
 * ({@code CI=true}), whose script installs it, so a missing browser cannot pass silently there.
 */
class HtmlLeaderboardBrowserTest {
  private static HeadlessChromium browser;
  @TempDir static Path pages;

  @BeforeAll
  static void startBrowser() throws Exception {
    Optional<Path> binary = HeadlessChromium.find();
    if (binary.isEmpty() && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort("chromium is not on PATH (install it: apt-get install chromium)");
    }
    browser =
        new HeadlessChromium(
            binary.orElseThrow(
                () ->
                    new AssertionError(
                        "CI=true but chromium is not on PATH: .ci/run should have installed it")));
    browser.send("Runtime.enable", Map.of());
    browser.send("Log.enable", Map.of());
    browser.send("Page.enable", Map.of());
  }

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void loadPage() throws Exception {
    load(LeaderboardSamples.sample());
  }

  private static void load(Leaderboard board) throws Exception {
    Path page = pages.resolve("leaderboard.html");
    Files.writeString(page, new HtmlLeaderboard().render(board));
    browser.events.clear();
    browser.send("Page.navigate", Map.of("url", page.toUri().toString()));
    browser.awaitEvent("Page.loadEventFired");
  }

  @Test
  void loadsWithoutConsoleErrors() throws Exception {
    assertThat(browser.evaluate("document.querySelectorAll('table.board').length").asInt())
        .isEqualTo(2);
    assertThat(browser.evaluate("document.querySelectorAll('svg.chart rect').length").asInt())
        .isGreaterThan(0);
    assertThat(errors()).isEmpty();
  }

  @Test
  void clickingAHeaderSortsAndClickingAgainReverses() throws Exception {
    assertThat(modelOrder()).containsExactly("SigLIP", LeaderboardSamples.MARKUP_NAME, "OpenCLIP");
    clickHeader("CLS"); // 40.3, 50.0, 47.8: numbers sort descending first
    assertThat(modelOrder()).containsExactly(LeaderboardSamples.MARKUP_NAME, "OpenCLIP", "SigLIP");
    clickHeader("CLS");
    assertThat(modelOrder()).containsExactly("SigLIP", "OpenCLIP", LeaderboardSamples.MARKUP_NAME);
    clickHeader("VQA"); // the row without a VQA score stays last both ways
    assertThat(modelOrder()).containsExactly("OpenCLIP", "SigLIP", LeaderboardSamples.MARKUP_NAME);
    clickHeader("VQA");
    assertThat(modelOrder()).containsExactly("SigLIP", "OpenCLIP", LeaderboardSamples.MARKUP_NAME);
    assertThat(
            browser
                .evaluate(
                    "Array.from(document.querySelectorAll('#v0 tr.model')).every(r =>"
                        + " r.nextElementSibling.id === r.querySelector('button').getAttribute('aria-controls'))")
                .asBoolean())
        .as("each breakdown row follows its model row")
        .isTrue();
    assertThat(errors()).isEmpty();
  }

  @Test
  void aModelNameOpensItsPerDatasetBreakdown() throws Exception {
    String breakdown = "document.getElementById('v0-r0')";
    assertThat(browser.evaluate(breakdown + ".hidden").asBoolean()).isTrue();
    click("#v0 button[aria-controls=v0-r0]");
    assertThat(browser.evaluate(breakdown + ".hidden").asBoolean()).isFalse();
    assertThat(browser.evaluate(breakdown + ".innerText").asText())
        .contains("ImageNet-1K")
        .contains("45.4");
    click("#v0 button[aria-controls=v0-r0]");
    assertThat(browser.evaluate(breakdown + ".hidden").asBoolean()).isTrue();
  }

  @Test
  void aModelNameHoldingMarkupStaysText() throws Exception {
    assertThat(browser.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
    assertThat(
            browser
                .evaluate("document.querySelector('#v0 button[aria-controls=v0-r1]').textContent")
                .asText())
        .isEqualTo(LeaderboardSamples.MARKUP_NAME);
    assertThat(browser.events)
        .noneMatch(e -> e.path("method").asText().equals("Page.javascriptDialogOpening"));
    assertThat(errors()).isEmpty();
  }

  @Test
  void theReferenceLeaderboardLoadsAndSortsByItsHeadline() throws Exception {
    TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());
    load(
        new LeaderboardBuilder(registry)
            .build(ReferenceScores.leaderboardSources(ReferenceScores.DEFAULT_DIR, registry)));
    assertThat(browser.evaluate("document.querySelectorAll('#v0 tr.model').length").asInt())
        .isEqualTo(8);
    assertThat(
            browser
                .evaluate(
                    "document.querySelectorAll('#v1 tr.breakdown')[0].querySelectorAll('table.datasets > tbody > tr').length")
                .asInt())
        .isEqualTo(78);
    String allColumn =
        "Array.from(document.querySelectorAll('#v1 tr.model td:nth-child(2)'))"
            + ".map(td => td.textContent).join(' ')";
    assertThat(browser.evaluate(allColumn).asText()).isEqualTo("58.0 54.1 52.3 44.4");
    click("#v1 table.board > thead th:nth-child(2)"); // All: descending first, as it already is
    assertThat(browser.evaluate(allColumn).asText()).isEqualTo("58.0 54.1 52.3 44.4");
    click("#v1 table.board > thead th:nth-child(2)");
    assertThat(browser.evaluate(allColumn).asText()).isEqualTo("44.4 52.3 54.1 58.0");
    assertThat(errors()).isEmpty();
  }

  @Test
  void at1280PixelsTheHeadlineColumnIsOnScreenAndTheHeaderAndModelStick() throws Exception {
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    try {
      TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());
      load(
          new LeaderboardBuilder(registry)
              .build(ReferenceScores.leaderboardSources(ReferenceScores.DEFAULT_DIR, registry)));
      for (String view : List.of("#v0", "#v1")) {
        JsonNode box =
            browser.evaluate(
                "(() => { const th = document.querySelector('"
                    + view
                    + " table.board > thead th:nth-child(2)');"
                    + " th.scrollIntoView({block: 'center', inline: 'nearest'});"
                    + " const r = th.getBoundingClientRect();"
                    + " return {text: th.textContent, left: r.left, right: r.right,"
                    + " width: window.innerWidth, scrollX: window.scrollX}; })()");
        assertThat(box.get("width").asInt()).isEqualTo(1280);
        assertThat(box.get("text").asText()).isIn("All", "Overall");
        assertThat(box.get("scrollX").asDouble()).as(view).isZero();
        assertThat(box.get("right").asDouble()).as(view).isLessThanOrEqualTo(1280);
      }
      String stuck =
          "(() => { const s = document.querySelector('#v1 div.scroll'); s.scrollLeft = 400;"
              + " s.scrollTop = 100;"
              + " const model = s.querySelector('tr.model td:first-child').getBoundingClientRect();"
              + " const head = s.querySelector('thead th:nth-child(3)').getBoundingClientRect();"
              + " const box = s.getBoundingClientRect();"
              + " return [s.scrollLeft > 0, Math.abs(model.left - box.left) < 2,"
              + " Math.abs(head.top - box.top) < 2]; })()";
      assertThat(browser.evaluate(stuck).toString()).isEqualTo("[true,true,true]");
      assertThat(errors()).isEmpty();
    } finally {
      browser.send("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  private List<String> modelOrder() throws Exception {
    JsonNode names =
        browser.evaluate(
            "Array.from(document.querySelectorAll('#v0 tr.model button')).map(b => b.textContent)");
    List<String> order = new ArrayList<>();
    names.forEach(n -> order.add(n.asText()));
    return order;
  }

  private void clickHeader(String column) throws Exception {
    int index =
        browser
            .evaluate(
                "Array.from(document.querySelectorAll('#v0 table.board > thead th'))"
                    + ".findIndex(th => th.textContent === '"
                    + column
                    + "') + 1")
            .asInt();
    click("#v0 table.board > thead th:nth-child(" + index + ")");
  }

  /** A real mouse click (pressed and released) at the centre of the element. */
  private void click(String selector) throws Exception {
    JsonNode box =
        browser.evaluate(
            "(() => { const e = document.querySelector('"
                + selector
                + "'); e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      browser.send(
          "Input.dispatchMouseEvent",
          Map.of(
              "type",
              type,
              "x",
              box.get("x").asDouble(),
              "y",
              box.get("y").asDouble(),
              "button",
              "left",
              "clickCount",
              1));
    }
  }

  /** Console errors, uncaught exceptions and browser log errors (e.g. a blocked resource). */
  private List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (JsonNode event : browser.events) {
      String method = event.path("method").asText();
      JsonNode params = event.path("params");
      boolean error =
          method.equals("Runtime.exceptionThrown")
              || (method.equals("Runtime.consoleAPICalled")
                  && List.of("error", "assert").contains(params.path("type").asText()))
              || (method.equals("Log.entryAdded")
                  && params.path("entry").path("level").asText().equals("error"));
      if (error) {
        errors.add(event.toString());
      }
    }
    return errors;
  }
}
