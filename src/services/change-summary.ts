// One line saying what an audit entry changed: "Dana Ruiz → Marcus Chen: temperature 4 → 1".
export function describeChange(before: string | null, after: string | null): string {
  const b = before ? (JSON.parse(before) as Record<string, unknown>) : null;
  const a = after ? (JSON.parse(after) as Record<string, unknown>) : null;
  if (b && !a) return `deleted: ${summary(b)}`;
  if (a && !b) return `added: ${summary(a)}`;
  if (!a || !b) return '';
  const changed = Object.keys(a).filter((k) => !['updatedAt', 'createdAt'].includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return `${summary(a)}: ${changed.map((k) => `${k} ${fmt(b[k])} → ${fmt(a[k])}`).join(', ')}`;
}

function summary(x: Record<string, unknown>): string {
  const pick = (k: string) => (typeof x[k] === 'string' ? (x[k] as string) : '');
  return [pick('giverName') || pick('closerName') || pick('memberAName') || pick('fromName') || pick('memberName') || pick('name') || pick('meetingOn'), pick('receiverName') || pick('referrerName') || pick('memberBName') || pick('toName')]
    .filter(Boolean)
    .join(' → ');
}

const fmt = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

