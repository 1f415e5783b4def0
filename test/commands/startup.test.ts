/**
 * The shared runtime's page (commands.ts) keeps the startup setting in step with the workbook:
 * when the runtime starts, Load if the workbook holds a model; after a build that wrote the
 * outputs, Load. Office is a stand-in with Office.addin, and the pipeline's inspection is
 * replaced by one that reports which of the contract's ranges the workbook defines.
 */
import { type ModelInspection } from "../../src/app/pipeline";

const inspection = { ranges: {} as ModelInspection["ranges"] };
jest.mock("../../src/adapters/excel", () => ({
  officeHost: () => ({}),
  excelWorkbook: () => ({}),
  // The real one: it reads the stand-in Office global below.
  officeStartupHost: jest.requireActual("../../src/adapters/excel/startup-host").officeStartupHost,
}));
jest.mock("../../src/app/pipeline", () => ({
  inspectWorkbook: async () => inspection,
  buildWorkbook: async () => ({ ok: true, notes: [] }),
}));

interface StandInOffice {
  behavior: string;
  sets: string[];
  ready: Promise<void>;
}

function installOffice(initial: string): StandInOffice {
  const state: StandInOffice = { behavior: initial, sets: [], ready: Promise.resolve() };
  (globalThis as { Office?: unknown }).Office = {
    onReady: (callback: () => void) => {
      state.ready = Promise.resolve().then(callback);
      return state.ready;
    },
    actions: { associate: () => undefined },
    addin: {
      getStartupBehavior: async () => state.behavior,
      setStartupBehavior: async (next: string) => {
        state.sets.push(next);
        state.behavior = next;
      },
    },
    context: { requirements: { isSetSupported: (name: string, version: string) => name === "SharedRuntime" && version === "1.1" } },
    StartupBehavior: { load: "Load", none: "None" },
  };
  return state;
}

/** Until the stand-in's promise chains (inspection, get, set) have run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.resetModules();
});

it("sets Load when the runtime starts in a workbook that holds a model", async () => {
  inspection.ranges = { elements: "Elements!A1:I7", variables: "Variables!A1:G18" };
  const office = installOffice("None");
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
  await office.ready;
  await settle();
  expect(office.sets).toEqual(["Load"]);
});

it("leaves a workbook without a model alone, and sets Load once a build has written the outputs", async () => {
  inspection.ranges = {};
  const office = installOffice("None");
  let builds: typeof import("../../src/app/build-events") | undefined;
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
    builds = await import("../../src/app/build-events");
  });
  await office.ready;
  await settle();
  expect(office.sets).toEqual([]);
  await builds!.runBuild(async () => ({ ok: true, notes: [] }) as never);
  await settle();
  expect(office.sets).toEqual(["Load"]);
});
