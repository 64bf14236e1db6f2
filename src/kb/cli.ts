import { runKbCommand } from "./command.js";

process.exitCode = runKbCommand(process.argv[2] ?? "");
