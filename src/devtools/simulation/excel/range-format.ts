/**
 * A range's format. Reading gives the value shared by every cell of the range, or null when
 * they differ (as Excel does); writing sets every cell.
 */
import { cellsIn, formatCells, uniform } from "./cells";
import { autofitColumns, setColumnWidth, setRowHeight, uniformColumnWidth, uniformRowHeight } from "./document";
import { SimulationError, officeError } from "./errors";
import { type Properties, SimObject } from "./proxy";
import {
  type BorderStyle,
  type CellFormat,
  DEFAULT_FORMAT,
  type HorizontalAlignment,
  type RangeTarget,
  type VerticalAlignment,
} from "./state";

const VERTICAL_ALIGNMENTS: readonly string[] = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const ALIGNMENTS: readonly string[] = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const BORDER_STYLES: readonly string[] = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

/** Excel answers with `#RRGGBB`; named colours would need its colour table, which is not simulated. */
export function normalizeColor(color: unknown): string {
  if (typeof color === "string" && /^#[0-9A-Fa-f]{6}$/.test(color)) return color.toUpperCase();
  throw new SimulationError(`Only #RRGGBB colours are simulated, not ${JSON.stringify(color)}`);
}

function fontSize(size: unknown): number {
  if (typeof size === "number" && size >= 1 && size <= 409) return size;
  throw officeError("InvalidArgument", `font size ${JSON.stringify(size)}`);
}

function oneOf<T extends string>(allowed: readonly string[], what: string): (value: unknown) => T {
  return (value) => {
    if (typeof value === "string" && allowed.includes(value)) return value as T;
    throw officeError("InvalidArgument", `${what} ${JSON.stringify(value)}`);
  };
}

function indentLevel(value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 250) return value;
  throw officeError("InvalidArgument", `indent level ${JSON.stringify(value)}`);
}

function flag(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  throw officeError("InvalidArgument", `${JSON.stringify(value)} is not true or false`);
}

const read =
  (key: keyof CellFormat) =>
  (target: RangeTarget): unknown =>
    uniform(target, (cell) => cell?.format[key] ?? DEFAULT_FORMAT[key]);

/** A proxy whose properties are the cells' format fields over one range. */
abstract class CellFormatProxy<Real> extends SimObject<Real, RangeTarget> {
  protected setFormat<K extends keyof CellFormat>(
    name: string,
    key: K,
    value: unknown,
    check: (value: unknown) => NonNullable<CellFormat[K]>,
  ): void {
    this.assign(name, value, (target, v) => {
      const checked = check(v);
      formatCells(target, (format) => (format[key] = checked));
    });
  }
}

export class SimRangeFormat
  extends CellFormatProxy<Excel.RangeFormat>
  implements
    Pick<
      Excel.RangeFormat,
      | "font"
      | "fill"
      | "borders"
      | "horizontalAlignment"
      | "verticalAlignment"
      | "wrapText"
      | "indentLevel"
      | "columnWidth"
      | "rowHeight"
      | "autofitColumns"
      | "load"
    >
{
  protected readonly typeName = "RangeFormat";
  protected readonly properties: Properties<RangeTarget> = {
    horizontalAlignment: read("horizontalAlignment"),
    wrapText: read("wrapText"),
    indentLevel: { read: read("indentLevel"), since: "1.9" },
    verticalAlignment: read("verticalAlignment"),
    columnWidth: { read: uniformColumnWidth, since: "1.2" },
    rowHeight: { read: uniformRowHeight, since: "1.2" },
  };
  private fontProxy?: SimRangeFont;
  private fillProxy?: SimRangeFill;
  private bordersProxy?: SimRangeBorderCollection;

  get font(): Excel.RangeFont {
    return (this.fontProxy ??= new SimRangeFont(this.part("font"))).asReal();
  }

  get fill(): Excel.RangeFill {
    return (this.fillProxy ??= new SimRangeFill(this.part("fill"))).asReal();
  }

  get borders(): Excel.RangeBorderCollection {
    return (this.bordersProxy ??= new SimRangeBorderCollection(this.part("borders"))).asReal();
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    return this.loadedValue("horizontalAlignment");
  }

  set horizontalAlignment(value: Excel.RangeFormat["horizontalAlignment"]) {
    this.setFormat("horizontalAlignment", "horizontalAlignment", value, oneOf<HorizontalAlignment>(ALIGNMENTS, "horizontal alignment"));
  }

  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    return this.loadedValue("verticalAlignment");
  }

  set verticalAlignment(value: Excel.RangeFormat["verticalAlignment"]) {
    this.setFormat("verticalAlignment", "verticalAlignment", value, oneOf<VerticalAlignment>(VERTICAL_ALIGNMENTS, "vertical alignment"));
  }

  get wrapText(): boolean {
    return this.loadedValue("wrapText");
  }

  set wrapText(value: boolean) {
    this.setFormat("wrapText", "wrapText", value, flag);
  }

  get indentLevel(): number {
    return this.loadedValue("indentLevel");
  }

  /** Excel takes 0 to 250 steps. */
  set indentLevel(value: number) {
    this.setFormat("indentLevel", "indentLevel", value, indentLevel);
  }

  /** In points; setting it sets every column the range spans. */
  get columnWidth(): number {
    return this.loadedValue("columnWidth");
  }

  set columnWidth(value: number) {
    this.assign("columnWidth", value, (target, width) => setColumnWidth(target, width), "1.2");
  }

  get rowHeight(): number {
    return this.loadedValue("rowHeight");
  }

  set rowHeight(value: number) {
    this.assign("rowHeight", value, (target, height) => setRowHeight(target, height), "1.2");
  }

  /** An approximation of Excel's AutoFit (see autofitColumns in document.ts). */
  autofitColumns(): void {
    this.invoke("autofitColumns", [], (target, run) => autofitColumns(target, run.environment.calculate), "1.2");
  }
}

