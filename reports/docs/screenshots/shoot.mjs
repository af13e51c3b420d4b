// Takes the report screenshots in headless Chromium (playwright-core driving /usr/bin/chromium).
// Serves each report folder over loopback HTTP: Allure pages load their data with fetch, which
// browsers refuse from file:// URLs.
//
//   node shoot.mjs <allure2-report> <allure3-report> <comparison-plot.svg> <summary.html> <out-dir>
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [allure2, allure3, plot, summary, out] = process.argv.slice(2);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain", ".csv": "text/csv" };

function serve(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(root, path.endsWith("/") ? path + "index.html" : path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// Playwright starts Chromium headless with a fresh temporary profile of its own.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

// Fails the run unless the page shows every text in `texts`: a picture of the wrong state is no proof.
async function expectText(p, file, texts) {
  const shown = await p.evaluate(() => document.documentElement.textContent);
  for (const text of texts) {
    if (!shown.includes(text)) throw new Error(`${file}: the page does not show "${text}"`);
  }
}

async function shot(root, path, file, prepare, element, texts = []) {
  const server = await serve(root);
  const url = `http://127.0.0.1:${server.address().port}/${path}`;
  await page.goto(url, { waitUntil: "networkidle" });
  if (prepare) await prepare(page);
  await expectText(page, file, texts);
  await page.waitForTimeout(500); // let charts finish their entry animation
  await (element ? page.locator(element).screenshot({ path: join(out, file) }) : page.screenshot({ path: join(out, file) }));
  server.close();
  console.log(`${file} <- ${url}`);
}

await shot(allure2, "index.html", "allure2-overview-hold.png", (p) => p.waitForSelector(".widget__title"), null,
  ["RELEASE HOLD", "release decision", "unsafe-content → hold", "HOLD: release decision"]);
await shot(allure2, "index.html#categories", "allure2-categories-hold.png", async (p) => {
  // Open the first category and its first message group, then the first test in it.
  await p.waitForSelector(".node__title.long-line");
  await p.locator(".node__title.long-line").first().click();
  await p.locator(".node__children .node__title.long-line:visible").first().click();
  await p.locator(".node__leaf:visible").first().click();
  await p.waitForSelector(".test-result");
}, null, ["unsafe-content → hold"]);
// Allure 3 scrolls to the first test on load; the overview is its top.
const top = (p) => p.evaluate(() => document.querySelectorAll("*").forEach((e) => { e.scrollTop = 0; }));
await shot(allure3, "index.html", "allure3-overview-hold.png", async (p) => {
  await p.waitForSelector("text=RELEASE");
  await top(p);
}, null, ["HOLD"]);
await shot(allure3, "index.html", "allure3-categories-hold.png", async (p) => {
  await p.getByText("Categories", { exact: false }).first().click();
  await p.getByText(": release decision").first().click();
  for (const c of await p.getByText(/^[\w.-]+ → [\w-]+$/).all()) await c.click();
  await top(p);
}, null, ["unsafe-content → hold", "HOLD: release decision"]);
const plotDir = plot.substring(0, plot.lastIndexOf("/"));
await shot(plotDir, plot.substring(plot.lastIndexOf("/") + 1), "comparison-plot-hold.png", null, "svg", ["BREACH"]);
await shot(plotDir, "forest-plot.svg", "forest-plot-hold.png", null, "svg");
const summaryDir = summary.substring(0, summary.lastIndexOf("/"));
await shot(summaryDir, summary.substring(summary.lastIndexOf("/") + 1), "release-summary-hold.png", null, null, ["HOLD"]);
await browser.close();
