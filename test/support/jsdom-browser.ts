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
