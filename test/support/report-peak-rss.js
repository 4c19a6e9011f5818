/**
 * Preloaded into a command (`node --require report-peak-rss.js …`) by `npm run bench`: on exit
 * the process prints its peak resident memory (getrusage's maxrss, in KiB) as the last line of
 * stderr, so that the command itself is measured, without a wrapper process of its own.
 */
process.on("exit", () => process.stderr.write(`\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`));
