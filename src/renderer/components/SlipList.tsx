// The Meeting screen's list of slips. Drawn with plain elements wearing Mantine's own classes and CSS
// variables — the same HTML as Mantine's Table/Badge/Group/ActionIcon components draw (tests/unit/
// slip-list-markup.test.ts compares them) — because a save adds a row on the way from Enter to the row on
// screen: each Mantine component of a row ran its style hooks, and each of the three buttons had its own
// Tooltip (a floating-ui instance), most of the page's work for the new row. The buttons' tooltips are
// now one Tooltip for the whole list, shown on the button under the pointer.
import { ActionIcon, Badge, Group, Table, Text, Tooltip, UnstyledButton, useMantineTheme } from '@mantine/core';
import { IconHistory, IconPencil, IconTrash } from '@tabler/icons-react';
import { memo, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Slip } from '../../shared/contract';
import { formatDay } from '../../shared/dates';
import { chapterLocale } from '../chapter-today';
import { slipModes } from '../slip-modes';

/** Slips drawn all at once up to this many (a normal night; Ctrl+F finds any); beyond, only those in view. */
const drawAllSlipsUpTo = 60;
const slipRowEstimate = 41;
const kindLabels = Object.fromEntries(slipModes.map((m) => [m.kind, m.label])) as Record<Slip['kind'], string>;
const kindColors: Record<Slip['kind'], string> = { referral: 'blue', tyfcb: 'teal', one_to_one: 'grape', visitor: 'orange', ceu: 'gray', outside_party: 'cyan' };
/** A slip with someone outside the chapter wears its own type's label and colour. */
const typeOf = (slip: Slip): Exclude<Slip['kind'], 'outside_party'> => (slip.kind === 'outside_party' ? slip.slipType : slip.kind);

export function describe(slip: Slip, money: (minor: number) => string): { from: string; to: string; detail: string } {
  switch (slip.kind) {
    case 'referral':
      return { from: slip.giverName, to: slip.receiverName, detail: `${slip.referralKind === 'inside' ? 'Inside' : 'Outside'} · ${'●'.repeat(slip.temperature)}${'○'.repeat(5 - slip.temperature)} · ${slip.prospectName}${slip.note ? ` · ${slip.note}` : ''}` };
    case 'tyfcb':
      return { from: slip.closerName, to: slip.referrerName, detail: `${money(slip.amountMinor)} · ${slip.business} · ${slip.tyfcbKind === 'tier3' ? 'tier 3' : slip.tyfcbKind}${slip.note ? ` · ${slip.note}` : ''}` };
    case 'one_to_one':
      return { from: slip.memberAName, to: slip.memberBName, detail: `Met ${formatDay(slip.metOn, chapterLocale())}${slip.note ? ` · ${slip.note}` : ''}` };
    case 'visitor':
      return { from: slip.invitedByName ?? '—', to: slip.name, detail: `${slip.company}${slip.classificationSought ? ` · wants ${slip.classificationSought}` : ''}${slip.seatHeldBy ? ` (held by ${slip.seatHeldBy})` : ''}` };
    case 'ceu':
      return { from: slip.memberName, to: '', detail: `${slip.credits} credit${slip.credits > 1 ? 's' : ''}${slip.note ? ` · ${slip.note}` : ''}` };
    case 'outside_party': {
      const outside = slip.partyKind === 'bni' ? 'with BNI' : slip.partyKind === 'visitor' ? 'with a visitor' : 'with another chapter';
      if (slip.slipType === 'referral') {
        const t = slip.temperature ?? 3;
        return { from: slip.fromName, to: slip.toName, detail: `${slip.slipKind === 'inside' ? 'Inside' : 'Outside'} · ${'●'.repeat(t)}${'○'.repeat(5 - t)} · ${slip.prospectName}${slip.note ? ` · ${slip.note}` : ''} · ${outside}` };
      }
      if (slip.slipType === 'tyfcb') return { from: slip.fromName, to: slip.toName, detail: `${money(slip.amountMinor ?? 0)} · ${slip.business ?? 'new'} · ${slip.slipKind === 'tier3' ? 'tier 3' : slip.slipKind}${slip.note ? ` · ${slip.note}` : ''} · ${outside}` };
      return { from: slip.fromName, to: slip.toName, detail: `Met ${formatDay(slip.metOn, chapterLocale())}${slip.note ? ` · ${slip.note}` : ''} · ${outside}` };
    }
  }
}

