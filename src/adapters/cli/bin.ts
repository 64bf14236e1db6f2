import { runCommand } from "./command.js";

process.exitCode = await runCommand(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});
