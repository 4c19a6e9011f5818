export type Host = "excel" | "browser";

/**
 * In Excel when office.js loaded and Office says so; in a plain browser office.js is missing
 * (or loads but reports no host), and the pane shows its preview.
 */
export async function detectHost(timeoutMs = 3000): Promise<Host> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "browser";
  const ready = Office.onReady().then((info): Host => (String(info.host) === "Excel" ? "excel" : "browser"));
  const timeout = new Promise<Host>((resolve) => setTimeout(() => resolve("browser"), timeoutMs));
  return Promise.race([ready, timeout]);
}
