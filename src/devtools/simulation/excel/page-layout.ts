/**
 * Printing (ExcelApi 1.9): a worksheet's page layout, its header and footer, and its manual
 * horizontal page breaks; what the add-in sets, kept per sheet for tests to read.
 */
import { MAX_COLUMNS } from "../../../core/workbook/address";
import { type Rect, formatRect } from "./addresses";
import { SimulationError, officeError } from "./errors";
import { type Properties, SimObject, simulated } from "./proxy";
import { SimRange, rectOn } from "./range";
import type { Execution } from "./requests";
import type { SheetState } from "./state";

export type Orientation = "Portrait" | "Landscape";
export type HeaderFooterMode = "Default" | "FirstAndDefault" | "OddAndEven" | "FirstOddAndEven";
export type HeaderFooterTexts = Record<(typeof SECTIONS)[number], string>;

const SECTIONS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;

export interface PageLayoutState {
  orientation: Orientation;
  /** As last set: a scale, or pages wide and tall (0 tall: as many as it takes). */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea?: Rect;
  /** 0-based, inclusive. */
  printTitleRows?: { first: number; last: number };
  headerFooterMode: HeaderFooterMode;
  /** The header and footer used for every page in the Default mode. */
  defaultForAllPages: HeaderFooterTexts;
  /** 0-based rows that a manual page break comes above, in order. */
  rowBreaks: number[];
}

/** A new sheet's: portrait at 100%, no print area, no header or footer, no manual break. */
export function newPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    zoom: { scale: 100 },
    headerFooterMode: "Default",
    defaultForAllPages: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
    rowBreaks: [],
  };
}

export interface PageLayoutSnapshot {
  readonly orientation: Orientation;
  readonly zoom: { readonly scale?: number; readonly horizontalFitToPages?: number; readonly verticalFitToPages?: number };
  /** Sheet-relative, `A1:H40`. */
  readonly printArea?: string;
  /** `$5:$6` */
  readonly printTitleRows?: string;
  readonly headerFooterMode: HeaderFooterMode;
  readonly header: { readonly left: string; readonly center: string; readonly right: string };
  readonly footer: { readonly left: string; readonly center: string; readonly right: string };
  readonly rowBreaks: readonly number[];
}

export function pageLayoutSnapshot(page: PageLayoutState): PageLayoutSnapshot {
  const texts = page.defaultForAllPages;
  return {
    orientation: page.orientation,
    zoom: { ...page.zoom },
    ...(page.printArea ? { printArea: formatRect(page.printArea) } : {}),
    ...(page.printTitleRows ? { printTitleRows: `$${page.printTitleRows.first + 1}:$${page.printTitleRows.last + 1}` } : {}),
    headerFooterMode: page.headerFooterMode,
    header: { left: texts.leftHeader, center: texts.centerHeader, right: texts.rightHeader },
    footer: { left: texts.leftFooter, center: texts.centerFooter, right: texts.rightFooter },
    rowBreaks: [...page.rowBreaks],
  };
}

function rangeArgument(value: Excel.Range | Excel.RangeAreas | string, what: string): SimRange | string {
  return typeof value === "string" ? value : simulated(value, SimRange, what);
}

export class SimPageLayout
  extends SimObject<Excel.PageLayout, SheetState>
  implements Pick<Excel.PageLayout, "orientation" | "zoom" | "headersFooters" | "setPrintArea" | "setPrintTitleRows" | "load">
{
  protected readonly typeName = "PageLayout";
  protected readonly properties: Properties<SheetState> = {
    orientation: (sheet) => sheet.page.orientation,
    zoom: (sheet) => ({ ...sheet.page.zoom }),
  };
  private headersFootersProxy?: SimHeaderFooterGroup;

  get orientation(): Excel.PageLayout["orientation"] {
    return this.loadedValue("orientation");
  }

  set orientation(value: Excel.PageLayout["orientation"]) {
    this.assign("orientation", value, (sheet, v) => {
      const orientation = String(v);
      if (orientation !== "Portrait" && orientation !== "Landscape")
        throw officeError("InvalidArgument", `orientation ${JSON.stringify(v)}`);
      sheet.page.orientation = orientation;
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this.loadedValue("zoom");
  }

  /** Set as a whole object, as the API requires (`zoom.scale = …` changes nothing). */
  set zoom(value: Excel.PageLayoutZoomOptions) {
    const sent = { ...value };
    this.assign("zoom", sent, (sheet) => (sheet.page.zoom = checkZoom(sent)));
  }

  get headersFooters(): Excel.HeaderFooterGroup {
    return (this.headersFootersProxy ??= new SimHeaderFooterGroup(this.part("headersFooters"))).asReal();
  }

  /** One rectangle: several areas (a RangeAreas, or `A1:B2,D1:E2`) are not simulated. */
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    const area = rangeArgument(printArea, "the print area");
    if (typeof area === "string" && area.includes(",")) throw new SimulationError("A print area of several ranges is not simulated");
    this.invoke("setPrintArea", [area], (sheet, run) => (sheet.page.printArea = rectOn(area, sheet, run)));
  }

  /** Whole rows (`$5:$6`), as the API requires. */
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    const rows = rangeArgument(printTitleRows, "the print title rows");
    this.invoke("setPrintTitleRows", [rows], (sheet, run) => {
      const rect = rectOn(rows, sheet, run);
      if (rect.left !== 0 || rect.right !== MAX_COLUMNS - 1)
        throw officeError("InvalidArgument", `the print title rows ${formatRect(rect)} are not whole rows`);
      sheet.page.printTitleRows = { first: rect.top, last: rect.bottom };
    });
  }
}

