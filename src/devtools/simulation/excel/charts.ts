/** Charts: what the add-in sets on them (type, data, series, title, position), nothing of their drawing. */
import { formatAddress } from "./addresses";
import { addChart, checkChartType, positionChart } from "./document";
import { officeError } from "./errors";
import { type Link, type Properties, SimCollection, SimObject, simulated } from "./proxy";
import { SimRange, rectOn } from "./range";
import {
  type ChartState,
  type ChartType,
  type SeriesBy,
  type SeriesState,
  type SheetState,
  type WorkbookState,
  required,
  sheetOfChart,
} from "./state";

type ChartTypeArgument = Excel.Chart["chartType"];
type Position = Excel.Range | string;

export class SimChartCollection
  extends SimCollection<Excel.ChartCollection, Excel.Chart, SheetState, ChartState>
  implements Pick<Excel.ChartCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly typeName = "ChartCollection";
  protected readonly itemKind = "chart";

  protected entries(sheet: SheetState): readonly ChartState[] {
    return sheet.charts;
  }

  protected make(link: Link<ChartState>): SimChart {
    return new SimChart(link);
  }

  add(type: ChartTypeArgument, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"): Excel.Chart {
    const source = simulated(sourceData, SimRange, "the chart's source data");
    return this.added(
      [String(type), source, seriesBy],
      (sheet, run) => {
        const chartType = checkChartType(String(type) as ChartType, run);
        if (run.environment.chartRefusals.get(chartType)?.has("add"))
          throw officeError("UnsupportedOperation", `${chartType} charts on this host`);
        return addChart(sheet, chartType, source.resolve(run), String(seriesBy ?? "Auto") as SeriesBy);
      },
      (link) => new SimChart(link).asReal(),
    );
  }
}

