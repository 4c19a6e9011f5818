/** The system Chromium (Debian's `chromium`) for headless tests and rendering; npm downloads no browser here. */
const { existsSync } = require("fs");

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean);

function findChromium() {
  return CANDIDATES.find((path) => existsSync(path)) || null;
}

/** Flags for a closed network, as root, with a fresh profile: no background traffic, no sandbox. */
const browserArgs = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

module.exports = { findChromium, browserArgs };
