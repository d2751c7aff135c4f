import { Input, SegmentedControl } from '@mantine/core';

interface Option<T extends string> {
  value: T;
  label: string;
  /** The one key that picks this option while the control has focus. */
  key: string;
}

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
        {/* No sliding indicator: a key sets the choice at once, and the bar emptied after each save would
            otherwise animate every choice back to its default, frame after frame, while the next slip is typed. */}
        <SegmentedControl
          fullWidth
          transitionDuration={0}
          aria-label={label}
          value={value}
          onChange={(v) => onChange(v as T)}
          data={options.map((o) => ({ value: o.value, label: o.label }))}
        />
      </div>
    </Input.Wrapper>
  );
}
