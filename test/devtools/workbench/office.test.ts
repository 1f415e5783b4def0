/**
 * The workbench waits for the real office.js as the task pane does in Office, and works without
 * it. Office here is a stand-in shaped as office.js outside Office documents it: onReady resolves
 * with host null.
 */
import { officeOnPage } from "../../../src/devtools/workbench/office";

describe("officeOnPage", () => {
  it("without office.js on the page, reports it absent and waits for nothing", async () => {
    expect(await officeOnPage({})).toEqual({ library: "absent" });
  });

  it("with office.js outside Office, waits for Office.onReady and reports host null", async () => {
    let waited = false;
    const Office = {
      onReady: async () => {
        waited = true;
        return { host: null, platform: null };
      },
    };
    expect(await officeOnPage({ Office })).toEqual({ library: "office.js", host: null });
    expect(waited).toBe(true);
  });

  it("reports the host office.js names when there is one", async () => {
    expect(await officeOnPage({ Office: { onReady: async () => ({ host: "Excel" }) } })).toEqual({ library: "office.js", host: "Excel" });
  });
});
