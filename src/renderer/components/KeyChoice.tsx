import { Input, SegmentedControl } from '@mantine/core';
import { useId, type CSSProperties } from 'react';

interface Option<T extends string> {
  value: T;
  label: string;
  /** The one key that picks this option while the control has focus. */
  key: string;
}

// Mantine's SegmentedControl, drawn as the plain radio group it is before it measures itself: the same
// classes and elements (tests/unit/key-choice-markup.test.ts compares the HTML), the chosen option marked by
// Mantine's own CSS (a white box behind the chosen label) instead of a floating indicator placed by
// measuring the page. Mantine measured each time the choice changed — after every Enter, when the bar
// empties and the choices go back to their defaults — forcing the browser to lay the page out there and then.
const cls = {
  root: `${SegmentedControl.classes.root} mantine-SegmentedControl-root`,
  control: `${SegmentedControl.classes.control} mantine-SegmentedControl-control`,
  input: `${SegmentedControl.classes.input} mantine-SegmentedControl-input`,
  label: `${SegmentedControl.classes.label} mantine-SegmentedControl-label`,
  innerLabel: `${SegmentedControl.classes.innerLabel} mantine-SegmentedControl-innerLabel`,
};
const rootStyle = { '--sc-shadow': 'var(--mantine-shadow-xs)', '--sc-transition-duration': '0ms' } as CSSProperties;

/** A segmented choice you set with one key ("i" inside, "o" outside, "1"–"5" temperature). */
export function KeyChoice<T extends string>({
  label,
  options,
  value,
  onChange,
  error,
  fieldName,
}: {
  label: string;
  /** The field's name in a refusal, so the cursor can be put back here (data-slip-field). */
  fieldName?: string;
  options: Option<T>[];
  value: T;
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  const name = `mantine-${useId().replace(/:/g, '')}`;
  return (
    <Input.Wrapper label={label} error={error}>
      <div
        data-slip-field={fieldName}
        onKeyDown={(event) => {
          const hit = options.find((o) => o.key === event.key.toLowerCase());
          if (hit && !event.ctrlKey && !event.altKey && !event.metaKey) {
            event.preventDefault();
            onChange(hit.value);
            // Keep focus on the chosen option, so the next Tab leaves the group instead of landing on it.
            event.currentTarget.querySelector<HTMLInputElement>(`input[value="${hit.value}"]`)?.focus();
          }
        }}
      >
        <div style={rootStyle} className={cls.root} data-full-width="true" data-with-items-borders="true" aria-label={label} role="radiogroup">
          {options.map((o) => {
            const active = o.value === value;
            return (
              <div key={o.value} className={cls.control} data-active={active || undefined}>
                <input className={cls.input} type="radio" id={`${name}-${o.value}`} data-focus-ring="auto" name={name} checked={active} value={o.value} onChange={() => onChange(o.value)} />
                <label className={cls.label} data-active={active || undefined} htmlFor={`${name}-${o.value}`}>
                  <span className={cls.innerLabel}>{o.label}</span>
                </label>
              </div>
            );
          })}
        </div>
      </div>
    </Input.Wrapper>
  );
}