function checkZoom(zoom: Excel.PageLayoutZoomOptions): PageLayoutState["zoom"] {
  const { scale, horizontalFitToPages, verticalFitToPages } = zoom;
  const pages = (n: number | undefined) => n === undefined || n === null || (Number.isInteger(n) && n >= 0);
  const fits =
    (horizontalFitToPages !== undefined && horizontalFitToPages !== null) ||
    (verticalFitToPages !== undefined && verticalFitToPages !== null);
  const scaled = scale !== undefined && scale !== null;
  // What Excel makes of both at once is not known here.
  if (scaled && fits) throw new SimulationError(`zoom with both a scale and pages to fit is not simulated: ${JSON.stringify(zoom)}`);
  if (scaled && !(scale >= 10 && scale <= 400)) throw officeError("InvalidArgument", `zoom ${JSON.stringify(zoom)}`);
  if (!scaled && !fits) throw officeError("InvalidArgument", "zoom needs a scale or pages to fit");
  if (!pages(horizontalFitToPages) || !pages(verticalFitToPages)) throw officeError("InvalidArgument", `zoom ${JSON.stringify(zoom)}`);
  if (scaled) return { scale };
  return { horizontalFitToPages: horizontalFitToPages ?? 0, verticalFitToPages: verticalFitToPages ?? 0 };
}

export class SimHeaderFooterGroup
  extends SimObject<Excel.HeaderFooterGroup, SheetState>
  implements Pick<Excel.HeaderFooterGroup, "state" | "defaultForAllPages" | "load">
{
  protected readonly typeName = "HeaderFooterGroup";
  protected readonly properties: Properties<SheetState> = { state: (sheet) => sheet.page.headerFooterMode };
  private defaultProxy?: SimHeaderFooter;

  get state(): Excel.HeaderFooterGroup["state"] {
    return this.loadedValue("state");
  }

  set state(value: Excel.HeaderFooterGroup["state"]) {
    this.assign("state", value, (sheet, v) => {
      const mode = String(v);
      if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(mode))
        throw officeError("InvalidArgument", `state ${JSON.stringify(v)}`);
      sheet.page.headerFooterMode = mode as HeaderFooterMode;
    });
  }

  get defaultForAllPages(): Excel.HeaderFooter {
    return (this.defaultProxy ??= new SimHeaderFooter(this.part("defaultForAllPages"))).asReal();
  }
}

/** Texts in Excel's header codes (`&P`, `&N`, `&&`), stored as given. */
export class SimHeaderFooter
  extends SimObject<Excel.HeaderFooter, SheetState>
  implements Pick<Excel.HeaderFooter, (typeof SECTIONS)[number] | "load">
{
  protected readonly typeName = "HeaderFooter";
  protected readonly properties: Properties<SheetState> = Object.fromEntries(
    SECTIONS.map((s) => [s, (sheet: SheetState) => sheet.page.defaultForAllPages[s]]),
  );

  private text(section: (typeof SECTIONS)[number]): string {
    return this.loadedValue(section);
  }

  private setText(section: (typeof SECTIONS)[number], value: string): void {
    this.assign(section, value, (sheet, v) => {
      if (typeof v !== "string") throw officeError("InvalidArgument", `${section} ${JSON.stringify(v)}`);
      sheet.page.defaultForAllPages[section] = v;
    });
  }

  get leftHeader(): string {
    return this.text("leftHeader");
  }
  set leftHeader(value: string) {
    this.setText("leftHeader", value);
  }
  get centerHeader(): string {
    return this.text("centerHeader");
  }
  set centerHeader(value: string) {
    this.setText("centerHeader", value);
  }
  get rightHeader(): string {
    return this.text("rightHeader");
  }
  set rightHeader(value: string) {
    this.setText("rightHeader", value);
  }
  get leftFooter(): string {
    return this.text("leftFooter");
  }
  set leftFooter(value: string) {
    this.setText("leftFooter", value);
  }
  get centerFooter(): string {
    return this.text("centerFooter");
  }
  set centerFooter(value: string) {
    this.setText("centerFooter", value);
  }
  get rightFooter(): string {
    return this.text("rightFooter");
  }
  set rightFooter(value: string) {
    this.setText("rightFooter", value);
  }
}

/** Worksheet.horizontalPageBreaks: manual breaks above rows. */
export class SimPageBreakCollection
  extends SimObject<Excel.PageBreakCollection, SheetState>
  implements Pick<Excel.PageBreakCollection, "removePageBreaks">
{
  protected readonly typeName = "PageBreakCollection";
  protected readonly properties: Properties<SheetState> = {};

  /** A break above the range's top-left cell. Excel returns the PageBreak, which is not simulated. */
  add(pageBreakRange: Excel.Range | string): void {
    const range = rangeArgument(pageBreakRange, "the page break's range");
    this.invoke("add", [range], (sheet, run: Execution) => {
      const { top } = rectOn(range, sheet, run);
      if (top === 0) throw new SimulationError("a page break above the first row is not simulated");
      if (!sheet.page.rowBreaks.includes(top)) sheet.page.rowBreaks = [...sheet.page.rowBreaks, top].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this.invoke("removePageBreaks", [], (sheet) => (sheet.page.rowBreaks = []));
  }
}
