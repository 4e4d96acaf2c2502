export { TrackingModule, trackingEntities, trackingMigrations, type TrackingModuleOptions } from './tracking.module';
export { TimelineService } from './timeline/timeline.service';
export { projectTimelineEntry, summarize, orderIdOf, type TimelineEntryDraft } from './timeline/timeline-projection';
