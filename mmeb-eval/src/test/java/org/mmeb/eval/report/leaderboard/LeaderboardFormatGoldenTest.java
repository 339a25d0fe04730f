package org.mmeb.eval.report.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format against its golden file, under locales that write numbers differently (decimal
 * comma, dotless i, Persian digits). Regenerate after an intended change with {@code
 * -Dgolden.update=true} and review the diff.
 */
class LeaderboardFormatGoldenTest {
  private static final Path GOLDEN = Path.of("mmeb-eval/src/test/resources/golden/leaderboard");
  private static final Locale ORIGINAL = Locale.getDefault();

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(ORIGINAL);
  }

  static Stream<Arguments> formatsAndLocales() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String locale : new String[] {"en-US", "de-DE", "tr-TR", "fa-IR"}) {
      cases.add(Arguments.of("leaderboard.md", new MarkdownLeaderboard(), locale));
      cases.add(Arguments.of("leaderboard.csv", new CsvLeaderboard(), locale));
      cases.add(Arguments.of("leaderboard.json", new JsonLeaderboard(), locale));
      cases.add(Arguments.of("leaderboard.html", new HtmlLeaderboard(), locale));
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} in {2}")
  @MethodSource("formatsAndLocales")
  void rendersTheGoldenFile(String file, LeaderboardFormat format, String locale)
      throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    String rendered = format.render(LeaderboardSamples.sample());
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, rendered, StandardCharsets.UTF_8);
    }
    assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
