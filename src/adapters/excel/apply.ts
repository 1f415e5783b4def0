import type {
  CellStyle,
  ChartPlan,
  PagePlan,
  RealizationChart,
  SheetPlan,
  TornadoChart,
  ValueByElementChart,
  WorkbookPlan,
} from "../../core/plan/types";
import { parseRangeAddress } from "../../core/workbook/address";
import { cellRef, columnLetters } from "../../core/workbook/address";
import { blockBytes, type CellBlock, planBlocks, planFullBlock, splitToBytes } from "./blocks";
import { INCOMPLETE_MARK, type MarkedSheet, markIncomplete } from "../../core/plan/incomplete";
import { styleAreas } from "./style-areas";
import { typedEntry } from "./typed-entry";
import { largest } from "../../core/plan/largest";
import { namesInWords } from "../../core/plan/text-lines";

/** The names the add-in gives its charts, so that a rebuild replaces its own charts and no other. */
export const CHART_NAME = "CVM_ValueByElement";
export const SENSITIVITY_CHART_NAME = "CVM_Sensitivity";
export const REALIZATION_CHART_NAME = "CVM_RealizationByYear";
const CHART_NAMES: Readonly<Record<ChartPlan["kind"], string>> = {
  valueByElement: CHART_NAME,
  tornado: SENSITIVITY_CHART_NAME,
  realizationByYear: REALIZATION_CHART_NAME,
};
const OWN_CHARTS = new Set(Object.values(CHART_NAMES));

/**
 * Excel on the web refuses a request over 5 MB. Writes are grouped into requests of at most this
 * many bytes of payload (what dominates a request's size), leaving room for the request's own
 * framing; a model must be very large before a build needs a second request.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Rows of a worksheet in every Excel since 2007. */
const EXCEL_ROWS = 1_048_576;
/** No single 2-D write larger than this: well under Excel's limits, and splits evenly. */
const MAX_BLOCK_CELLS = 50_000;

export interface ApplyOptions {
  readonly supportsExcelApi: (version: string) => boolean;
  /** The sheets and names the workbook had when it was read. */
  readonly existingSheets: readonly string[];
  readonly existingNames: readonly string[];
  /** Chart names on existing sheets, by sheet name in lower case. */
  readonly charts: ReadonlyMap<string, readonly string[]>;
  /** Rows the add-in's record had when read: rewriting it in place blanks them all. */
  readonly recordRows: number;
  /** The workbook's calculation mode as read: automatic, or manual (the build recalculates). */
  readonly calculation: "automatic" | "manual";
  readonly maxRequestBytes?: number;
  /** Called after each request Excel has carried out. */
  readonly onProgress?: (progress: WriteProgress) => void;
}

/** Requests carried out of all the requests a build's writing takes. */
export interface WriteProgress {
  readonly done: number;
  readonly total: number;
}

export interface ApplyReport {
  /** `context.sync()` calls made to write the plan. */
  readonly syncs: number;
  /** What Excel did differently from the plan, in words: a chart it refused, a page setup to check. */
  readonly notes: readonly string[];
}

/** One request's worth of work: queued only when its request is being assembled. */
interface Step {
  readonly bytes: number;
  readonly queue: (context: Excel.RequestContext) => void;
}

/**
 * Applies a plan inside Excel. The plan's steps are queued and sent in as few requests as the
 * payload limit allows: one for any model of ordinary size, whatever its number of elements.
 * The caller has checked (in the core) that every sheet and name the plan touches is the
 * add-in's own or new; this function touches nothing else.
 */