export class SimChart
  extends SimObject<Excel.Chart, ChartState>
  implements Pick<Excel.Chart, "name" | "chartType" | "title" | "legend" | "series" | "axes" | "setPosition" | "delete" | "load">
{
  protected readonly typeName = "Chart";
  protected readonly properties: Properties<ChartState> = {
    name: (chart) => chart.name,
    chartType: { read: (chart) => chart.type, since: "1.7" },
  };
  private titleProxy?: SimChartTitle;
  private legendProxy?: SimChartLegend;
  private seriesProxy?: SimChartSeriesCollection;
  private axesProxy?: SimChartAxes;

  protected override exists(chart: ChartState, state: WorkbookState): boolean {
    return sheetOfChart(state, chart) !== undefined;
  }

  get name(): string {
    return this.loadedValue("name");
  }

  set name(value: string) {
    this.assign("name", value, (chart, v) => {
      if (typeof v !== "string" || v.trim() === "") throw officeError("InvalidArgument", `chart name ${JSON.stringify(v)}`);
      chart.name = v;
    });
  }

  get chartType(): ChartTypeArgument {
    return this.loadedValue("chartType");
  }

  set chartType(value: ChartTypeArgument) {
    this.assign("chartType", value, (chart, v, run) => (chart.type = checkChartType(String(v) as ChartType, run)), "1.7");
  }

  /** A part of the chart, or the host's refusal of it on this chart's type. */
  private refusable(part: "title" | "series" | "axes"): Link<ChartState> {
    return this.link(this.path.member(part), (chart, run) => {
      if (run.environment.chartRefusals.get(chart.type)?.has(part))
        throw officeError("UnsupportedOperation", `Chart.${part} of a ${chart.type} chart on this host`);
      return chart;
    });
  }

  get title(): Excel.ChartTitle {
    return (this.titleProxy ??= new SimChartTitle(this.refusable("title"))).asReal();
  }

  get legend(): Excel.ChartLegend {
    return (this.legendProxy ??= new SimChartLegend(this.part("legend"))).asReal();
  }

  get axes(): Excel.ChartAxes {
    return (this.axesProxy ??= new SimChartAxes(this.refusable("axes"))).asReal();
  }

  get series(): Excel.ChartSeriesCollection {
    return (this.seriesProxy ??= new SimChartSeriesCollection(this.refusable("series"))).asReal();
  }

  /** Cell addresses are on the chart's sheet; the chart covers `endCell` entirely. */
  setPosition(startCell: Position, endCell?: Position): void {
    const start = positionArgument(startCell);
    const end = endCell === undefined ? undefined : positionArgument(endCell);
    this.invoke("setPosition", [start, end], (chart, run) => {
      const sheet = required(sheetOfChart(run.state, chart), `the sheet of chart ${chart.name}`);
      positionChart(chart, rectOn(start, sheet, run), end === undefined ? undefined : rectOn(end, sheet, run));
    });
  }

  delete(): void {
    this.invoke("delete", [], (chart, run) => {
      const sheet = required(sheetOfChart(run.state, chart), `the sheet of chart ${chart.name}`);
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

function positionArgument(cell: Position): SimRange | string {
  return typeof cell === "string" ? cell : simulated(cell, SimRange, "the chart's position");
}

export class SimChartTitle extends SimObject<Excel.ChartTitle, ChartState> implements Pick<Excel.ChartTitle, "text" | "load"> {
  protected readonly typeName = "ChartTitle";
  protected readonly properties: Properties<ChartState> = { text: (chart) => chart.title };

  get text(): string {
    return this.loadedValue("text");
  }

  set text(value: string) {
    this.assign("text", value, (chart, v) => (chart.title = String(v)));
  }
}

export class SimChartLegend extends SimObject<Excel.ChartLegend, ChartState> implements Pick<Excel.ChartLegend, "visible" | "load"> {
  protected readonly typeName = "ChartLegend";
  protected readonly properties: Properties<ChartState> = { visible: (chart) => chart.legendVisible };

  get visible(): boolean {
    return this.loadedValue("visible");
  }

  set visible(value: boolean) {
    this.assign("visible", value, (chart, v) => (chart.legendVisible = v));
  }
}

export class SimChartSeriesCollection
  extends SimObject<Excel.ChartSeriesCollection, ChartState>
  implements Pick<Excel.ChartSeriesCollection, "getItemAt">
{
  protected readonly typeName = "ChartSeriesCollection";
  protected readonly properties: Properties<ChartState> = {};

  getItemAt(index: number): Excel.ChartSeries {
    return new SimChartSeries(
      this.link(this.path.method("getItemAt", [index]), (chart) => {
        const series = chart.series[index];
        if (!series)
          throw officeError("InvalidArgument", `chart ${chart.name} has ${chart.series.length} series, not one at index ${index}`);
        return series;
      }),
    ).asReal();
  }
}

/** Only the category axis, and only what the add-in sets on it. */
export class SimChartAxes extends SimObject<Excel.ChartAxes, ChartState> implements Pick<Excel.ChartAxes, "categoryAxis"> {
  protected readonly typeName = "ChartAxes";
  protected readonly properties: Properties<ChartState> = {};

  get categoryAxis(): Excel.ChartAxis {
    return new SimChartAxis(this.part("categoryAxis")).asReal();
  }
}

export class SimChartAxis extends SimObject<Excel.ChartAxis, ChartState> implements Pick<Excel.ChartAxis, "reversePlotOrder" | "load"> {
  protected readonly typeName = "ChartAxis";
  protected readonly properties: Properties<ChartState> = {
    reversePlotOrder: { read: (chart) => chart.reversePlotOrder ?? false, since: "1.7" },
  };

  get reversePlotOrder(): boolean {
    return this.loadedValue("reversePlotOrder");
  }

  set reversePlotOrder(value: boolean) {
    this.assign("reversePlotOrder", value, (chart, v) => (chart.reversePlotOrder = Boolean(v)), "1.7");
  }
}

export class SimChartSeries
  extends SimObject<Excel.ChartSeries, SeriesState>
  implements Pick<Excel.ChartSeries, "name" | "overlap" | "gapWidth" | "setXAxisValues" | "setValues" | "load">
{
  protected readonly typeName = "ChartSeries";
  protected readonly properties: Properties<SeriesState> = {
    name: (series) => series.name ?? "",
    overlap: { read: (series) => series.overlap ?? 0, since: "1.8" },
    gapWidth: { read: (series) => series.gapWidth ?? 150, since: "1.7" },
  };

  get overlap(): number {
    return this.loadedValue("overlap");
  }

  /** Excel refuses a value outside -100..100 ("Throws an invalid argument exception on invalid charts"). */
  set overlap(value: number) {
    this.assign("overlap", value, (series, v) => (series.overlap = bounded("overlap", v, -100, 100)), "1.8");
  }

  get gapWidth(): number {
    return this.loadedValue("gapWidth");
  }

  set gapWidth(value: number) {
    this.assign("gapWidth", value, (series, v) => (series.gapWidth = bounded("gapWidth", v, 0, 500)), "1.7");
  }

  get name(): string {
    return this.loadedValue("name");
  }

  set name(value: string) {
    this.assign("name", value, (series, v) => (series.name = String(v)));
  }

  setXAxisValues(sourceData: Excel.Range): void {
    this.setRange("setXAxisValues", sourceData, (series, address) => (series.xAxisValues = address));
  }

  setValues(sourceData: Excel.Range): void {
    this.setRange("setValues", sourceData, (series, address) => (series.values = address));
  }

  private setRange(action: string, sourceData: Excel.Range, apply: (series: SeriesState, address: string) => void): void {
    const range = simulated(sourceData, SimRange, `${action}'s range`);
    this.invoke(
      action,
      [range],
      (series, run) => {
        const { sheet, rect } = range.resolve(run);
        apply(series, formatAddress(sheet.name, rect));
      },
      "1.7",
    );
  }
}

function bounded(what: string, value: unknown, low: number, high: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < low || value > high)
    throw officeError("InvalidArgument", `${what} ${JSON.stringify(value)}`);
  return value;
}
