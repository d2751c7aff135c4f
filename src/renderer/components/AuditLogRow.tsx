// One entry of the Audit log, drawn with plain elements wearing Mantine's own classes and CSS variables — the
// same HTML as Mantine's Table.Tr/Td, Text, Group, Badge and Anchor drew (tests/unit/audit-row-markup.test.ts
// compares them): a page is a hundred entries of about eight Mantine components each, which ran their style
// hooks every time the log opened or turned a page. The opened entry's details stay Mantine's (one at a time).
import { Anchor, Text } from '@mantine/core';
import { memo, type CSSProperties } from 'react';
import type { AuditEntry } from '../../shared/contract';
import { auditEntityLabel } from '../../shared/audit-labels';
import { plainClasses, rem } from './PlainNativeSelect';

const actionColors: Record<string, string> = { insert: 'teal', update: 'blue', delete: 'red', close: 'gray', reopen: 'orange', restore: 'grape', import: 'cyan' };

const cls = { ...plainClasses, anchor: `mantine-focus-auto ${Anchor.classes.root} ${Text.classes.root} mantine-Text-root mantine-Anchor-root` };
const sm = { '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)' } as CSSProperties;
const smBold = { ...sm, fontWeight: 500 } as CSSProperties;
const summaryGroup = { '--group-gap': rem(6), '--group-align': 'flex-start', '--group-justify': 'flex-start', '--group-wrap': 'nowrap' } as CSSProperties;
const badgeStyle = (colour: string) =>
  ({
    '--badge-height': 'var(--badge-height-xs)',
    '--badge-padding-x': 'var(--badge-padding-x-xs)',
    '--badge-fz': 'var(--badge-fz-xs)',
    '--badge-bg': `var(--mantine-color-${colour}-light)`,
    '--badge-color': `var(--mantine-color-${colour}-light-color)`,
    '--badge-bd': `${rem(1)} solid transparent`,
    flexShrink: 0,
    marginTop: rem(3),
    textTransform: 'none',
  }) as CSSProperties;
const badgeStyles = new Map<string, CSSProperties>();
const badgeOf = (action: string) => {
  const colour = actionColors[action] ?? 'gray';
  let style = badgeStyles.get(colour);
  if (!style) badgeStyles.set(colour, (style = badgeStyle(colour)));
  return style;
};
const wholeLabel: CSSProperties = { overflow: 'visible' };
const xs = { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)' } as CSSProperties;

/** The entry's line: redrawn only when the entry or whether its details are open changes. */
export const AuditLogRow = memo(function AuditLogRow({ entry: e, open, onToggle, when }: { entry: AuditEntry; open: boolean; onToggle: (id: string) => void; when: string }) {
  return (
    <tr className={cls.tr} data-with-row-border="true" data-striped="odd">
      <td className={cls.td}>
        <p style={sm} className={cls.text} data-size="sm" title={e.at}>
          {when}
        </p>
      </td>
      <td className={cls.td}>
        <div style={summaryGroup} className={cls.group}>
          <div style={badgeOf(e.action)} className={cls.badge} data-variant="light" data-size="xs">
            <span className={cls.badgeLabel} style={wholeLabel}>
              {auditEntityLabel(e.entity)}
            </span>
          </div>
          <p style={sm} className={cls.text} data-size="sm">
            {e.summary}
          </p>
        </div>
      </td>
      <td className={cls.td}>
        <p style={e.reason ? smBold : sm} className={cls.text} data-size="sm">
          {e.reason || '—'}
        </p>
      </td>
      <td className={cls.td}>
        <button style={xs} className={cls.anchor} data-size="xs" data-underline="hover" onClick={() => onToggle(e.id)} aria-expanded={open} aria-label={`Details of: ${e.summary}`}>
          {open ? 'hide' : 'details'}
        </button>
      </td>
    </tr>
  );
});
