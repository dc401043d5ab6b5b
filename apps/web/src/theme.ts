import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  Modal,
  Notification,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Light, outline and subtle variants draw text in a colour's shade 6, below WCAG AA contrast on their
 * pale backgrounds; even shade 9 of green or orange is. Their text is shade 9 darkened by a third.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colours = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colours;
  const dark = darken(input.theme.colors[parsed.color]![9], 0.35);
  if (input.variant === 'light' || input.variant === 'subtle') return { ...colours, color: dark };
  if (input.variant === 'outline') return { ...colours, color: dark, border: `1px solid ${dark}` };
  return colours;
};

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 and automatic black/white text keep filled buttons and badges above 4.5:1.
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.18,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif",
  headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", fontWeight: '650' },
  defaultRadius: 'sm',
  variantColorResolver,
  // A dialog's or a toast's × button has no text: screen readers need its name.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/** Mantine's dimmed grey is 3.3:1 on white; readers of long lists need darker secondary text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636b', '--mantine-color-placeholder': '#6c737a' },
  dark: {},
});