export async function applyPlanToExcel(context: Excel.RequestContext, plan: WorkbookPlan, options: ApplyOptions): Promise<ApplyReport> {
  // The add-in's floor (manifest: ExcelApi 1.11, which every host of SharedRuntime 1.1 and
  // CustomFunctionsRuntime 1.3 has; docs/office-requirements.md) has waterfall charts, page
  // layout, suspended screen updating and overlapping bars (1.8, 1.9): no fallbacks below it.
  const notes: string[] = [];
  const pages = plan.sheets.filter((s) => s.page);
  const budget = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const { steps, marks } = planSteps(plan, options, budget);
  const charts = plan.sheets.flatMap((s) => s.charts.map((chart) => ({ sheet: s.name, chart })));

  const requests = groupIntoRequests(steps, budget);
  const total = requests.length;
  let syncs = 0;
  for (const request of requests) {
    const last = syncs === total - 1;
    // Suspension lasts until the next sync, so every request asks for it again. Excel resumes
    // automatic calculation after the sync and recalculates what was written; a workbook set to
    // Manual is recalculated at the end of the last request instead (suspension means nothing there).
    if (options.calculation === "automatic") context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const step of request) step.queue(context);
    if (last && options.calculation === "manual") context.application.calculate("Recalculate");
    // The charts and the page setup come after everything else, the marks' replacement included:
    // hosts refuse some of their calls (a waterfall chart's title or series: office-js#2041,
    // office-js-docs#910), and Excel keeps what a request did before a failing operation, so a
    // refusal there still leaves complete sheets. A request of their own would isolate them too,
    // but would cost every build a fourth sync; a failure instead costs a few (below).
    if (last) {
      for (const { sheet, chart } of charts) addChart(context.workbook.worksheets.getItem(sheet), chart, FALLBACKS[chart.kind][0]!);
      for (const s of pages) setUpPage(context.workbook.worksheets.getItem(s.name), s.page!);
    }
    try {
      // One request per payload budget, not per item: a second pass only for models over 4 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      syncs++;
      if (!last || (pages.length === 0 && charts.length === 0)) throw error;
      const settled = await sheetsCompleted(context, marks, options.calculation);
      syncs++;
      // Anything before the charts and the page setup failed: the build failed.
      if (!settled) throw error;
      const recovered = await recoverCosmetics(context, charts, pages);
      options.onProgress?.({ done: total, total });
      return { syncs: syncs + recovered.syncs, notes: [...notes, ...recovered.notes] };
    }
    syncs++;
    options.onProgress?.({ done: syncs, total });
  }
  return { syncs, notes };
}

const sheetList = (sheets: readonly SheetPlan[]) => namesInWords(sheets.map((s) => s.name));

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * After a last request failed: whether every output sheet's mark was replaced, which the request
 * did last before the page setup; if so, only the page setup failed. A workbook set to Manual is
 * recalculated again, since the failure may have come before its recalculation.
 */
async function sheetsCompleted(
  context: Excel.RequestContext,
  marks: readonly { readonly sheet: string; readonly address: string }[],
  calculation: ApplyOptions["calculation"],
): Promise<boolean> {
  const cells = marks.map((m) => context.workbook.worksheets.getItem(m.sheet).getRange(m.address).load("formulas"));
  if (calculation === "manual") context.application.calculate("Recalculate");
  try {
    await context.sync();
  } catch {
    return false;
  }
  return cells.every((cell) => cell.formulas[0]?.[0] !== INCOMPLETE_MARK);
}

/**
 * A sheet's page setup through Worksheet.pageLayout (ExcelApi 1.9). The zoom is set as one
 * object, as the API requires; 0 pages tall is Excel's "automatic", so only the width is fitted.
 * Both fit values are sent, so that nothing is left to the host's default. A zoom of one fit
 * value was reported not to take on Windows unless the Page Layout tab was showing
 * (OfficeDev/office-js#1860); a host that drops it leaves the rest of the setup in place.
 * Manual breaks are reset first, so that a rebuild's breaks replace the last build's.
 */
export function setUpPage(sheet: Excel.Worksheet, page: PagePlan): void {
  const layout = sheet.pageLayout;
  layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: page.fitToPagesWide, verticalFitToPages: 0 };
  const { firstRow, firstColumn, lastRow, lastColumn } = page.printArea;
  layout.setPrintArea(`${cellRef(firstRow, firstColumn)}:${cellRef(lastRow, lastColumn)}`);
  if (page.titleRows) layout.setPrintTitleRows(`$${page.titleRows.first + 1}:$${page.titleRows.last + 1}`);
  layout.headersFooters.state = "Default";
  const texts = layout.headersFooters.defaultForAllPages;
  texts.leftHeader = page.header.left;
  texts.centerHeader = page.header.center;
  texts.rightHeader = page.header.right;
  texts.leftFooter = page.footer.left;
  texts.centerFooter = page.footer.center;
  texts.rightFooter = page.footer.right;
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of page.breaksBefore) if (row > 0) sheet.horizontalPageBreaks.add(cellRef(row, firstColumn));
}