// Mantine's markup, written once: its classes (from the components' own `classes`) and the CSS variables
// its style resolvers give for these props (rem(n) = calc(n/16 rem × scale)).
const rem = (px: number) => `calc(${px / 16}rem * var(--mantine-scale))`;
const cls = {
  table: `${Table.classes.table} mantine-Table-table`,
  thead: `${Table.classes.thead} mantine-Table-thead`,
  tbody: `${Table.classes.tbody} mantine-Table-tbody`,
  tr: `${Table.classes.tr} mantine-Table-tr`,
  th: `${Table.classes.th} mantine-Table-th`,
  td: `${Table.classes.td} mantine-Table-td`,
  badge: `${Badge.classes.root} mantine-Badge-root`,
  badgeLabel: `${Badge.classes.label} mantine-Badge-label`,
  group: `${Group.classes.root} mantine-Group-root`,
  iconButton: `mantine-focus-auto mantine-active ${ActionIcon.classes.root} mantine-ActionIcon-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`,
  icon: `${ActionIcon.classes.icon} mantine-ActionIcon-icon`,
};
const tableStyle = { '--table-layout': 'fixed', '--table-vertical-spacing': rem(4), marginTop: 'var(--mantine-spacing-md)' } as CSSProperties;
const badgeStyles = Object.fromEntries(
  Object.entries(kindColors).map(([kind, c]) => [kind, { flexShrink: 0, '--badge-bg': `var(--mantine-color-${c}-light)`, '--badge-color': `var(--mantine-color-${c}-light-color)`, '--badge-bd': `${rem(1)} solid transparent` } as CSSProperties]),
) as Record<Slip['kind'], CSSProperties>;
const badgeLabelStyle: CSSProperties = { overflow: 'visible' };
const groupStyle = { '--group-gap': rem(4), '--group-align': 'center', '--group-justify': 'flex-end', '--group-wrap': 'nowrap' } as CSSProperties;
const subtle = (color: string) => ({ '--ai-bg': 'transparent', '--ai-hover': `var(--mantine-color-${color}-light-hover)`, '--ai-color': `var(--mantine-color-${color}-light-color)`, '--ai-bd': `${rem(1)} solid transparent` }) as CSSProperties;
const grayButton = subtle('gray');
const redButton = subtle('red');
const editingRow: CSSProperties = { background: 'var(--mantine-color-orange-light)' };
const widths = { type: { width: rem(124) }, side: { width: '19%' }, actions: { width: rem(116) } } satisfies Record<string, CSSProperties>;

/** The list's head: never changes, drawn once. */
const head = (
  <thead className={cls.thead}>
    <tr className={cls.tr} data-with-row-border="true" data-striped="odd">
      <th style={widths.type} className={cls.th}>Type</th>
      <th style={widths.side} className={cls.th}>From</th>
      <th style={widths.side} className={cls.th}>To</th>
      <th className={cls.th}>Detail</th>
      <th style={widths.actions} className={cls.th} />
    </tr>
  </thead>
);

/**
 * Memoized, like each of its rows: after a save only the new slip's row is drawn; the others keep their
 * objects (keep-unchanged.ts) and are skipped. A slip edited is a new object, so its row is drawn again.
 */
