// The templates shipped with the server (schemas/templates/): name and one-line description.
import atlassian from '../../schemas/templates/atlassian.json' with { type: 'json' };
import defaultTemplate from '../../schemas/templates/default.json' with { type: 'json' };
import googleSre from '../../schemas/templates/google-sre.json' with { type: 'json' };
import pagerduty from '../../schemas/templates/pagerduty.json' with { type: 'json' };

export const BUILTIN_TEMPLATES: readonly { name: string; description: string }[] = [defaultTemplate, googleSre, pagerduty, atlassian].map((t) => ({
  name: t.name,
  description: t.description,
}));

export const isBuiltinTemplate = (name: string): boolean => BUILTIN_TEMPLATES.some((t) => t.name === name);