/** The columns a build owns on a sheet, as ranges that leave out the mark's cell. */
function ownedRangesBesides(columns: SheetPlan["replaceColumns"], mark: { readonly row: number; readonly column: number }): string[] {
  const letters = (first: number, last: number) => `${columnLetters(first)}:${columnLetters(last)}`;
  const ranges: string[] = [];
  if (mark.column > columns.first) ranges.push(letters(columns.first, mark.column - 1));
  if (mark.column < columns.last) ranges.push(letters(mark.column + 1, columns.last));
  ranges.push(`${cellRef(mark.row + 1, mark.column)}:${cellRef(EXCEL_ROWS - 1, mark.column)}`);
  return ranges;
}

/** Consecutive steps up to the payload budget per request; a step larger than the budget goes alone. */
function groupIntoRequests(steps: readonly Step[], budget: number): Step[][] {
  const requests: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && bytes + step.bytes > budget) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

type AddStep = (bytes: number, queue: Step["queue"]) => void;

const exists = (name: string, list: readonly string[]) => list.some((n) => n.toLowerCase() === name.toLowerCase());
const sheetNamed = (context: Excel.RequestContext, name: string) => context.workbook.worksheets.getItem(name);

/** The steps of a build, and where each output sheet's mark stands until the sheet is complete. */
function planSteps(
  plan: WorkbookPlan,
  options: ApplyOptions,
  budget: number,
): { steps: Step[]; marks: { sheet: string; address: string }[] } {
  const steps: Step[] = [];
  const step: AddStep = (bytes, queue) => steps.push({ bytes, queue });

  // Sheets first, so that names can point into them; then the record; then clear what the build
  // owns, so that no old formula refers to a name about to go; then names, then the cells.
  // Each output sheet says INCOMPLETE in its first cell from before anything of it is cleared
  // (from its creation, for a new one) until after everything is written: a build that stops
  // halfway never looks finished.
  const marked = new Map<string, MarkedSheet>();
  for (const s of plan.sheets) if (s.name !== plan.provisionalRecord.name) marked.set(s.name, markIncomplete(s));
  addNewSheets(plan, options, marked, step);
  const recordRows = writeProvisionalRecord(plan, options, step);
  clearOwned(options, marked, step);
  applyNames(plan, options, step);
  for (const planned of plan.sheets) {
    const s = marked.get(planned.name)?.sheet ?? planned;
    writeSheet(s, s.name === plan.provisionalRecord.name ? recordRows : undefined, budget, step);
  }
  const active = plan.sheets.find((s) => s.activate);
  if (active) step(active.name.length, (c) => sheetNamed(c, active.name).activate());
  // Last of all, each mark gives way to the cell the plan has there: the sheet is complete.
  for (const [name, { sheet: s, finalCell }] of marked) {
    const [block] = planBlocks({ ...s, cells: [finalCell] }, 1);
    if (block) step(blockBytes(block), (c) => writeBlock(sheetNamed(c, name), block));
  }
  return { steps, marks: [...marked].map(([name, { mark }]) => ({ sheet: name, address: cellRef(mark.row, mark.column) })) };
}

function addNewSheets(plan: WorkbookPlan, options: ApplyOptions, marked: ReadonlyMap<string, MarkedSheet>, step: AddStep): void {
  for (const s of plan.sheets) {
    if (exists(s.name, options.existingSheets)) continue;
    const mark = marked.get(s.name)?.mark;
    step(s.name.length + (mark ? INCOMPLETE_MARK.length : 0), (c) => {
      const added = c.workbook.worksheets.add(s.name);
      if (mark) added.getRange(cellRef(mark.row, mark.column)).formulas = [[typedEntry({ kind: "text", value: INCOMPLETE_MARK })]];
    });
  }
}

/**
 * The record first, before anything is cleared or created: Excel keeps what a failing request
 * did up to the failure, and the next build must still know every sheet and name it owns.
 * Returns the rows both writes of the record cover: every row any version of it may have had.
 */
