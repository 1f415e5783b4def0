import { type Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark";

export function fluentTheme(kind: ThemeKind): Theme {
  return kind === "dark" ? webDarkTheme : webLightTheme;
}

/**
 * Office tells the pane its theme (Office.context.officeTheme): `isDarkTheme` where the host has
 * it (Black and Dark Gray), else its colours, a dark body background meaning a dark theme. Without
 * a theme (Excel on the web before it reports one), light.
 */
export function themeKindOf(officeTheme: { readonly isDarkTheme?: boolean; readonly bodyBackgroundColor?: string } | undefined): ThemeKind {
  if (typeof officeTheme?.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? "dark" : "light";
  const rgb = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(officeTheme?.bodyBackgroundColor ?? "");
  if (!rgb) return "light";
  const [r, g, b] = rgb.slice(1, 4).map((h) => parseInt(h, 16) / 255) as [number, number, number];
  // Relative luminance (sRGB weights, without gamma: a threshold needs no more).
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}
