// Loads data from the ledger and reloads it on demand; keeps the last good value while reloading.
import { useCallback, useEffect, useState } from 'react';

export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Changes the value in hand without asking the ledger again (when the caller already knows the change). */
  patch: (change: (data: T | undefined) => T | undefined) => void;
}

export function useQuery<T>(load: () => Promise<T>, deps: unknown[] = []): Query<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await run());
      setError(null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, patch: setData };
}