function writeProvisionalRecord(plan: WorkbookPlan, options: ApplyOptions, step: AddStep): number {
  const record = plan.provisionalRecord;
  const height = (s: SheetPlan) => largest(s.cells, (c) => c.row + 1, 0);
  const recordRows = Math.max(options.recordRows, height(record), ...plan.sheets.filter((s) => s.name === record.name).map(height));
  const provisional = planFullBlock(record, recordRows);
  step(blockBytes(provisional), (c) => writeBlock(sheetNamed(c, record.name), provisional));
  return recordRows;
}

/** Each output sheet shows its mark, then loses what the last build wrote there (cells, formats, charts). */
function clearOwned(options: ApplyOptions, marked: ReadonlyMap<string, MarkedSheet>, step: AddStep): void {
  for (const [name, { sheet: s, mark }] of marked) {
    const markAddress = cellRef(mark.row, mark.column);
    const rest = ownedRangesBesides(s.replaceColumns, mark);
    const oldCharts = (options.charts.get(name.toLowerCase()) ?? []).filter((c) => OWN_CHARTS.has(c));
    step(INCOMPLETE_MARK.length + rest.join().length, (c) => {
      sheetNamed(c, name).getRange(markAddress).formulas = [[typedEntry({ kind: "text", value: INCOMPLETE_MARK })]];
      for (const address of rest) {
        const owned = sheetNamed(c, name).getRange(address);
        owned.clear("All");
        owned.conditionalFormats.clearAll();
      }
      for (const chart of oldCharts) sheetNamed(c, name).charts.getItem(chart).delete();
    });
  }
}

function applyNames(plan: WorkbookPlan, options: ApplyOptions, step: AddStep): void {
  for (const name of plan.deleteNames) {
    if (exists(name, options.existingNames)) step(name.length, (c) => c.workbook.names.getItem(name).delete());
  }
  for (const name of plan.names) {
    const repoint = exists(name.name, options.existingNames);
    step(name.name.length + name.refersTo.length, (c) => {
      if (repoint) c.workbook.names.getItem(name.name).formula = name.refersTo;
      else c.workbook.names.add(name.name, name.refersTo);
    });
  }
}

/** A sheet's cells in blocks, then its styles, then its layout. The record is written whole, over `recordRows`. */
function writeSheet(s: SheetPlan, recordRows: number | undefined, budget: number, step: AddStep): void {
  const blocks = recordRows !== undefined ? [planFullBlock(s, recordRows)] : planBlocks(s, MAX_BLOCK_CELLS);
  // Half the budget at most, so that a block shares its request with the steps around it.
  for (const block of blocks.flatMap((b) => splitToBytes(b, budget / 2))) {
    step(blockBytes(block), (c) => writeBlock(sheetNamed(c, s.name), block));
  }
  for (const area of styleAreas(s)) {
    step(64, (c) =>
      formatRange(sheetNamed(c, s.name).getRange(`${cellRef(area.top, area.left)}:${cellRef(area.bottom, area.right)}`), area.style),
    );
  }
  step(32 * (s.columnWidths.length + (s.rowHeights?.length ?? 0) + s.conditionalFormats.length + 4), (c) =>
    layoutSheet(sheetNamed(c, s.name), s),
  );
}

function writeBlock(sheet: Excel.Worksheet, block: CellBlock): void {
  const range = sheet.getRange(`${cellRef(block.top, block.left)}:${cellRef(block.top + block.rows - 1, block.left + block.columns - 1)}`);
  // Number formats first: Excel reads a typed entry in the light of the cell's format.
  if (block.numberFormats) range.numberFormat = block.numberFormats;
  range.formulas = block.formulas;
}

function formatRange(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontalAlignment)
    format.horizontalAlignment =
      style.horizontalAlignment === "left" ? "Left" : style.horizontalAlignment === "center" ? "Center" : "Right";
  // ExcelApi 1.9, below the add-in's floor; Excel applies an indent to left-aligned text.
  if (style.indent) format.indentLevel = style.indent;
  if (style.wrap) format.wrapText = true;
  if (style.wrap || style.alignTop) format.verticalAlignment = "Top";
  if (style.borderTop) format.borders.getItem("EdgeTop").style = "Continuous";
  if (style.borderBottom) format.borders.getItem("EdgeBottom").style = "Continuous";
}

