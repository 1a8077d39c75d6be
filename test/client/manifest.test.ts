// The extension manifest against the client source, the engine and the snippets.
import { BUILTIN_TEMPLATES as CLIENT_BUILTINS } from '../../client/src/builtin-templates.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, RULES } from '../../server/src/core/index.js';
import { DEFAULT_EXCLUDE } from '../../server/src/core/exclude.js';
import { renderSnippets, SNIPPETS_FILE, type Snippet } from '../../scripts/gen-snippets.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}
const clientSource = sourceFiles(join(root, 'client/src')).map((file) => readFileSync(file, 'utf8')).join('\n');

describe('commands', () => {
  const commands: { command: string; title: string; category: string; enablement?: string }[] = contributes.commands;

  it('include the six Postmortem commands, each titled and in the Postmortem category', () => {
    expect(commands.map((c) => c.command)).toEqual(
      expect.arrayContaining([
        'postmortem.newPostmortem',
        'postmortem.insertSection',
        'postmortem.fixAll',
        'postmortem.lintWorkspace',
        'postmortem.restartServer',
        'postmortem.showOutput',
      ]),
    );
    for (const command of commands) {
      expect(command.title, command.command).toMatch(/\S/);
      expect(command.category, command.command).toBe('Postmortem');
    }
  });

  it('are each named in client/src, and every command registered there by literal id is contributed', () => {
    for (const { command } of commands) expect(clientSource, command).toContain(`'${command}'`);
    const registered = [...clientSource.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(registered.length).toBeGreaterThanOrEqual(6);
    for (const id of registered) expect(commands.map((c) => c.command), id).toContain(id);
  });

  it('that act on the active editor are only enabled in Markdown editors', () => {
    const palette: { command: string; when: string }[] = contributes.menus.commandPalette;
    for (const id of ['postmortem.insertSection', 'postmortem.fixAll']) {
      expect(commands.find((c) => c.command === id)?.enablement).toContain('editorLangId == markdown');
      expect(palette.find((m) => m.command === id)?.when).toContain('editorLangId == markdown');
    }
  });
});

describe('settings', () => {
  const properties: Record<string, { default: unknown; scope: string; properties?: Record<string, unknown> }> =
    contributes.configuration.properties;

  it('have the agreed defaults and scopes', () => {
    const defaults = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, value.default]));
    expect(defaults).toEqual({
      'postmortem.template': 'default',
      'postmortem.files': ['**/postmortems/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md', '**/incidents/**/*.md'],
      'postmortem.exclude': [...DEFAULT_EXCLUDE],
      'postmortem.rules': {},
      'postmortem.validate': 'onType',
      'postmortem.maxFileSizeKB': 2048,
      'postmortem.analysisTimeoutMs': 3000,
      'postmortem.newFileFolder': 'postmortems',
      'postmortem.preview.allowRemoteImages': false,
      'postmortem.trace.server': 'off',
    });
    for (const [key, value] of Object.entries(properties)) {
      expect(value.scope, key).toBe(key === 'postmortem.trace.server' ? 'window' : 'resource');
    }
  });

  it('name exactly the engine’s rules', () => {
    expect(Object.keys(properties['postmortem.rules'].properties ?? {}).sort()).toEqual(RULES.map((r) => r.name).sort());
  });

  it('describe each rule as the config schema does', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/config.schema.json'), 'utf8'));
    const descriptions = (rules: Record<string, { description?: string }>) =>
      Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, rule.description]));
    expect(descriptions(properties['postmortem.rules'].properties as never)).toEqual(descriptions(schema.properties.rules.properties));
  });

  it('offer the built-in templates as examples, and New Postmortem offers the same ones', () => {
    // The picker reads the same JSON files the server builds its templates from.
    expect(CLIENT_BUILTINS.map((t) => t.name)).toEqual(Object.keys(BUILTIN_TEMPLATES));
    for (const t of CLIENT_BUILTINS) expect(t.description).toBe(BUILTIN_TEMPLATES[t.name].description);
    const examples = (properties['postmortem.template'] as unknown as { examples: string[] }).examples;
    for (const name of Object.keys(BUILTIN_TEMPLATES)) expect(examples).toContain(name);
  });
});

