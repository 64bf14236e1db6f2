// A process with ee-bot's crash guards that fails outside any handler: `throw` throws an uncaught exception,
// `reject` leaves a promise rejection unhandled. The lifecycle tests run it as a child process.
import { installCrashGuards } from "../../src/lifecycle.js";
import { createLogger } from "../../src/log.js";

installCrashGuards(createLogger({ level: "info", sink: process.stdout }));
// Keeps the event loop busy for a while: only the guard can end the process before this line is written.
setTimeout(() => process.stdout.write("still running\n"), 300);
if (process.argv[2] === "throw") {
  setImmediate(() => {
    throw new Error("thrown outside any handler");
  });
} else {
  void Promise.reject(new Error("rejected with no handler"));
}
