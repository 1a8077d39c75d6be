// Whether a .postmortemrc.json names its own template, which then wins over the editor setting.
import { parse } from 'jsonc-parser';

export function configNamesTemplate(configText: string | undefined): boolean {
  if (configText === undefined) return false;
  try {
    const value = parse(configText, [], { allowTrailingComma: true }) as unknown;
    return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).template === 'string';
  } catch {
    return false;
  }
}
