// "All statements" made in parts, one per worker thread, then put together as one PDF: each part's footer
// still says "Page 131 of 243" for the whole document. A part knows its own page count only once it is
// laid out, so each part, at its first footer, writes its count into a shared buffer and waits until every
// part has written its own: then its first page number (the pages of the parts before it, plus one) and
// the whole document's count are known. The thread that started the parts writes "stopped" (-1) into every
// slot when it stops them (cancelled, or one part failed), so no part waits for a count that never comes.
// The footer is laid out once, after the part's pages are final (page-breaks.ts lays a document of several
// statements out part by part and adds the page frame at the end): a second, different count is an error.

const stopped = -1;
/** How long a part waits for the others before it gives up (they lay out at the same pace; a minute is "stuck"). */
const waitLimitMs = 60_000;

/** The shared slots for `parts` parts' page counts (0: not known yet). */
export function pageCountSlots(parts: number): SharedArrayBuffer {
  return new SharedArrayBuffer(parts * Int32Array.BYTES_PER_ELEMENT);
}

/** Every part waiting is told to stop (its worker is being ended). */
export function stopPageCountExchange(slots: SharedArrayBuffer): void {
  const counts = new Int32Array(slots);
  for (let i = 0; i < counts.length; i++) {
    Atomics.store(counts, i, stopped);
    Atomics.notify(counts, i);
  }
}

/** The page numbers the footer of part `index` prints: its own page and count turned into the whole document's. */
export function numberingOfPart(slots: SharedArrayBuffer, index: number): (currentPage: number, pageCount: number) => { page: number; of: number } {
  const counts = new Int32Array(slots);
  let known: { own: number; before: number; all: number } | null = null;
  return (currentPage, pageCount) => {
    if (!known) {
      if (Atomics.compareExchange(counts, index, 0, pageCount) !== 0) throw new Error('the statements were stopped');
      Atomics.notify(counts, index);
      let before = 0;
      let all = 0;
      const deadline = Date.now() + waitLimitMs;
      for (let i = 0; i < counts.length; i++) {
        while (Atomics.load(counts, i) === 0) {
          if (Date.now() > deadline) throw new Error('a part of the statements took over a minute longer than the others');
          Atomics.wait(counts, i, 0, 250);
        }
        const count = Atomics.load(counts, i);
        if (count === stopped) throw new Error('the statements were stopped');
        if (i < index) before += count;
        all += count;
      }
      known = { own: pageCount, before, all };
    }
    if (pageCount !== known.own) throw new Error(`a part of the statements was laid out again after its page count was given (${known.own}, then ${pageCount} pages)`);
    return { page: known.before + currentPage, of: known.all };
  };
}
