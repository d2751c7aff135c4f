import { useCallback, useMemo, useRef } from 'react';

/**
 * A function whose identity never changes but which always runs the newest `fn` (the one from the last
 * render). Handed to memoized parts of a screen (a slip's row, the slip bar, a dialog), it lets them skip
 * redrawing when only the screen around them changed.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}

/**
 * The same for a set of handlers given to one memoized part (a screen's dialogs, its buttons): an object
 * that never changes, whose every method runs the newest handler of that name. The names must not change.
 */
export function useStableHandlers<T extends Record<string, (...args: never[]) => unknown>>(handlers: T): T {
  const latest = useRef(handlers);
  latest.current = handlers;
  return useMemo(
    () => Object.fromEntries(Object.keys(handlers).map((name) => [name, (...args: never[]) => latest.current[name]!(...args)])) as T,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
}
