package dev.rehearsal.reports;

import dev.rehearsal.text.Utf8Files;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A small Allure 2 plugin (script and style only, no Java) that shows the report name's release
 * decision ({@code RELEASE HOLD}) as a red badge ({@code SHIP} green), so the overview is read from
 * the decision rather than from the pass-rate ring. Installed into the unpacked command line's
 * {@code plugins/} folder and enabled through a copy of its {@code config/allure.yml}.
 */
final class DecisionBadgePlugin {

  static final String ID = "rehearsal-decision-plugin";
  private static final String RESOURCES = "/dev/rehearsal/reports/allure-plugin/";
  private static final List<String> FILES = List.of("allure-plugin.yml", "static/index.js", "static/styles.css");

  private DecisionBadgePlugin() {}

  /** Installs the plugin under {@code allureHome} and returns the config file that enables it beside the default plugins. */
  static Path install(Path allureHome) throws IOException {
    Path dir = allureHome.resolve("plugins").resolve(ID);
    for (String f : FILES) {
      Path target = dir.resolve(f);
      Files.createDirectories(target.getParent());
      try (InputStream in = DecisionBadgePlugin.class.getResourceAsStream(RESOURCES + f)) {
        if (in == null) {
          throw new IOException("Resource " + RESOURCES + f + " is missing from the reports jar");
        }
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path defaults = allureHome.resolve("config").resolve("allure.yml");
    String base = Files.isRegularFile(defaults) ? Files.readString(defaults) : "plugins:\n";
    Path config = allureHome.resolve("config").resolve("rehearsal.yml");
    Utf8Files.write(config, base.stripTrailing() + "\n  - " + ID + "\n");
    return config;
  }
}
