// A heavy part of a screen (a chart, the 3,600-cell heatmap) drawn after the rest of the screen has
// been painted, in a transition React can interrupt: the figures and tables above it show first. A
// loader of the part's height holds its place meanwhile, so nothing jumps and a test (or the bench)
// waiting for the screen to settle waits for the part too.
import { Center, Loader } from '@mantine/core';
import { startTransition, useEffect, useState, type ReactNode } from 'react';

export function Deferred({ h, label, children }: { h: number; label: string; children: ReactNode }) {
  const [draw, setDraw] = useState(false);
  useEffect(() => startTransition(() => setDraw(true)), []);
  if (draw) return <>{children}</>;
  return (
    <Center h={h}>
      <Loader size="sm" aria-label={label} />
    </Center>
  );
}
