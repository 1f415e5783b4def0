/**
 * What a browser has and jsdom lacks, for component tests. Fluent UI's MessageBar watches its own
 * size to reflow; jsdom lays nothing out, so an observer that never reports is what a browser
 * with no layout would give.
 */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.defineProperty(window, "ResizeObserver", { value: NoLayoutResizeObserver, writable: true });
}

// Every browser the add-in runs in has TextEncoder (the request budget counts UTF-8 bytes with it);
// jest's jsdom environment leaves it out.
if (typeof globalThis.TextEncoder === "undefined") {
  Object.defineProperty(globalThis, "TextEncoder", {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's own, only where jsdom lacks it
    value: (require("node:util") as typeof import("node:util")).TextEncoder,
    writable: true,
  });
}
