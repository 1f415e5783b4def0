import { type BuildProgress } from "../../src/core/port";
import { type ExcelBuildOutcome } from "../support/pipeline";
import { type BuildStatus, clearBuilds, runBuild, subscribeBuilds } from "../../src/app/build-events";

const refused: ExcelBuildOutcome = { ok: false, problems: [] };

afterEach(() => clearBuilds());

test("a pane that opens after the ribbon's build still sees how it ended, then every later change, until it unsubscribes", async () => {
  await runBuild(async () => {
    throw new Error("Excel refused the request");
  });
  const seen: BuildStatus[] = [];
  const unsubscribe = subscribeBuilds((s) => seen.push(s));
  expect(seen[0]?.last).toMatchObject({ failure: "Excel refused the request" });
  await runBuild(async () => refused);
  unsubscribe();
  await runBuild(async () => refused);
  // Replayed end, start, end of the second build; nothing of the third.
  expect(seen.map((s) => [s.running?.stage, s.last && ("failure" in s.last ? "failed" : "refused")])).toEqual([
    [undefined, "failed"],
    ["reading", "failed"],
    [undefined, "refused"],
  ]);
});

test("a build asked for while one is under way joins it: the workbook is written once", async () => {
  let finish: (o: ExcelBuildOutcome) => void = () => undefined;
  let progress: (p: BuildProgress) => void = () => undefined;
  const start = jest.fn((onProgress: (p: BuildProgress) => void) => {
    progress = onProgress;
    return new Promise<ExcelBuildOutcome>((resolve) => (finish = resolve));
  });
  const seen: BuildStatus[] = [];
  subscribeBuilds((s) => seen.push(s));
  const fromPane = runBuild(start);
  const fromRibbon = runBuild(start);
  progress({ stage: "writing", done: 1, total: 2 });
  expect(seen.at(-1)?.running).toEqual({ stage: "writing", done: 1, total: 2 });
  finish(refused);
  const [a, b] = await Promise.all([fromPane, fromRibbon]);
  expect(start).toHaveBeenCalledTimes(1);
  expect(a).toBe(b);
  expect(seen.at(-1)).toEqual({ last: a });
  // Once it has ended, the next one starts afresh.
  const next = jest.fn(async () => refused);
  await runBuild(next);
  expect(next).toHaveBeenCalledTimes(1);
});
