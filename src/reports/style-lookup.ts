// pdfmake's style lookups without their allocations. pdfmake asks ~20 style properties of every piece of
// text it measures (font, bold, size, colour, decoration…), and each question pushes the piece and its
// style names on the style stack, runs a closure, and walks the stack making a Set per named style: with
// thousands of table cells a statement, that was ~15 % of a PDF's time and much of its garbage.
// Here the same question gets the same answer by reading the stack in the same order, allocating nothing:
// the piece's own property first, then its style names last to first, then the stack top to bottom, then
// the document's default style. Named styles that extend others (none of ours do) are answered by
// pdfmake's own code. tests/unit/reports.test.ts compares the bytes of every report with and without it.
import { requirePdfmake } from './pdfmake-internals';

type Style = Record<string, unknown> & { extends?: string | string[] };
interface Stack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: unknown[];
  getProperty(property: string): unknown;
}
interface StackClass {
  prototype: Stack;
  getStyleProperty(item: unknown, stack: Stack | null | undefined, property: string, defaultValue: unknown): unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' || v instanceof String;

let original: { getProperty: Stack['getProperty']; getStyleProperty: StackClass['getStyleProperty'] } | null = null;
let Class: StackClass | null = null;

function stackClass(): StackClass {
  if (!Class) {
      Class = requirePdfmake<{ default: StackClass }>('pdfmake/js/StyleContextStack').default;
  }
  return Class;
}

/** One entry of the stack (a style name or an overrides object), as pdfmake's getProperty reads it. */
function valueOf(stack: Stack, entry: unknown, property: string): unknown {
  if (isString(entry)) {
    const style = stack.styleDictionary[entry as string];
    if (!style) return undefined;
    const own = style[property];
    if (isValue(own)) return own;
    // A style extending others: pdfmake's own walk (with its guard against loops) for this one name.
    if (style.extends) return original!.getProperty.call({ styleDictionary: stack.styleDictionary, defaultStyle: undefined, styleOverrides: [entry] } as Stack, property);
    return undefined;
  }
  return (entry as Record<string, unknown>)[property];
}

function getProperty(this: Stack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = valueOf(this, overrides[i], property);
      if (isValue(value)) return value;
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
}

function getStyleProperty(item: unknown, stack: Stack | null | undefined, property: string, defaultValue: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  // What pdfmake's autopush would put on top of the stack for this item: its style names, then the item
  // itself (whose own property was looked at above). Strings and sections push nothing.
  if (!isString(item) && (item as { section?: unknown }).section === undefined) {
    const style = (item as { style?: unknown }).style;
    if (style) {
      if (Array.isArray(style)) {
        for (let i = style.length - 1; i >= 0; i--) {
          const value = valueOf(stack, style[i], property);
          if (isValue(value)) return value;
        }
      } else {
        const value = valueOf(stack, style, property);
        if (isValue(value)) return value;
      }
    }
  }
  const value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

/** Installs the allocation-free lookups (idempotent); `false` puts pdfmake's own back (for the comparison test). */
export function fastStyleLookups(on = true): void {
  const C = stackClass();
  if (!original) original = { getProperty: C.prototype.getProperty, getStyleProperty: C.getStyleProperty };
  C.prototype.getProperty = on ? getProperty : original.getProperty;
  C.getStyleProperty = on ? getStyleProperty : original.getStyleProperty;
}