describe('activation, trust and schemas', () => {
  it('activates on Markdown and starts from the bundled client', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown']);
    expect(manifest.main).toBe('./dist/client.cjs');
  });

  it('runs limited in untrusted workspaces, restricting the settings that pick files to read', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    expect(trust.supported).toBe('limited');
    expect(trust.description).toMatch(/\S/);
    expect(trust.restrictedConfigurations.sort()).toEqual(['postmortem.files', 'postmortem.preview.allowRemoteImages', 'postmortem.template']);
  });

  it('validates config and template JSON against schemas that exist', () => {
    const validation: { fileMatch: string; url: string }[] = contributes.jsonValidation;
    expect(validation.map((v) => v.fileMatch)).toEqual(['.postmortemrc.json', '**/*.postmortem-template.json']);
    for (const { url } of validation) expect(existsSync(join(root, url)), url).toBe(true);
  });

  it('puts one preview button in the editor title, with its own glyph rather than the Markdown preview\'s', () => {
    const title: { command: string }[] = contributes.menus['editor/title'];
    expect(title.map((m) => m.command)).toEqual(['postmortem.openPreviewToSide']);
    const command = contributes.commands.find((c: { command: string }) => c.command === 'postmortem.openPreviewToSide');
    // $(open-preview) is the icon of VS Code's own "Open Preview to the Side": two identical buttons.
    expect(typeof command.icon).toBe('object');
    for (const theme of ['light', 'dark']) {
      const svg = readFileSync(join(root, command.icon[theme]), 'utf8');
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 16 16"/);
      // Shipped: the .vsix keeps media/**.
      expect(command.icon[theme]).toMatch(/^media\//);
    }
  });

  it('has an icon and a repository', () => {
    const icon = readFileSync(join(root, manifest.icon));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
    expect(manifest.repository.url).toBe('https://github.com/postmortem-tools/postmortem-lint');
  });
});

/** Parses VS Code snippet syntax far enough to reject what VS Code would insert literally or choke on. */
function parseSnippet(body: string): { tabStops: Set<number>; choices: string[][] } {
  const tabStops = new Set<number>();
  const choices: string[][] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(body)}`);
  };
  const text = (stop: string): void => {
    while (i < body.length && !stop.includes(body[i])) {
      if (body[i] === '\\') i += 2;
      else if (body[i] === '$') dollar();
      else i++;
    }
  };
  const dollar = (): void => {
    i++;
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
    if (simple) {
      if (/^\d/.test(simple[1])) tabStops.add(Number(simple[1]));
      i += simple[1].length;
      return;
    }
    if (body[i] !== '{') fail('a lone $ (escape it as \\$)');
    i++;
    const name = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i)) ?? fail('${ without a tab stop or variable');
    i += name[1].length;
    if (/^\d/.test(name[1])) tabStops.add(Number(name[1]));
    if (body[i] === '|') {
      const end = body.indexOf('|}', i + 1);
      if (end < 0) fail('an unclosed choice');
      choices.push(body.slice(i + 1, end).split(/(?<!\\),/).map((c) => c.replace(/\\(.)/g, '$1')));
      i = end + 2;
      return;
    }
    if (body[i] === ':') {
      i++;
      text('}');
    }
    if (body[i] !== '}') fail('an unclosed ${');
    i++;
  };
  text('');
  return { tabStops, choices };
}

describe('snippets', () => {
  const committed: Record<string, Snippet> = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8'));
  const bodies = Object.fromEntries(Object.entries(committed).map(([name, s]) => [name, s.body.join('\n')]));

  it('are what scripts/gen-snippets.ts generates from the templates (run `npm run snippets`)', () => {
    expect(readFileSync(SNIPPETS_FILE, 'utf8')).toBe(renderSnippets());
  });

  it('are contributed for Markdown', () => {
    expect(contributes.snippets).toEqual([{ language: 'markdown', path: './snippets/postmortem.json' }]);
  });

  it('parse, have pm- prefixes and a description', () => {
    for (const [name, snippet] of Object.entries(committed)) {
      const prefixes = [snippet.prefix].flat();
      for (const prefix of prefixes) expect(prefix, name).toMatch(/^pm-[a-z0-9-]+$/);
      expect(snippet.description, name).toMatch(/\S/);
      expect(() => parseSnippet(bodies[name]), name).not.toThrow();
    }
    const all = Object.values(committed).flatMap((s) => [s.prefix].flat());
    expect(new Set(all).size).toBe(all.length);
  });

  it('include a whole postmortem for each built-in template, with every required section', () => {
    for (const template of Object.values(BUILTIN_TEMPLATES)) {
      const body = bodies[`Postmortem (${template.name} template)`];
      expect(body, template.name).toMatch(/^# Postmortem: \$\{1:Incident title\}\n/);
      for (const section of template.sections.filter((s) => s.required !== false)) {
        expect(body, `${template.name}: ${section.title}`).toContain(`\n## ${section.title}\n`);
      }
    }
    expect(committed['Postmortem (default template)'].prefix).toContain('pm-postmortem');
  });

  it('offer the default template’s tags as the action item’s choice', () => {
    expect(committed['Action item'].prefix).toBe('pm-action');
    expect(parseSnippet(bodies['Action item']).choices).toEqual([BUILTIN_TEMPLATES.default.tags]);
  });

  it('time a timeline entry at the current hour and minute', () => {
    expect(committed['Timeline entry']).toMatchObject({ prefix: 'pm-timeline-entry', body: ['- **$CURRENT_HOUR:$CURRENT_MINUTE:** $0'] });
  });

  it('cover each section of the default template', () => {
    const sectionTitles = (sections: typeof BUILTIN_TEMPLATES.default.sections): string[] =>
      sections.flatMap((s) => [s.title, ...sectionTitles(s.sections ?? [])]);
    for (const title of sectionTitles(BUILTIN_TEMPLATES.default.sections)) {
      expect(bodies[`Section: ${title}`], title).toMatch(new RegExp(`^#{2,3} ${title}\\n`));
    }
  });
});
