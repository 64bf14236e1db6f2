import { runKbCli } from "./command.js";

process.exitCode = await runKbCli(process.argv[2] ?? "");
