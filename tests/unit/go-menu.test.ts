// The desktop app's Go menu reaches every screen: the ten with a Ctrl/Cmd+digit, Outcomes, and the
// leadership's three between meetings (This week, Visitors, Applications & renewals) after a line.
// Electron itself is not on this machine; its menu module is stood in for, capturing the template.
import { describe, expect, it, vi } from 'vitest';

const built: { template: any[] } = { template: [] };
vi.mock('electron', () => ({
  app: { getPath: () => '/tmp' },
  shell: { showItemInFolder: () => {} },
  Menu: {
    buildFromTemplate: (template: any[]) => {
      built.template = template;
      return template;
    },
    setApplicationMenu: () => {},
  },
}));

describe('the Go menu', () => {
  it('lists the leadership screens after the others, each opening its screen', async () => {
    const { installApplicationMenu } = await import('../../electron/menu');
    const shown: string[] = [];
    installApplicationMenu({ openChapterFile: async () => {}, showScreen: (id) => shown.push(id), newChapter: async () => {}, openDemo: async () => {}, recent: [], openRecent: async () => {} });
    const go = built.template.find((m) => m.label === '&Go').submenu as Array<{ label?: string; type?: string; accelerator?: string; click?: () => void }>;
    expect(go.map((item) => item.label ?? item.type)).toEqual([
      'Meeting', 'Open referrals', 'Outcomes', 'Reciprocity', 'Scorecard', 'Reports', 'Members', 'Seat map', 'Settings', 'Audit log', 'Import',
      'separator',
      'This week', 'Visitors', 'Applications & renewals',
    ]);
    expect(go.find((item) => item.label === 'Members')!.accelerator).toBe('CmdOrCtrl+6');
    expect(go.find((item) => item.label === 'Visitors')!.accelerator).toBeUndefined();
    for (const label of ['This week', 'Visitors', 'Applications & renewals']) go.find((item) => item.label === label)!.click!();
    expect(shown).toEqual(['this-week', 'visitors', 'applications']);
  });
});
