import { Combobox, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Mantine 9 keeps every closed Select's and Autocomplete's list in the page (hidden), and places each
    // hidden list beside its field as the screen is drawn — several style and layout passes apiece. On
    // Settings (fifteen pickers) that placing was ~100 ms of the ~330 ms the screen took to draw. A list
    // is drawn when it opens instead.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});
