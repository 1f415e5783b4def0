import JSZip from "jszip";

/**
 * The parts of an .xlsx package that ExcelJS does not keep faithfully, read and written as XML:
 * defined names (ExcelJS drops constants and sheet scope, and merges references) and charts
 * (ExcelJS cannot write them).
 */

export interface DefinedNameXml {
  readonly name: string;
  /** The reference or formula, without `=`, as stored in the file. */
  readonly refersTo: string;
  /** Present for a sheet-scoped name: the 0-based index of its sheet. */
  readonly localSheetId?: number;
  /** The whole element as it stands in the file, to be written back untouched. */
  readonly xml: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]!,
  );
}

export function encodeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function readDefinedNames(workbookXml: string): DefinedNameXml[] {
  const names: DefinedNameXml[] = [];
  const pattern = /<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g;
  for (const match of workbookXml.matchAll(pattern)) {
    const attributes = match[1]!;
    const name = /\bname="([^"]*)"/.exec(attributes);
    if (!name) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(attributes);
    names.push({
      name: decodeXml(name[1]!),
      refersTo: decodeXml(match[2] ?? ""),
      ...(local ? { localSheetId: Number(local[1]) } : {}),
      xml: match[0],
    });
  }
  return names;
}

export async function readWorkbookXml(buffer: ArrayBuffer | Uint8Array | JSZip): Promise<string> {
  const zip = buffer instanceof JSZip ? buffer : await JSZip.loadAsync(buffer);
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error("This file is not an Excel workbook (it has no xl/workbook.xml).");
  return part.async("string");
}

const BREAKS = /<rowBreaks\b[^>]*?(?:\/>|>[\s\S]*?<\/rowBreaks>)|<colBreaks\b[^>]*?(?:\/>|>[\s\S]*?<\/colBreaks>)/g;

/**
 * Each sheet's manual page breaks as they stand in the package (`<rowBreaks>`, `<colBreaks>`),
 * by sheet name in lower case: ExcelJS does not read them, so a sheet it writes back would lose them.
 */
export async function readPageBreaks(zip: JSZip): Promise<Map<string, string>> {
  const breaks = new Map<string, string>();
  const workbook = await readWorkbookXml(zip);
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0]);
    if (!name) continue;
    const sheet = decodeXml(name[1]!);
    const path = await sheetPartPath(zip, sheet).catch(() => undefined);
    const xml = path === undefined ? undefined : await zip.file(path)?.async("string");
    const found = xml?.match(BREAKS);
    if (found) breaks.set(sheet.toLowerCase(), found.join(""));
  }
  return breaks;
}

/** Elements the schema puts after a worksheet's page breaks. */
const AFTER_BREAKS =
  /<(customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** A worksheet part with `breaks` in place of any page breaks it has. */
export function withPageBreaks(sheetXml: string, breaks: string): string {
  const without = sheetXml.replace(BREAKS, "");
  const at = AFTER_BREAKS.exec(without)!.index;
  return without.slice(0, at) + breaks + without.slice(at);
}

/**
 * ExcelJS writes `<pageSetUpPr>` before `<outlinePr>` in `<sheetPr>`, an order the schema forbids
 * and Excel repairs as a corrupt file (exceljs#1348): a sheet with fit to page and outline
 * settings gets its page setup properties moved last, where they belong.
 */
export function withSheetPropertiesInOrder(sheetXml: string): string {
  return sheetXml.replace(/<sheetPr\b[^>]*>[\s\S]*?<\/sheetPr>/, (properties) => {
    const setup = /<pageSetUpPr\b[^>]*\/>/.exec(properties);
    if (!setup) return properties;
    return properties.replace(setup[0], "").replace("</sheetPr>", `${setup[0]}</sheetPr>`);
  });
}

/** Replaces the package's defined names with `names`, each given as a complete XML element. */
export function withDefinedNames(workbookXml: string, names: readonly string[]): string {
  const block = names.length === 0 ? "" : `<definedNames>${names.join("")}</definedNames>`;
  const without = workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, "");
  // definedNames follows sheets (and externalReferences) in the schema's order.
  const anchor = /<\/externalReferences>|<\/sheets>/g;
  let last: RegExpExecArray | null = null;
  for (let m = anchor.exec(without); m; m = anchor.exec(without)) last = m;
  if (!last) throw new Error("The workbook has no list of sheets.");
  const at = last.index + last[0].length;
  return without.slice(0, at) + block + without.slice(at);
}

export function definedNameXml(name: string, refersTo: string): string {
  return `<definedName name="${encodeXml(name)}">${encodeXml(refersTo.replace(/^=/, ""))}</definedName>`;
}

/** The path of a sheet's part in a package (`xl/worksheets/sheet1.xml`). */
export async function sheetPartPath(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const sheetName = /\bname="([^"]*)"/.exec(m[0]);
    const id = /\br:id="([^"]*)"/.exec(m[0]);
    if (!sheetName || !id || decodeXml(sheetName[1]!) !== name) continue;
    const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${id[1]}"[^>]*>`).exec(rels);
    const target = rel && /\bTarget="([^"]*)"/.exec(rel[0]);
    if (target) return target[1]!.startsWith("/") ? target[1]!.slice(1) : `xl/${target[1]}`;
  }
  throw new Error(`The written workbook has no sheet "${name}".`);
}
