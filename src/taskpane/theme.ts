/**
 * Follows Office's theme: a dark Office body background gives the dark Fluent theme.
 */
export type ThemeName = "light" | "dark";

interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/** Relative luminance (0 black … 1 white) of "#RRGGBB" or "#RGB"; null when unreadable. */
export function luminance(color: string): number | null {
  const hex = color.trim().replace(/^#/, "");
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((c) => c + c).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const channel = (offset: number) => {
    const v = parseInt(full.slice(offset, offset + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export function themeNameFromOffice(theme: OfficeThemeColors | null | undefined): ThemeName {
  const background = theme?.bodyBackgroundColor;
  if (!background) return "light";
  const value = luminance(background);
  return value !== null && value < 0.2 ? "dark" : "light";
}
