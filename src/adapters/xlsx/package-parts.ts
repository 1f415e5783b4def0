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
    e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
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

export async function readWorkbookXml(buffer: ArrayBuffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error("This file is not an Excel workbook (it has no xl/workbook.xml).");
  return part.async("string");
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
