// When the start-up checks (the file's quick check, the start-up backup, the audit log's full check) may
// begin. They read every page of the chapter file and then copy it: begun while the first screen is still
// reading its data, they share the disk and the main process with it (on a 1M-slip file the window's
// first sheet waited behind them). So they wait for the renderer to say the first screen's data is on
// screen (the contract's `firstScreenShown`, sent once by the page after that frame is painted), and
// begin then — or after `fallbackMs` whatever happens (a page that never says: a crash, an old renderer,
// a screen that never settles), so a damaged file is always caught. Electron's main process only wires
// this to its window (electron/main.ts); the order is tested here (tests/unit/startup-gate.test.ts).

export interface StartupGate {
  /** The renderer says its first screen's data is drawn: the checks begin now (once). Answers whether this call began them. */
  firstScreenShown(): boolean;
  /** Whether the checks have begun (by the signal or the fallback). */
  readonly begun: boolean;
  /** What began them: the page's signal or the fallback timer (null: not yet). */
  readonly beganBy: 'first-screen' | 'fallback' | null;
  /** Stops the fallback timer (the app quits before it fires). */
  dispose(): void;
}

export interface StartupGateOptions {
  /** The checks themselves (run once). */
  begin: () => void;
  /** Begin anyway this long after the gate is made, if the page never says (default 20 s). */
  fallbackMs?: number;
  /** Timers (a test passes fake ones). */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const startupChecksFallbackMs = 20_000;

export function startupGate(options: StartupGateOptions): StartupGate {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let beganBy: StartupGate['beganBy'] = null;
  const beginOnce = (by: 'first-screen' | 'fallback'): boolean => {
    if (beganBy) return false;
    beganBy = by;
    clearTimer(timer);
    options.begin();
    return true;
  };
  const timer = setTimer(() => beginOnce('fallback'), options.fallbackMs ?? startupChecksFallbackMs);
  return {
    firstScreenShown: () => beginOnce('first-screen'),
    get begun() {
      return beganBy !== null;
    },
    get beganBy() {
      return beganBy;
    },
    dispose: () => clearTimer(timer),
  };
}
