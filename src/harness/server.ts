// The loopback test harness: serves the built renderer and the same handler registry as the app,
// over HTTP on 127.0.0.1 only, so Playwright drives the real UI against a real chapter file.
// It guards itself like a server on a shared machine would: a per-run token, Host and Origin checks.
// It is never part of the packaged app (electron-builder.yml ships out/ and drizzle/ only).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { OpenedDatabase } from '../db/open';
import type { ChapterFile } from '../server/chapter-file';
import { ChapterWorkspace } from '../server/chapter-workspace';
import { sourceMigrationsFolder, repoRoot } from '../db/paths';
import { createRegistry } from '../server/registry';
import { useBuiltParseWorker } from '../imports/parse-in-worker';
import { contentSecurityPolicy } from '../shared/csp';
import type { LedgerErrorShape } from '../shared/errors';

export interface HarnessOptions {
  dbFile: string;
  /** 0 (default) picks a free port. */
  port?: number;
  rendererDir?: string;
  token?: string;
  /** The harness's user-data folder (recent chapter files, the demo's own file); default: "user-data" beside dbFile. */
  userDataDir?: string;
  /** Told of each registry request answered: its method, the process CPU and the wall time it took (the bench's per-screen split). */
  onAnswered?: (method: string, cpuMs: number, wallMs: number) => void;
}

export interface Harness {
  /** The open chapter file (its handle changes after a restore; the file changes after New chapter, Open recent, the demo). */
  readonly chapterFile: ChapterFile;
  /** The open file among the recent ones, as the app holds it. */
  workspace: ChapterWorkspace;
  url: string;
  /** The URL to open in a browser: carries the token for the renderer's client. */
  openUrl: string;
  token: string;
  port: number;
  /** The current database handle of the chapter file. */
  readonly database: Pick<OpenedDatabase, 'db' | 'sqlite'>;
  close(): Promise<void>;
}

// Room for an imported file (20 MB, as base64) inside the JSON body; anything larger is refused unread.
const MAX_BODY = 30 * 1024 * 1024;
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(repoRoot, 'out', 'renderer'));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run "npm run build" first.`);
  }
  // Imports are parsed by the same worker the app ships (out/main/parse-worker.js, built with the renderer).
  const builtParser = path.join(repoRoot, 'out', 'main', 'parse-worker.js');
  useBuiltParseWorker(existsSync(builtParser) ? builtParser : null);
  const dbFile = path.resolve(options.dbFile);
  const workspace = ChapterWorkspace.open(
    { userDataFolder: path.resolve(options.userDataDir ?? path.join(path.dirname(dbFile), 'user-data')), migrationsFolder: sourceMigrationsFolder, chaptersFolder: path.dirname(dbFile) },
    dbFile,
  );
  const revealed: string[] = [];
  const registry = createRegistry({
    get db() {
      return workspace.chapterFile.db;
    },
    get file() {
      return workspace.file;
    },
    get chapterFile() {
      return workspace.chapterFile;
    },
    workspace,
    appVersion: 'harness',
    revealFolder: (folder) => revealed.push(folder),
  });
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = options.port ?? 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[harness]', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The harness failed.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 421, 'Unknown host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
      return refuse(res, 403, 'Requests from other sites are refused.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    return serveStatic(res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
    if (!tokenMatches(req.headers['x-ledger-token'], token)) return refuse(res, 401, 'The harness token is missing or wrong.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send JSON.');
    const body = await readBody(req);
    if (body === null) return refuse(res, 413, 'The request is too large.');
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request is not valid JSON.' } });
    }
    if (!options.onAnswered) return sendJson(res, 200, await registry.callAsync(method, input));
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const answer = await registry.callAsync(method, input);
    sendJson(res, 200, answer);
    const used = process.cpuUsage(cpu);
    options.onAnswered(method, (used.user + used.system) / 1000, performance.now() - wall);
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(rendererDir, relative);
    const inside = file.startsWith(rendererDir + path.sep);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
    res.writeHead(200, {
      'Content-Type': contentTypes[path.extname(target)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    createReadStream(target).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    token,
    port,
    workspace,
    get chapterFile() {
      return workspace.chapterFile;
    },
    get database() {
      return { db: workspace.chapterFile.db, sqlite: workspace.chapterFile.sqlite };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          workspace.close();
          resolve();
        });
      }),
  };
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const error: LedgerErrorShape = { code: 'forbidden', message };
  sendJson(res, status, { ok: false, error });
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(payload));
}
