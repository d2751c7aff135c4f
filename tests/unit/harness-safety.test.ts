import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../src/harness/server';

let harness: Harness;
const rendererDir = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-renderer-')));

beforeAll(async () => {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Chapter Ledger</title>');
  harness = await startHarness({ dbFile: path.join(mkdtempSync(path.join(tmpdir(), 'ledger-h-')), 'c.sqlite'), rendererDir });
});
afterAll(() => harness.close());

const call = (method: string, init: { token?: string | null; origin?: string; body?: string; host?: string } = {}) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.token !== null) headers['X-Ledger-Token'] = init.token ?? harness.token;
  if (init.origin) headers.Origin = init.origin;
  return fetch(`${harness.url}/api/${method}`, { method: 'POST', headers, body: init.body ?? '{}' });
};

describe('the test harness', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a call that carries its token', async () => {
    const response = await call('appStatus');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { hasChapter: false } });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await call('appStatus', { token: null })).status).toBe(401);
    expect((await call('appStatus', { token: 'x'.repeat(48) })).status).toBe(401);
  });

  it('refuses calls from another origin, even with the token', async () => {
    expect((await call('appStatus', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('appStatus', { origin: harness.url })).status).toBe(200);
  });

  it('answers malformed JSON with a sentence, not a stack trace', async () => {
    const response = await call('addMember', { body: '{"firstName":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request is not valid JSON.' } });
  });

  it('does not serve files outside the built renderer', async () => {
    const response = await fetch(`${harness.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await response.text()).toContain('<title>Chapter Ledger</title>');
  });

  it('serves the page with the app\'s Content-Security-Policy', async () => {
    const response = await fetch(`${harness.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
