/**
 * The end-to-end harness: the workbench (built and served once per jest run by global-setup.ts)
 * in headless Chromium, driven through playwright-core.
 *
 *   const { openWorkbench } = useWorkbench();           // at the top of a test file
 *   test("…", async () => {
 *     const page = await openWorkbench();                // or openWorkbench({ workbook: "empty" })
 *     await typeIntoCell(page, "B2", "1500");            // the user types into the grid
 *     expect(await valueOf(page, "Variables", "B2")).toBe(1500);
 *     await taskPane(page).getByRole("button", { name: /build/i }).click();
 *     expectNoErrors(page);                              // no console error, page error or outside request
 *   });
 *
 * Each openWorkbench() is a fresh page in its own browser context (closed after the test), so
 * every test starts from a fresh simulated workbook.
 */
import * as fs from "node:fs";
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from "playwright-core";
import type { CellValue, NameSnapshot, TableSnapshot, SheetSnapshot } from "../../src/devtools/simulation/excel";
import "../../src/devtools/workbench/global";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface WorkbenchQuery {
  /** Default: the bundled sample. */
  readonly workbook?: "sample" | "empty";
  readonly theme?: "light" | "dark";
  /** The highest ExcelApi version the simulated Excel supports, e.g. "1.8" (default 1.12). */
  readonly api?: string;
}

export interface OpenOptions {
  /** Default 1400 × 900. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface WorkbenchSession {
  /** A fresh workbench page, once the grid and the task pane are drawn. */
  openWorkbench(query?: WorkbenchQuery, options?: OpenOptions): Promise<Page>;
  /** The server's base URL, `http://127.0.0.1:PORT/`. */
  readonly url: () => string;
  readonly browser: () => Browser;
}

export function workbenchUrl(): string {
  const url = process.env.CVM_WORKBENCH_URL;
  if (!url)
    throw new Error(
      "CVM_WORKBENCH_URL is not set: run the end-to-end tests through jest (`npx jest test/e2e`), whose e2e project builds and serves the workbench",
    );
  return url;
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: the workbench's end-to-end tests need it. Install it with \`apt-get install chromium\` (.ci/run does).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** What went wrong on a page: console errors, uncaught exceptions, failed and outside requests. */
const problems = new WeakMap<Page, string[]>();

/** Everything that went wrong on the page so far, one line each. */
export function errorsOf(page: Page): string[] {
  return [...(problems.get(page) ?? [])];
}

/** Fails with the page's errors listed, if there are any. */
export function expectNoErrors(page: Page): void {
  const errors = errorsOf(page);
  if (errors.length > 0) throw new Error(`The workbench page reported ${errors.length} error(s):\n  ${errors.join("\n  ")}`);
}

export function queryString(query: WorkbenchQuery = {}): string {
  const params = new URLSearchParams();
  if (query.workbook) params.set("workbook", query.workbook);
  if (query.theme) params.set("theme", query.theme);
  if (query.api) params.set("api", query.api);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Registers beforeAll/afterEach/afterAll hooks: one browser per test file, one context per page. */
export function useWorkbench(): WorkbenchSession {
  let browser: Browser | undefined;
  let url: string | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    url = workbenchUrl();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    url: () => url ?? workbenchUrl(),
    browser: () => {
      if (!browser) throw new Error("The browser starts in beforeAll: call this inside a test");
      return browser;
    },
    async openWorkbench(query = {}, options = {}) {
      if (!browser || !url) throw new Error("openWorkbench() is for tests: useWorkbench() starts the browser in beforeAll");
      const origin = new URL(url).origin;
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      const found: string[] = [];
      problems.set(page, found);
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const where = message.location();
        found.push(`console.error: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ""}`);
      });
      page.on("pageerror", (error) => found.push(`uncaught: ${error.stack ?? error.message}`));
      page.on("requestfailed", (request) => {
        if (new URL(request.url()).origin === origin)
          found.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400) found.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      // No network but the workbench itself: the page must not need a CDN. The one request let
      // through unreported is office.js's own telemetry frame, which the real library (served
      // from @microsoft/office-js) opens outside Office too; it is answered empty, never sent.
      await context.route("**/*", (route) => {
        const target = route.request().url();
        if (target.startsWith("data:") || new URL(target).origin === origin) return route.continue();
        if (isOfficeTelemetry(target)) return route.fulfill({ status: 204, body: "" });
        found.push(`outside request blocked: ${target}`);
        return route.abort("blockedbyclient");
      });
      await page.goto(new URL(`workbench.html${queryString(query)}`, url).href);
      await waitForWorkbench(page);
      return page;
    },
  };
}