export class SimRangeFont
  extends CellFormatProxy<Excel.RangeFont>
  implements Pick<Excel.RangeFont, "bold" | "italic" | "color" | "size" | "load">
{
  protected readonly typeName = "RangeFont";
  protected readonly properties: Properties<RangeTarget> = {
    bold: read("bold"),
    italic: read("italic"),
    color: read("fontColor"),
    size: read("fontSize"),
  };

  get bold(): boolean {
    return this.loadedValue("bold");
  }

  set bold(value: boolean) {
    this.setFormat("bold", "bold", value, flag);
  }

  get italic(): boolean {
    return this.loadedValue("italic");
  }

  set italic(value: boolean) {
    this.setFormat("italic", "italic", value, flag);
  }

  get color(): string {
    return this.loadedValue("color");
  }

  set color(value: string) {
    this.setFormat("color", "fontColor", value, normalizeColor);
  }

  get size(): number {
    return this.loadedValue("size");
  }

  set size(value: number) {
    this.setFormat("size", "fontSize", value, fontSize);
  }
}

export class SimRangeFill extends CellFormatProxy<Excel.RangeFill> implements Pick<Excel.RangeFill, "color" | "clear" | "load"> {
  protected readonly typeName = "RangeFill";
  protected readonly properties: Properties<RangeTarget> = { color: read("fill") };

  get color(): string {
    return this.loadedValue("color");
  }

  set color(value: string) {
    this.setFormat("color", "fill", value, normalizeColor);
  }

  clear(): void {
    this.invoke("clear", [], (target) => {
      for (const { cell } of cellsIn(target.sheet, target.rect)) delete cell.format.fill;
    });
  }
}

type Edge = "EdgeTop" | "EdgeBottom";

interface BorderTarget {
  readonly range: RangeTarget;
  readonly edge: Edge;
}

export class SimRangeBorderCollection
  extends SimObject<Excel.RangeBorderCollection, RangeTarget>
  implements Pick<Excel.RangeBorderCollection, "getItem">
{
  protected readonly typeName = "RangeBorderCollection";
  protected readonly properties: Properties<RangeTarget> = {};

  getItem(
    index:
      | Excel.BorderIndex
      | "EdgeTop"
      | "EdgeBottom"
      | "EdgeLeft"
      | "EdgeRight"
      | "InsideVertical"
      | "InsideHorizontal"
      | "DiagonalDown"
      | "DiagonalUp",
  ): Excel.RangeBorder {
    const edge = String(index);
    return new SimRangeBorder(
      this.link(this.path.method("getItem", [edge]), (range) => {
        if (edge !== "EdgeTop" && edge !== "EdgeBottom") throw new SimulationError(`The border ${edge} is not simulated`);
        return { range, edge };
      }),
    ).asReal();
  }
}

/** The cells along one edge of the range: its top row for EdgeTop, its bottom row for EdgeBottom. */
function edgeCells({ range, edge }: BorderTarget): { target: RangeTarget; key: "borderTop" | "borderBottom" } {
  const row = edge === "EdgeTop" ? range.rect.top : range.rect.bottom;
  return {
    target: { sheet: range.sheet, rect: { ...range.rect, top: row, bottom: row } },
    key: edge === "EdgeTop" ? "borderTop" : "borderBottom",
  };
}

export class SimRangeBorder extends SimObject<Excel.RangeBorder, BorderTarget> implements Pick<Excel.RangeBorder, "style" | "load"> {
  protected readonly typeName = "RangeBorder";
  protected readonly properties: Properties<BorderTarget> = {
    style: (border) => {
      const { target, key } = edgeCells(border);
      return uniform(target, (cell) => cell?.format[key] ?? DEFAULT_FORMAT[key]);
    },
  };

  get style(): Excel.RangeBorder["style"] {
    return this.loadedValue("style");
  }

  set style(value: Excel.RangeBorder["style"]) {
    this.assign("style", value, (border, v) => {
      const style = oneOf<BorderStyle>(BORDER_STYLES, "border style")(v);
      const { target, key } = edgeCells(border);
      formatCells(target, (format) => (format[key] = style));
    });
  }
}
