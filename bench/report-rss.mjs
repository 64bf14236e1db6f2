// Preloaded into a process under measurement: reports its memory as JSON on stderr when it exits.
process.on("exit", () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  process.stderr.write(`\n${JSON.stringify({ rss_mb: +(m.rss / 1048576).toFixed(1), heap_mb: +(m.heapUsed / 1048576).toFixed(1) })}\n`);
});
