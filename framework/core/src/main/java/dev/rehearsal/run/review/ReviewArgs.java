package dev.rehearsal.run.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The review command's parsed arguments. */
record ReviewArgs(String command, Path gate, List<Path> files, ReviewExport.Options options, Optional<String> reviewer,
    Path store) {

  private static final Set<String> COMMANDS = Set.of("export", "import", "agreement");

  static ReviewArgs parse(String[] args, Path root) {
    if (args.length < 2 || !COMMANDS.contains(args[0])) {
      throw new IllegalArgumentException("Expected a subcommand (export, import or agreement) and a gate file.");
    }
    List<Path> files = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    int perArm = 200;
    long seed = 1;
    double share = 0;
    Optional<String> reviewer = Optional.empty();
    Path store = root.resolve(".rehearsal/store.db");
    for (int i = 2; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        files.add(Path.of(arg).toAbsolutePath().normalize());
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + arg + " needs a value.");
      }
      String value = args[++i];
      switch (arg) {
        case "--per-arm" -> perArm = positive(arg, value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--oversample-positives" -> share = share(value);
        case "--category" -> categories.add(value);
        case "--reviewer" -> reviewer = Optional.of(value);
        case "--store" -> store = Path.of(value).toAbsolutePath().normalize();
        default -> throw new IllegalArgumentException("Unknown option " + arg + ".");
      }
    }
    int wanted = switch (args[0]) {
      case "export" -> 2;
      case "import" -> 1;
      default -> 0;
    };
    if (files.size() != wanted) {
      throw new IllegalArgumentException("'" + args[0] + "' takes " + wanted + " file argument(s) after the gate file,"
          + " got " + files.size() + ".");
    }
    return new ReviewArgs(args[0], Path.of(args[1]).toAbsolutePath().normalize(), files,
        new ReviewExport.Options(perArm, seed, share, categories), reviewer, store);
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Option " + option + " needs a whole number of at least 1, got '" + value + "'.");
  }

  private static double share(String value) {
    try {
      double s = Double.parseDouble(value);
      if (s >= 0 && s < 1) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--oversample-positives needs a share in [0, 1), got '" + value + "'.");
  }
}
