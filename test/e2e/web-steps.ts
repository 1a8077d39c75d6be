// VS Code for the Web: journeys 1-5 of steps.ts again, with the extension forced into code-server's
// web worker extension host (remote.extensionKind), plus what only the web run must show: that
// it is that host (and no Node language server runs), and that a workspace .postmortemrc.json
// and its template file, read through workspace.fs, still apply.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { expectPanelMatchesCli, FILES, STEPS, type Step, type StepContext } from './steps.js';
import { waitFor } from './lib/wait.js';
import type { Workbench } from './lib/workbench.js';

export const EXTENSION_ID = 'postmortem-tools.postmortem-lint';
/** The user setting that runs an extension with both `main` and `browser` in the web worker host. */
export const WEB_EXTENSION_KIND: Record<string, unknown> = { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } };
const JOURNEYS = ['1-diagnostics', '2-timeline-order', '3-quick-fix', '4-snippet', '5-preview'];

export interface WebRunContext {
  root: string;
  workspace: string;
  wb: Workbench;
  /** The code-server instance's folder: its extensions live under it. */
  instanceDir: string;
  log(message: string): void;
  record(name: string, status: 'passed' | 'failed', since: number, detail?: string[]): void;
}

/** Command lines of the processes that run our Node language server for this instance. */
function nodeServers(instanceDir: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(instanceDir) && /dist[\\/]server\.cjs/.test(line));
}

let instanceDir = '';

export const WEB_STEPS: Step[] = [
  {
    id: 'web-0-host',
    title: 'on the web the extension runs in the web worker extension host; no Node language server starts',
    async run(ctx) {
      const { wb } = ctx;
      await wb.openFile(basename(FILES.clean));
      await wb.runCommand('Postmortem: Show Output');
      const text = await waitFor('the output to say the server runs in a web worker', async () => {
        const shown = (await wb.outputText()).replace(/\s+/g, ' ');
        if (/running in a web worker/.test(shown)) return shown;
        // Run while the web host was still starting the extension, the command can leave the panel
        // closed (seen once in a full run): ask again rather than wait on a panel that is not there.
        if (!(await wb.page.locator('.part.panel.bottom').isVisible().catch(() => false))) {
          await wb.runCommand('Postmortem: Show Output').catch(() => {});
          return undefined;
        }
        // The output follows its end and renders only the lines in view; the line is the first one.
        await wb.page.locator('.part.panel .monaco-editor .view-lines').first().click().catch(() => {});
        await wb.page.keyboard.press('Control+Home').catch(() => {});
        return undefined;
      }, 60_000);
      ctx.note(`output: ${/[^\]]*running in a web worker[^.]*\./.exec(text)?.[0].trim()}`);
      await wb.screenshot('web-worker-output');
      assert.deepEqual(nodeServers(instanceDir), [], 'no dist/server.cjs process for the web instance');
      await wb.hidePanel();
    },
  },
  ...STEPS.filter((step) => JOURNEYS.includes(step.id)).map((step) => ({ ...step, id: `web-${step.id}`, title: `${step.title} (web worker host)` })),
  {
    id: 'web-6-config',
    title: 'a workspace .postmortemrc.json and the template file it names apply on the web too',
    async run(ctx) {
      const { wb } = ctx;
      await wb.openFile(basename(FILES.customTemplate));
      const rows = await expectPanelMatchesCli(ctx, wb, FILES.customTemplate);
      assert.ok(rows.some((p) => /Customer Communication/.test(p.message)), 'the team template (payments-template.json) asks for Customer Communication');
      ctx.note(`${rows.length} problems from the workspace template: ${rows.map((r) => r.rule).join(', ')}`);
      await wb.screenshot('web-workspace-template');
      assert.deepEqual(nodeServers(instanceDir), [], 'still no dist/server.cjs process');
    },
  },
];

/** Runs the web steps on one workbench, each from a clean editor area, recording each. */
export async function webJourneys(steps: Step[], run: WebRunContext): Promise<void> {
  instanceDir = run.instanceDir;
  for (const step of steps) {
    const since = Date.now();
    const detail: string[] = [];
    run.wb.label = step.id;
    const ctx: StepContext = {
      root: run.root,
      workspace: run.workspace,
      wb: run.wb,
      note: (message) => detail.push(message),
      openInstance: () => Promise.reject(new Error('the web journeys use one workbench')),
    };
    try {
      if (step !== steps[0]) await run.wb.closeAllEditors();
      await step.run(ctx);
      run.record(`${step.id}: ${step.title}`, 'passed', since, detail);
    } catch (error) {
      await run.wb.screenshot('FAILED').catch(() => undefined);
      detail.push(`ERROR: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.split('\n').slice(0, 8).join('\n         '));
      run.record(`${step.id}: ${step.title}`, 'failed', since, detail);
      await run.wb.reset().catch(() => undefined);
    }
  }
}
