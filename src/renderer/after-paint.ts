/**
 * Resolves once the browser has painted the next frame (the first task after the next animation frame),
 * so work started after it (the meeting sheet read again after a save) does not compete with drawing the
 * row the save has just patched in. A page that draws no frames (a hidden window) is not waited on for
 * more than `atMostMs`.
 */
export function afterNextPaint(atMostMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    const fallback = setTimeout(finish, atMostMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        finish();
      }, 0),
    );
  });
}

/**
 * Brings an element React is about to draw into the middle of the window, with the cursor when `focus` says so:
 * `find` is asked on each of the next few frames until it answers (a field marked wrong, a Save button on a tab
 * being shown), since the pass that draws it may come a frame or two later.
 */
export function showWhenDrawn(find: () => HTMLElement | null, focus: (element: HTMLElement) => boolean = () => true, frames = 6): void {
  const look = (framesLeft: number) => {
    const element = find();
    if (element) {
      if (focus(element)) element.focus({ preventScroll: true });
      element.scrollIntoView({ block: 'center' });
    } else if (framesLeft > 0) requestAnimationFrame(() => look(framesLeft - 1));
  };
  requestAnimationFrame(() => look(frames));
}