/** Waits until the page's simulation exists, the grid is drawn and the task pane shows a heading. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForFunction(() => window.cvmWorkbench !== undefined);
  await grid(page).waitFor();
  await taskPane(page).getByRole("heading").first().waitFor();
}

// ---- The page's parts -----------------------------------------------------------------------

/** The grid of the shown sheet. */
export const grid = (page: Page): Locator => page.getByRole("grid");

/** A cell of the shown sheet by address (`B2`). */
export const gridCell = (page: Page, address: string): Locator => grid(page).locator(`td[data-address="${address.toUpperCase()}"]`);

/** The task pane's column (the add-in's own UI). */
export const taskPane = (page: Page): Locator => page.getByTestId("task-pane");

export const formulaBar = (page: Page): Locator => page.getByRole("textbox", { name: /^Formula bar/ });

export const nameBox = (page: Page): Locator => page.getByRole("textbox", { name: "Name box" });

export const sheetTab = (page: Page, sheet: string): Locator =>
  page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: sheet, exact: true });

/** The sheet the grid shows (the workbook's active sheet). */
export async function shownSheet(page: Page): Promise<string> {
  return (await grid(page).getAttribute("data-sheet")) ?? "";
}

/** What the grid shows in a cell of the shown sheet (its value through its number format). */
export async function cellText(page: Page, address: string): Promise<string> {
  return (await gridCell(page, address).innerText()).trim();
}

// ---- The user's gestures --------------------------------------------------------------------

/** Clicks a sheet's tab and waits until the grid shows it. */
export async function showSheet(page: Page, sheet: string): Promise<void> {
  await sheetTab(page, sheet).click();
  await page.waitForFunction((name) => document.querySelector('[role="grid"]')?.getAttribute("data-sheet") === name, sheet);
}

/** Clicks a cell of the shown sheet and waits until the workbook's selection is that cell. */
export async function selectCell(page: Page, address: string): Promise<void> {
  await gridCell(page, address).click();
  await page.waitForFunction(
    (a) => window.cvmWorkbench?.simulation.document.selection()?.endsWith(`!${a}`) === true,
    address.toUpperCase(),
  );
}

/**
 * Types into a cell as a user would (click, type, Enter), then waits until the workbook's
 * revision moved on. `text` is read as typed input: `=A1*2` a formula, `15%` a number.
 */
export async function typeIntoCell(page: Page, address: string, text: string): Promise<void> {
  await selectCell(page, address);
  const before = await revisionOf(page);
  await page.keyboard.press("F2");
  const editor = grid(page).getByRole("textbox");
  await editor.fill(text);
  await editor.press("Enter");
  await page.waitForFunction((r) => (window.cvmWorkbench?.simulation.document.revision() ?? r) > r, before);
}

// ---- The simulated workbook, read in the page -----------------------------------------------

export interface WorkbookData {
  readonly sheetNames: string[];
  readonly activeSheet: string | undefined;
  /** `Sheet1!B2` */
  readonly selection: string | undefined;
  readonly names: NameSnapshot[];
  readonly tables: TableSnapshot[];
  readonly sheets: Record<string, SheetSnapshot>;
  readonly revision: number;
}

/** The whole simulated workbook as data (copies, taken now). */
export function documentOf(page: Page): Promise<WorkbookData> {
  return page.evaluate(() => {
    const doc = window.cvmWorkbench!.simulation.document;
    const sheetNames = doc.sheetNames();
    return {
      sheetNames,
      activeSheet: doc.activeSheet(),
      selection: doc.selection(),
      names: doc.names(),
      tables: doc.tables(),
      sheets: Object.fromEntries(sheetNames.map((name) => [name, doc.sheet(name)])),
      revision: doc.revision(),
    };
  });
}

/** One sheet of the simulated workbook (its stored cells, widths, frozen panes, charts). */
export function sheetOf(page: Page, sheet: string): Promise<SheetSnapshot> {
  return page.evaluate((name) => window.cvmWorkbench!.simulation.document.sheet(name), sheet);
}

/** A cell's value: stored, or calculated for a formula; undefined when empty. */
export function valueOf(page: Page, sheet: string, address: string): Promise<CellValue | undefined> {
  return page.evaluate(([name, a]) => window.cvmWorkbench!.simulation.document.value(name!, a!), [sheet, address]);
}

/** The workbook's revision (grows with every change). */
export function revisionOf(page: Page): Promise<number> {
  return page.evaluate(() => window.cvmWorkbench!.simulation.document.revision());
}

/** office.js's telemetry frame (telemetryservice.firstpartyapps.oaspapps.com), which it opens wherever it loads. */
function isOfficeTelemetry(url: string): boolean {
  const { protocol, hostname, pathname } = new URL(url);
  return protocol === "https:" && hostname === "telemetryservice.firstpartyapps.oaspapps.com" && pathname.startsWith("/telemetryservice/");
}
