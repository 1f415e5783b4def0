/**
 * axe-core in the page: the accessibility rules (WCAG 2.x A and AA and axe's best practices) over
 * the whole workbench, and a readable report of what breaks them.
 */
import type { Page } from "playwright-core";

export type Impact = "minor" | "moderate" | "serious" | "critical";

export interface AxeViolation {
  readonly id: string;
  readonly impact: Impact | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly html: string; readonly failureSummary?: string }[];
}

declare global {
  interface Window {
    axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
  }
}

/**
 * Left out of the check: Fluent UI's focus-management sentinels (tabster's `<i data-tabster-dummy
 * tabindex="0" aria-hidden="true">`), which are focusable and aria-hidden by design, since they
 * only pass focus on: a known false positive of the aria-hidden-focus rule (microsoft/tabster#288,
 * microsoft/fluentui#25133). They are empty, so nothing else escapes the check.
 */
export const AXE_EXCLUDE = ["[data-tabster-dummy]"];

/** Every axe violation on the page as it is now (axe-core is injected on first use). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  return page.evaluate(async (exclude) => {
    const results = await window.axe!.run(
      { include: [document], exclude: exclude.map((selector) => [selector]) },
      { resultTypes: ["violations"] },
    );
    // Plain data only: the nodes carry DOM references otherwise.
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}),
      })),
    }));
  }, AXE_EXCLUDE);
}

/** One paragraph per violation: impact, rule, what it asks, and each offending element. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map(
          (n) => `    ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
      return `[${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join("\n\n");
}

const SEVERE: readonly (Impact | null)[] = ["serious", "critical"];

/** Fails, listing them readably, when axe finds a serious or critical violation on the page. */
export async function expectAccessible(page: Page): Promise<AxeViolation[]> {
  // Colours measured mid-animation (a dialog fading in) are neither the start's nor the end's:
  // scan what the user sees once the page has settled.
  // Endless ones (a spinner) never finish and are left out.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const violations = await axeViolations(page);
  const severe = violations.filter((v) => SEVERE.includes(v.impact));
  if (severe.length > 0) {
    throw new Error(`axe found ${severe.length} serious or critical accessibility violation(s):\n\n${formatViolations(severe)}`);
  }
  return violations;
}
