// One way to start the worker threads that keep long jobs off the thread answering the window (an
// import file's parsing, the start-up integrity check, the audit log's full check): the Electron main
// process runs each as it is built beside main.js; run from source (tests, tools, the harness without
// a build) its TypeScript is bundled once per process with esbuild.
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerScript {
  /** The built worker beside main.js (null: bundle the source). */
  useBuilt(file: string | null): void;
  start(options: WorkerOptions): Promise<Worker>;
}

/**
 * `entry`: where the worker's TypeScript file is, asked only when it is bundled (a module that builds a
 * worker may itself be bundled into another worker, where `import.meta.url` is not there to ask);
 * `external`: packages left to Node's own resolution (native ones).
 */
export function workerScript(entry: () => string, external: string[]): WorkerScript {
  let built: string | null = null;
  let compiled: Promise<string> | null = null;
  const compile = () =>
    (compiled ??= (async () => {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({ entryPoints: [entry()], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent', external: ['esbuild', ...external] });
      return result.outputFiles[0]!.text;
    })());
  return {
    useBuilt(file) {
      built = file;
    },
    async start(options) {
      // Either way the worker is plain JavaScript: it is not handed the flags this process was started with. Run
      // from source that is tsx's loader, which put every module of the built parse worker through its hooks and
      // source maps: a third more CPU for a 100,000-row .xls (Electron starts main with no such flags).
      return built ? new Worker(built, { execArgv: [], ...options }) : new Worker(await compile(), { execArgv: [], ...options, eval: true });
    },
  };
}
