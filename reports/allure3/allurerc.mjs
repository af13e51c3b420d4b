// Allure 3 (npm `allure` 3.x) configuration for Rehearsal results.
//
// Allure 3's default report ("awesome") takes its categories from this config, not from the
// categories.json that Rehearsal writes into the results directory (only its "classic" report reads
// that file). This config loads that file, so both reports group failures the same way: release
// decision first, then one category per failure class and action. The rules are valid in Java and
// JavaScript alike.
//
//   ALLURE_RESULTS=gate-specs/target/allure-results npx allure generate --config reports/allure3/allurerc.mjs \
//     --name "$(cat reports/target/release-summary/headline.txt)" -o target/allure3-report gate-specs/target/allure-results
import { existsSync, readFileSync } from "node:fs";

const results = process.env.ALLURE_RESULTS ?? "gate-specs/target/allure-results";
const file = `${results}/categories.json`;

export default {
  categories: existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [],
  plugins: {
    awesome: { options: { singleFile: false } },
  },
};
