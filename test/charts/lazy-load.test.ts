import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BLOCK = fileURLToPath(new URL("../fixtures/charts/block-chart-libraries.mjs", import.meta.url));

/** Runs a script in a fresh Node with TypeScript support and the chart libraries made unresolvable. */
async function withoutChartLibraries(script: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--import", BLOCK, "--input-type=module", "-e", script], {
      cwd: ROOT,
    });
    return { code: 0, out: stdout.trim() };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}`.trim() };
  }
}

describe("chart library loading", () => {
  it("fails, under the blocking hook, for a module that imports the chart library", async () => {
    const r = await withoutChartLibraries(`await import("echarts/core");`);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("chart library loaded: echarts/core");
  });

  it("imports the series and render modules without loading the chart library", async () => {
    const r = await withoutChartLibraries(
      `await import("./src/charts/series.ts"); await import("./src/charts/chart-options.ts"); const m = await import("./src/charts/render.ts"); console.log(typeof m.renderCutoffChart);`,
    );
    expect(r).toEqual({ code: 0, out: "function" });
  });

  it("loads the chart library only when a chart is rendered", async () => {
    const r = await withoutChartLibraries(
      `const { renderCutoffChart } = await import("./src/charts/render.ts");
       const points = [{ round: "1", date: "2026-01-01", value: 500 }, { round: "2", date: "2026-02-01", value: 505 }];
       try { await renderCutoffChart([{ type: "cec", label: "CEC", measure: "crs", points }], { title: "t", sourceLine: "s" }); console.log("rendered"); }
       catch (e) { console.log(e.code, String(e.cause?.message ?? "")); }`,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("ee_chart_render_failed");
    expect(r.out).toContain("chart library loaded: echarts");
  });
});
