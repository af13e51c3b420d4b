// Allure 3 (npm `allure` 3.x) configuration for Rehearsal results.
//
// Allure 3's default report ("awesome") takes its categories from this config, not from the
// categories.json that Rehearsal writes into the results directory (only its "classic" report reads
// that file). This config loads that file, so both reports group failures the same way: release
// decision first, then one category per failure class and action. The rules are valid in Java and
// JavaScript alike. It also shows the release decision (the RELEASE row of environment.properties)
// as the report's logo: a red badge unless the release ships.
//
//   ALLURE_RESULTS=gate-specs/target/allure-results npx allure generate --config reports/allure3/allurerc.mjs \
//     --name "$(cat reports/target/release-summary/headline.txt)" -o target/allure3-report gate-specs/target/allure-results
import { existsSync, readFileSync } from "node:fs";

const results = process.env.ALLURE_RESULTS ?? "gate-specs/target/allure-results";
const read = (name) => (existsSync(`${results}/${name}`) ? readFileSync(`${results}/${name}`, "utf8") : null);

const categories = read("categories.json");
// Only the five decision words are ever drawn, so nothing from the results reaches the SVG as markup.
const decision = /^RELEASE=(SHIP|REPAIR|NARROW-ROLLOUT|HOLD|ROLLBACK)\b/m.exec(read("environment.properties") ?? "")?.[1];

function badge(word) {
  const colour = word === "SHIP" ? "#1a7f37" : "#cf222e";
  const lines = word === "NARROW-ROLLOUT" ? ["NARROW", "ROLLOUT"] : [word];
  const size = Math.min(15, 74 / Math.max(...lines.map((l) => l.length)));
  const text = lines.map((l, i) => `<text x="24" y="${(lines.length === 1 ? 29 : 22 + i * 11).toFixed(0)}" text-anchor="middle"`
    + ` font-family="sans-serif" font-weight="bold" font-size="${size.toFixed(1)}" fill="#fff">${l}</text>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">`
    + `<rect width="48" height="48" rx="6" fill="${colour}"/>${text}</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export default {
  categories: categories ? JSON.parse(categories) : [],
  plugins: {
    awesome: { options: { singleFile: false, ...(decision ? { logo: badge(decision) } : {}) } },
  },
};
