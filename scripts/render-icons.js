/**
 * Renders assets/icon.svg to the PNG sizes the manifest names (16, 32, 64, 80 px) with the
 * system Chromium: `node scripts/render-icons.js`. The PNGs are committed; run this after
 * changing the SVG.
 */
const { chromium } = require("playwright-core");
const { readFileSync } = require("fs");
const { join } = require("path");
const { browserArgs, findChromium } = require("./lib/chromium");

async function main() {
  const svg = readFileSync(join(__dirname, "..", "assets", "icon.svg"), "utf8");
  const browser = await chromium.launch({ executablePath: findChromium(), args: browserArgs });
  try {
    for (const size of [16, 32, 64, 80]) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.locator("svg").screenshot({ path: join(__dirname, "..", "assets", `icon-${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
