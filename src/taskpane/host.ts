export type Host = "excel" | "browser";

/**
 * In Excel when office.js loaded and Office says so; in a plain browser office.js is missing
 * (or loads but reports no host), and the pane shows its preview.
 *
 * Office.onReady resolves once Office has initialised the pane ("Initialize your Office
 * Add-in", learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in); the reference
 * promises no time for it, and a slow start (a large workbook, Excel on the web) can take longer
 * than the pane should wait before it shows a plain browser its preview. So the pane does not
 * wait for ever: after `timeoutMs` it answers "browser", and where Office then still reports
 * Excel, `lateExcel` is called, for the pane to become the Excel pane after all. Without it, a
 * slow Excel would have a pane that never registers the ribbon's command nor reads the
 * workbook's tables, and every MONITOR formula would wait for ever.
 */
export async function detectHost(timeoutMs = 3000, lateExcel: () => void = () => undefined): Promise<Host> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "browser";
  // Set in the timer itself, not after the race: an onReady that answers in the same moment is
  // either the race's answer (it ran first) or late (it ran after), never neither.
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = Office.onReady().then((info): Host => {
    clearTimeout(timer);
    const host: Host = String(info.host) === "Excel" ? "excel" : "browser";
    if (timedOut && host === "excel") lateExcel();
    return host;
  });
  const timeout = new Promise<Host>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve("browser");
    }, timeoutMs);
  });
  return Promise.race([ready, timeout]);
}
