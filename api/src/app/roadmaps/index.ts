// What other features may use of roadmaps: the reader, the queries of its tables, the roll-up builders.
export { RoadmapsModule } from './roadmaps.module';
export { RoadmapReader } from './roadmap.reader';
export { RoadmapQueries } from './roadmaps.queries';
export type { FunctionRow, PhaseRow, ProgressRow, RoadmapRow } from './roadmaps.queries';
export { detailView, functionViews, group, milestonePlaces } from './roll-ups';
export { carriedFromColumn, itemPlace, placeFilters, provenanceColumn } from './item-place';
export type { ItemPlaceRow } from './item-place';
export { actionReplay, isPast, linesByItem, milestoneReplay, PastState } from './past-state';
export type { PastLines, PlaceNames } from './past-state';
export type { PastActionRow, PastMilestoneRow, PastProgressRow } from './past-state.queries';
