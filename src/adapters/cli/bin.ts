import { isatty } from "node:tty";
import { runCommand } from "./command.js";

// process.stdin is a getter that builds a stream (and loads the stream modules): only a command that reads it pays.
void runCommand(process.argv.slice(2), {
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  isTty: isatty(0) && isatty(1),
}).then((code) => {
  process.exitCode = code;
  // Done once the output has reached the system: exiting then skips tearing down the heap, most of a short run's end.
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
});
