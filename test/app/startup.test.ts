/**
 * The add-in's startup setting follows the workbook: Load where it holds a model, None where it
 * no longer does, nothing where SharedRuntime 1.1 (and so Office.addin) is missing. Office.addin
 * is a stand-in that keeps the setting as Office keeps it per document.
 */
import { officeStartupHost } from "../../src/adapters/excel";
import { keepStartupBehavior, type StartupHost } from "../../src/app/startup";

type Behavior = "Load" | "None";

function standIn(initial: Behavior, supported = true) {
  const calls: string[] = [];
  let behavior = initial;
  const host: StartupHost<Behavior> = {
    addin: {
      getStartupBehavior: async () => behavior,
      setStartupBehavior: async (next) => {
        calls.push(`set ${next}`);
        behavior = next;
      },
    },
    supportsSharedRuntime: () => {
      calls.push("isSetSupported");
      return supported;
    },
    load: "Load",
    none: "None",
  };
  return { host, calls, current: () => behavior };
}

describe("keepStartupBehavior", () => {
  it("sets Load when the workbook holds a model and the add-in would not load with it", async () => {
    const office = standIn("None");
    expect(await keepStartupBehavior(office.host, async () => true)).toBe("load");
    expect(office.current()).toBe("Load");
    expect(office.calls).toEqual(["isSetSupported", "set Load"]);
  });

  it("leaves a workbook that already says Load as it is", async () => {
    const office = standIn("Load");
    expect(await keepStartupBehavior(office.host, async () => true)).toBe("unchanged");
    expect(office.calls).toEqual(["isSetSupported"]);
  });

  it("goes back to None when the model is gone, and leaves a workbook without a model untouched", async () => {
    const withLoad = standIn("Load");
    expect(await keepStartupBehavior(withLoad.host, async () => false)).toBe("none");
    expect(withLoad.current()).toBe("None");
    const plain = standIn("None");
    expect(await keepStartupBehavior(plain.host, async () => false)).toBe("unchanged");
    expect(plain.calls).not.toContain("set None");
  });

  it("does nothing, and reads nothing of the workbook, without SharedRuntime 1.1", async () => {
    const office = standIn("None", false);
    let read = false;
    expect(
      await keepStartupBehavior(office.host, async () => {
        read = true;
        return true;
      }),
    ).toBe("unsupported");
    expect(read).toBe(false);
    expect(office.current()).toBe("None");
  });

  it("does nothing where there is no Office.addin", async () => {
    const { host } = standIn("None");
    expect(await keepStartupBehavior({ ...host, addin: undefined }, async () => true)).toBe("unsupported");
  });
});

describe("officeStartupHost", () => {
  const global = globalThis as { Office?: unknown };
  afterEach(() => delete global.Office);

  it("outside Office (no Office global) supports nothing", async () => {
    const host = officeStartupHost();
    expect(host.addin).toBeUndefined();
    expect(host.supportsSharedRuntime()).toBe(false);
    expect(await keepStartupBehavior(host, async () => true)).toBe("unsupported");
  });

  it("inside Office asks isSetSupported for SharedRuntime 1.1 and uses Office.addin and Office.StartupBehavior", async () => {
    const asked: string[] = [];
    const set: unknown[] = [];
    global.Office = {
      addin: { getStartupBehavior: async () => "None", setStartupBehavior: async (b: unknown) => void set.push(b) },
      context: { requirements: { isSetSupported: (name: string, version: string) => (asked.push(`${name} ${version}`), true) } },
      StartupBehavior: { load: "Load", none: "None" },
    };
    expect(await keepStartupBehavior(officeStartupHost(), async () => true)).toBe("load");
    expect(asked).toEqual(["SharedRuntime 1.1"]);
    expect(set).toEqual(["Load"]);
  });
});