export const SlipList = memo(function SlipList({ slips, cancelled, money, editingId, onEdit, onDelete, onHistory }: { slips: Slip[]; cancelled: boolean; money: (m: number) => string; editingId: string | null; onEdit: (s: Slip) => void; onDelete: (s: Slip) => void; onHistory: (s: Slip) => void }) {
  // Above this many slips only the rows in view (and a few either side) are drawn, with
  // @tanstack/react-virtual (as the Members list): a big chapter's 200-slip night drew 200 rows of
  // three buttons each time the screen opened. Up to it every row is in the page.
  const windowed = slips.length > drawAllSlipsUpTo;
  const tbody = useRef<HTMLTableSectionElement>(null);
  const [listTop, setListTop] = useState(0);
  useLayoutEffect(() => {
    if (windowed && tbody.current) setListTop(tbody.current.getBoundingClientRect().top + window.scrollY);
  }, [windowed, slips.length === 0]);
  const virtualizer = useWindowVirtualizer({ count: slips.length, estimateSize: () => slipRowEstimate, overscan: 10, scrollMargin: listTop, enabled: windowed, getItemKey: (i) => slips[i]?.id ?? i });
  // The edit button wears the theme's main colour, as Mantine's ActionIcon does without a colour.
  const primary = useMantineTheme().primaryColor;
  const [editButton] = useState(() => subtle(primary));
  // One tooltip for every button of the list: the button under the pointer says what it does.
  const [tip, setTip] = useState<{ target: HTMLElement; label: string; shown: boolean } | null>(null);
  const onPointerOver = (e: React.PointerEvent) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('button[aria-label]');
    // "History of …", "Edit …", "Delete …": the button's first word is what it does.
    if (button && button !== tip?.target) setTip({ target: button, label: button.getAttribute('aria-label')!.split(' ')[0]!, shown: true });
    else if (!button && tip?.shown) setTip({ ...tip, shown: false });
  };
  const onPointerLeave = () => tip?.shown && setTip({ ...tip, shown: false });
  // A row deleted (or scrolled out of a long night's window) under the pointer takes its tooltip with it.
  useLayoutEffect(() => {
    if (tip && !tip.target.isConnected) setTip(null);
  }, [slips, tip]);
  const items = windowed ? virtualizer.getVirtualItems() : [];
  const spaceAbove = windowed && items.length ? items[0]!.start - listTop : 0;
  const spaceBelow = windowed && items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - listTop) : 0;
  // A cancelled meeting has no slip bar: the empty list says so instead of inviting to type above.
  if (slips.length === 0) return cancelled ? null : <Text c="dimmed" mt="md">No slips yet. Type the first one above: it appears here, newest first.</Text>;
  const drawn = windowed ? items.map((v) => v.index) : slips.map((_, i) => i);
  return (
    // Fixed column widths: a row added at the top (every save) lays out that row, not every cell of the
    // sheet again to find the widest one; long names and details wrap inside their column.
    <>
      <table style={tableStyle} className={cls.table} aria-label="Slips of this meeting" aria-rowcount={slips.length + 1}>
        {head}
        <tbody ref={tbody} className={cls.tbody} onPointerOver={onPointerOver} onPointerLeave={onPointerLeave}>
          {spaceAbove > 0 && <tr aria-hidden style={{ height: spaceAbove }} />}
          {/* Keeps the stripes on the same rows while scrolling: the spacers count as rows for the striping. */}
          {spaceAbove > 0 && drawn[0]! % 2 === 0 && <tr aria-hidden style={{ height: 0 }} />}
          {drawn.map((index) => {
            const slip = slips[index]!;
            return <SlipRow key={slip.id} index={index} measure={windowed ? virtualizer.measureElement : undefined} slip={slip} money={money} editing={slip.id === editingId} editButton={editButton} onEdit={onEdit} onDelete={onDelete} onHistory={onHistory} />;
          })}
          {spaceBelow > 0 && <tr aria-hidden style={{ height: spaceBelow }} />}
        </tbody>
      </table>
      {tip && <Tooltip label={tip.label} target={tip.target} opened={tip.shown} />}
    </>
  );
});

const SlipRow = memo(function SlipRow({ slip, index, measure, money, editing, editButton, onEdit, onDelete, onHistory }: { slip: Slip; index: number; measure?: (el: Element | null) => void; money: (m: number) => string; editing: boolean; editButton: CSSProperties; onEdit: (s: Slip) => void; onDelete: (s: Slip) => void; onHistory: (s: Slip) => void }) {
  const d = describe(slip, money);
  const label = kindLabels[typeOf(slip)];
  const kind = slip.kind === 'outside_party' ? 'outside_party' : typeOf(slip);
  return (
    <tr ref={measure} style={editing ? editingRow : undefined} className={cls.tr} data-with-row-border="true" data-striped="odd" data-index={index} aria-rowindex={index + 2} aria-current={editing ? 'true' : undefined}>
      <td className={cls.td}>
        {/* The label keeps its width ("REFERRAL", "ONE-TO-ONE") however long the detail beside it. */}
        <div style={badgeStyles[kind]} className={cls.badge} data-variant="light">
          <span className={cls.badgeLabel} style={badgeLabelStyle}>
            {label}
          </span>
        </div>
      </td>
      <td className={cls.td}>{d.from}</td>
      <td className={cls.td}>{d.to}</td>
      <td className={cls.td}>{d.detail}</td>
      <td className={cls.td}>
        <div style={groupStyle} className={cls.group}>
          <button style={grayButton} className={cls.iconButton} data-variant="subtle" type="button" aria-label={`History of ${label} ${d.from}`} onClick={() => onHistory(slip)}>
            <span className={cls.icon}>
              <IconHistory size={16} />
            </span>
          </button>
          <button style={editButton} className={cls.iconButton} data-variant="subtle" type="button" aria-label={`Edit ${label} ${d.from}`} onClick={() => onEdit(slip)}>
            <span className={cls.icon}>
              <IconPencil size={16} />
            </span>
          </button>
          <button style={redButton} className={cls.iconButton} data-variant="subtle" type="button" aria-label={`Delete ${label} ${d.from}`} onClick={() => onDelete(slip)}>
            <span className={cls.icon}>
              <IconTrash size={16} />
            </span>
          </button>
        </div>
      </td>
    </tr>
  );
});
