/**
 * Preloaded into a command (`node --require report-peak-rss.js …`) by `npm run bench`: on exit
 * the process prints its peak resident memory (getrusage's maxrss, in KiB) and the CPU time it
 * used (user and system, in µs; and user alone) as the last lines of stderr, so that the command itself is
 * measured, without a wrapper process of its own.
 */
process.on("exit", () => {
  const used = process.resourceUsage();
  process.stderr.write(`\ncpu-us ${used.userCPUTime + used.systemCPUTime}\nuser-us ${used.userCPUTime}\npeak-rss-kib ${used.maxRSS}\n`);
});
