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