/** Excel's column width is in characters of the default font; the API takes points. */
export function columnWidthPoints(characters: number): number {
  // Calibri 11 at 96 dpi: 7 pixels a character plus 5 pixels of padding; 0.75 points a pixel.
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function layoutSheet(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const { column, width } of plan.columnWidths) {
    sheet.getRange(`${columnLetters(column)}:${columnLetters(column)}`).format.columnWidth = columnWidthPoints(width);
  }
  // One operation per run of rows of one height: a handful for any sheet.
  for (const run of plan.rowHeights ?? []) sheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.points;
  if (plan.freeze) sheet.freezePanes.unfreeze();
  if (plan.freeze && plan.freeze.rows > 0 && plan.freeze.columns > 0) {
    sheet.freezePanes.freezeAt(sheet.getRange(`A1:${cellRef(plan.freeze.rows - 1, plan.freeze.columns - 1)}`));
  } else if (plan.freeze && plan.freeze.rows > 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
  else if (plan.freeze && plan.freeze.columns > 0) sheet.freezePanes.freezeColumns(plan.freeze.columns);
  for (const cf of plan.conditionalFormats) {
    const format = sheet.getRange(cf.range).conditionalFormats.add("Custom").custom;
    format.rule.formula = `=${cf.expression}`;
    if (cf.style.fontColor) format.format.font.color = cf.style.fontColor;
    if (cf.style.bold) format.format.font.bold = true;
    if (cf.style.fill) format.format.fill.color = cf.style.fill;
  }
  sheet.visibility = plan.visibility === "veryHidden" ? "VeryHidden" : "Visible";
}

/**
 * After a last request that failed once the sheets were complete, so in its charts or page setup:
 * each chart on its own, first as planned, then as the next simpler chart (waterfall, clustered
 * bar, none), whatever a refused attempt left of it deleted first; then the page setup on its
 * own. A handful of syncs, however large the model, and only when a host refused something.
 */
async function recoverCosmetics(
  context: Excel.RequestContext,
  charts: readonly { readonly sheet: string; readonly chart: ChartPlan }[],
  pages: readonly SheetPlan[],
): Promise<{ syncs: number; notes: string[] }> {
  let syncs = 0;
  const notes: string[] = [];
  const attempt = async (queue: () => void): Promise<unknown> => {
    queue();
    try {
      // Each attempt needs Excel's answer before the next: a handful at most, only after a refusal.
      await context.sync();
      return undefined;
    } catch (error) {
      return error ?? new Error("refused");
    } finally {
      syncs++;
    }
  };
  for (const { sheet, chart } of charts) {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    const kinds: ChartKind[] = FALLBACKS[chart.kind];
    let made: ChartKind | undefined;
    const refusals: unknown[] = [];
    for (const kind of kinds) {
      syncs += await deleteOwnChart(context, worksheet, CHART_NAMES[chart.kind]);
      const refusal = await attempt(() => addChart(worksheet, chart, kind));
      if (refusal === undefined) {
        made = kind;
        break;
      }
      refusals.push(refusal);
    }
    if (made === undefined) syncs += await deleteOwnChart(context, worksheet, CHART_NAMES[chart.kind]);
    const what = CHART_WHAT[chart.kind];
    if (made === undefined)
      notes.push(
        `Excel refused ${what} (${errorText(refusals.at(-1))}), so the ${sheet} has its table without that chart; every number is there.`,
      );
    else if (made !== kinds[0])
      notes.push(
        `Excel refused the waterfall chart of value by element (${errorText(refusals[0])}), so the ${sheet} shows value by element as a clustered bar chart.`,
      );
  }
  if (pages.length > 0) {
    const refused = await attempt(() => {
      for (const s of pages) setUpPage(context.workbook.worksheets.getItem(s.name), s.page!);
    });
    // Excel kept the settings before the refused one: the page setup may be part old, part new.
    if (refused !== undefined)
      notes.push(
        `The sheets are complete, but Excel refused part of their page setup for printing (${errorText(refused)}): check Page Layout on ${sheetList(pages)} before printing.`,
      );
  }
  return { syncs, notes };
}

/** Deletes the add-in's chart of that name where an earlier attempt left one: two syncs' worth of work in one (the delete rides on the next request). */
async function deleteOwnChart(context: Excel.RequestContext, worksheet: Excel.Worksheet, name: string): Promise<number> {
  const existing = worksheet.charts.getItemOrNullObject(name);
  existing.load("name");
  await context.sync();
  if (!existing.isNullObject) existing.delete();
  return 1;
}

type ChartKind = "Waterfall" | "BarClustered" | "ColumnClustered";

/** Each chart as planned, then the next simpler one where a host refuses it; none after the last. */
const FALLBACKS: Readonly<Record<ChartPlan["kind"], ChartKind[]>> = {
  valueByElement: ["Waterfall", "BarClustered"],
  tornado: ["BarClustered"],
  realizationByYear: ["ColumnClustered"],
};
const CHART_WHAT: Readonly<Record<ChartPlan["kind"], string>> = {
  valueByElement: "the chart of value by element",
  tornado: "the sensitivity chart",
  realizationByYear: "the chart of estimate against actual by year",
};

function addChart(sheet: Excel.Worksheet, plan: ChartPlan, kind: ChartKind): void {
  const chart =
    plan.kind === "tornado"
      ? addTornado(sheet, plan)
      : plan.kind === "realizationByYear"
        ? addRealizationChart(sheet, plan)
        : addValueChart(sheet, plan, kind === "Waterfall");
  chart.title.text = plan.title;
  const { row, column, rows, columns } = plan.anchor;
  chart.setPosition(cellRef(row, column), cellRef(row + rows - 1, column + columns - 1));
}

function addValueChart(sheet: Excel.Worksheet, plan: ValueByElementChart, waterfall: boolean): Excel.Chart {
  const chart = sheet.charts.add(waterfall ? "Waterfall" : "BarClustered", sheet.getRange(plan.values), "Columns");
  // Named at once: a rebuild replaces the charts it recognizes by name, and only those.
  chart.name = CHART_NAMES[plan.kind];
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = plan.seriesName;
  series.setXAxisValues(sheet.getRange(plan.categories));
  return chart;
}

/**
 * A tornado as Excel draws one: a clustered bar chart of the series side by side in the sheet
 * (one chart source, so no series needs adding), bars overlapping fully so that each variable's
 * Low and High changes share one bar's place, and the category axis reversed so the largest
 * swing (the plan's first row) is on top.
 */
function addTornado(sheet: Excel.Worksheet, plan: TornadoChart): Excel.Chart {
  const chart = addSideBySide(sheet, plan, "BarClustered");
  const first = chart.series.getItemAt(0);
  first.gapWidth = 40;
  first.overlap = 100;
  chart.axes.categoryAxis.reversePlotOrder = true;
  return chart;
}

/** Estimate against actual by year: clustered columns from the two adjacent columns of the table of years. */
function addRealizationChart(sheet: Excel.Worksheet, plan: RealizationChart): Excel.Chart {
  return addSideBySide(sheet, plan, "ColumnClustered");
}

/** A chart of the plan's series from one source range, each series named, over the plan's categories, with a legend. */
function addSideBySide(
  sheet: Excel.Worksheet,
  plan: TornadoChart | RealizationChart,
  type: "BarClustered" | "ColumnClustered",
): Excel.Chart {
  const chart = sheet.charts.add(type, sheet.getRange(sourceOf(plan)), "Columns");
  chart.name = CHART_NAMES[plan.kind];
  chart.legend.visible = true;
  plan.series.forEach((planned, i) => {
    const series = chart.series.getItemAt(i);
    series.name = planned.name;
    series.setXAxisValues(sheet.getRange(plan.categories));
  });
  return chart;
}

/** The one range that holds every series, side by side; the plan puts them in adjacent columns. */
function sourceOf(plan: TornadoChart | RealizationChart): string {
  const ranges = plan.series.map((s) => parseRangeAddress(`S!${s.values}`));
  const first = ranges[0];
  const adjacent =
    first &&
    ranges.every((r, i) => r && r.top === first.top && r.bottom === first.bottom && r.left === r.right && r.left === first.left + i);
  if (!first || !adjacent)
    throw new Error(
      `The ${plan.kind} chart's series must lie in adjacent columns of the same rows: ${plan.series.map((s) => s.values).join(", ")}`,
    );
  return `${cellRef(first.top, first.left)}:${cellRef(first.bottom, first.left + ranges.length - 1)}`;
}
