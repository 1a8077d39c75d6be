// Editor assistance built on the postmortem model: completion, hover, folding, section insertion.
export { completionContextAt, sectionAt } from './completion-context.js';
export type { CompletionContext, TimeChoice } from './completion-context.js';
export type { FieldChoice, FieldCompletion } from './field-completion.js';
export { missingSections, findTemplateEntry, hasSection } from './missing-sections.js';
export { entryTimingAt, durationAt, formatElapsed, isTimed, timelineOffsetAt, wallTime } from './timeline-assist.js';
export type { EntryTiming } from './timeline-assist.js';
export { formatTimeLike } from './format-time.js';
export { entryReading } from './entry-reading.js';
export type { WallTime } from './format-time.js';
export { foldingRegions } from './folding.js';
export type { FoldingRegion } from './folding.js';
export { disableLineEdit } from './disable-comment.js';
export { configNamesTemplate } from './config-template.js';
export { placementOf, insertedSectionSelection } from './section-placement.js';
export { milestoneTimes } from './metrics-hover.js';
