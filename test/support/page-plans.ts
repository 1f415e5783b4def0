/**
 * Test support: builds of a model whose output sheets carry page setups chosen by the test, so
 * that the adapters' printing can be checked whatever the core's planners decide.
 */
import JSZip from "jszip";
import { decodeXml, readDefinedNames, withDefinedNames } from "../../src/adapters/xlsx/package-parts";
import { loadXlsx, readWorkbook } from "../../src/adapters/xlsx/read";
import { writePlannedXlsx } from "../../src/adapters/xlsx/write";
import { analyzeWorkbook } from "../../src/core/model/analyze";
import { planBuild } from "../../src/core/plan/build-plan";
import type { PagePlan, WorkbookPlan } from "../../src/core/plan/types";

/** Page setups chosen by a test, unlike any the core plans: each adapter must write exactly these. */
export const SUMMARY_PAGE: PagePlan = {
  orientation: "landscape",
  fitToPagesWide: 1,
  printArea: { firstRow: 0, firstColumn: 0, lastRow: 59, lastColumn: 9 },
  titleRows: { first: 3, last: 4 },
  breaksBefore: [20, 41],
  header: { left: "Value to Acme && Co", center: "", right: "Pipeline Leak Analytics" },
  footer: { left: "Built 23 Nov 2026", center: "", right: "Page &P of &N" },
};

export const LOG_PAGE: PagePlan = {
  orientation: "portrait",
  fitToPagesWide: 1,
  printArea: { firstRow: 0, firstColumn: 0, lastRow: 30, lastColumn: 5 },
  breaksBefore: [],
  header: { left: "", center: "Assumptions", right: "" },
  footer: { left: "", center: "Page &P of &N", right: "" },
};

/** The plan with the given page setups on the named sheets (any page the core planned elsewhere stays). */
export function withPages(plan: WorkbookPlan, pages: Readonly<Record<string, PagePlan>>): WorkbookPlan {
  return { ...plan, sheets: plan.sheets.map((s) => (pages[s.name] ? { ...s, page: pages[s.name] } : s)) };
}

/** The core's plan for a model workbook's bytes. */
export async function planOf(bytes: Uint8Array, now: Date): Promise<WorkbookPlan> {
  const { input, existing } = readWorkbook(await loadXlsx(bytes));
  const analysis = analyzeWorkbook(input);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("; "));
  const planned = planBuild(analysis.model, analysis.results, existing, now);
  if (!planned.ok) throw new Error(planned.problems.map((p) => p.message).join("; "));
  return planned.plan;
}

/** Builds the workbook as `cvm build` does, with `pages` added to the plan. */
export async function buildWithPages(bytes: Uint8Array, now: Date, pages: Readonly<Record<string, PagePlan>>): Promise<Uint8Array> {
  const plan = withPages(await planOf(bytes, now), pages);
  return writePlannedXlsx(await loadXlsx(bytes), plan);
}

/** Adds defined names (complete `<definedName>` elements) to a package, as a user's Excel would have. */
export async function addDefinedNames(bytes: Uint8Array, names: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", withDefinedNames(xml, [...readDefinedNames(xml).map((n) => n.xml), ...names]));
  return zip.generateAsync({ type: "uint8array" });
}

/** A package's sheets in order, each with the path of its part. */
export async function sheetParts(zip: JSZip): Promise<{ readonly name: string; readonly path: string }[]> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])![1]!);
    const id = /\br:id="([^"]*)"/.exec(m[0])![1]!;
    const target = new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(rels)![0];
    const path = /\bTarget="([^"]*)"/.exec(target)![1]!.replace(/^\/?(xl\/)?/, "xl/");
    return { name, path };
  });
}

/** The XML of a sheet's part. */
export async function sheetXml(zip: JSZip, sheet: string): Promise<string> {
  const part = (await sheetParts(zip)).find((p) => p.name === sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  return zip.file(part.path)!.async("string");
}
