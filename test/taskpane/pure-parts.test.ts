import { debounce } from "../../src/taskpane/debounce";
import { money, months, percent, share } from "../../src/taskpane/format";
import { themeKindOf } from "../../src/taskpane/theme";

describe("the pane follows Office's theme", () => {
  test.each([
    [{ bodyBackgroundColor: "#FFFFFF" }, "light"],
    [{ bodyBackgroundColor: "#262626" }, "dark"],
    [{ bodyBackgroundColor: "#1f1f1f" }, "dark"],
    // Office's "Colorful" theme keeps a light task pane body.
    [{ bodyBackgroundColor: "#E6E6E6" }, "light"],
    // Where Office says so, its word counts (Dark Gray has a mid-gray body).
    [{ isDarkTheme: true, bodyBackgroundColor: "#E6E6E6" }, "dark"],
    [{ isDarkTheme: false, bodyBackgroundColor: "#262626" }, "light"],
    [{ bodyBackgroundColor: "not a colour" }, "light"],
    [undefined, "light"],
  ] as const)("body background %j is %s", (theme, kind) => {
    expect(themeKindOf(theme)).toBe(kind);
  });
});

describe("numbers as the pane shows them", () => {
  test("money in whole units of the model's currency, an unknown code still shown", () => {
    expect(money(1698443.4, "USD")).toBe("$1,698,443");
    expect(money(-250000, "USD")).toBe("-$250,000");
    expect(money(1200.6, "EUR")).toBe("€1,201");
    expect(money(1200, "ZZ")).toBe("ZZ 1,200");
  });

  test("percentages to one decimal, months with the horizon when there is no payback", () => {
    expect(percent(5.4224)).toBe("542.2%");
    expect(percent(undefined)).toBe("—");
    expect(months(4.66, 5)).toBe("4.7 months");
    expect(months(undefined, 1)).toBe("not within 1 year");
    expect(months(undefined, 3)).toBe("not within 3 years");
    expect(share(1, 4)).toBe(0.25);
    expect(share(1, 0)).toBe(0);
  });
});

describe("a burst of changes makes one re-read", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("calls once, the wait after the last call; cancel drops a pending call", () => {
    const action = jest.fn();
    const reread = debounce(action, 400);
    reread();
    jest.advanceTimersByTime(300);
    reread();
    jest.advanceTimersByTime(300);
    expect(action).not.toHaveBeenCalled();
    jest.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledTimes(1);
    reread();
    reread.cancel();
    jest.advanceTimersByTime(1000);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
