// Hover on a timeline entry's time: how it was read, and how long after the first and the previous entry.
// Hover on the Duration line: how long the incident lasted.
import { MarkupKind, type Connection, type Hover, type HoverParams } from 'vscode-languageserver';
import { engine } from './engine.js';
import { toOffset, toRange } from './convert.js';
import { guardRequest, requirePosition, requireTextDocumentUri } from './guard.js';
import type { PostmortemService } from './service.js';

export function registerHoverSupport(connection: Connection, service: PostmortemService): void {
  service.addCapabilities({ hoverProvider: true });

  connection.onHover(guardRequest(connection, 'Hover', async (params: HoverParams): Promise<Hover | null> => {
    const uri = requireTextDocumentUri(params);
    const position = requirePosition(params);
    const live = service.documents.get(uri);
    if (!live) return null;
    const entry = await service.answerFrom(live);
    const postmortem = entry && (await service.modelOf(entry));
    if (!entry || !postmortem) return null;
    // The analysis may be of an earlier version than the request (one still being analysed): its own snapshot places the position.
    const offset = toOffset(entry.document, position);
    const e = engine();

    const timing = e.entryTimingAt(postmortem, offset);
    if (timing) {
      const parts: string[] = [];
      if (timing.first && timing.sinceFirst !== undefined) parts.push(`${e.formatElapsed(timing.sinceFirst, true)} since the first entry (${timing.first.timeText})`);
      if (timing.previous && timing.sincePrevious !== undefined) parts.push(`${e.formatElapsed(timing.sincePrevious, true)} since the previous (${timing.previous.timeText})`);
      const reading = e.entryReading(timing.entry);
      const value = [reading, parts.length ? parts.join(' · ') : 'First entry of the timeline.'].filter(Boolean).join('\n');
      return { contents: { kind: MarkupKind.PlainText, value }, range: toRange(entry.document, timing.entry.timeRange) };
    }

    const duration = e.durationAt(postmortem, offset);
    if (duration) {
      const value = duration.total === null
        ? 'The Duration could not be read as a start and an end time, so its length is unknown. Write it like "2024-03-03 09:12 - 11:40 (UTC)".'
        : duration.total < 0
          ? `The Duration ends ${e.formatElapsed(-duration.total)} before it starts; check the end time (or add its date if it ended the next day).`
          : [`Incident duration: ${e.formatElapsed(duration.total)}`, e.milestoneTimes(postmortem)].filter(Boolean).join('\n');
      return { contents: { kind: MarkupKind.PlainText, value }, range: toRange(entry.document, duration.duration.range) };
    }
    return null;
  }));
}
