import { publishBuild, subscribeBuilds, type BuildEvent } from "../../src/app/build-events";

test("a pane that opens after the ribbon's build still sees it, then every later build, until it unsubscribes", () => {
  const first: BuildEvent = { failure: "Excel refused the request" };
  publishBuild(first);
  const seen: BuildEvent[] = [];
  const unsubscribe = subscribeBuilds((e) => seen.push(e));
  const second: BuildEvent = { outcome: { ok: false, problems: [] } };
  publishBuild(second);
  unsubscribe();
  publishBuild({ failure: "after" });
  expect(seen).toEqual([first, second]);
});
