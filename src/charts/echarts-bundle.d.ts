// ECharts' single-file ES module build: the same API as "echarts", without types of its own.
declare module "echarts/dist/echarts.esm" {
  export * from "echarts";
}
