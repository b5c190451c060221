// What the rest of the API (and seed/, cli/) may use of the roadmap set-up: the kit and roadmap files, the plan, its writer.
export { RoadmapSetupModule } from './roadmap-setup.module';
export { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile, SeedFileError, seedsDir } from './seed-files';
export type { KitAction, KitFile, KitFunction, KitMilestone, RoadmapFile, RoadmapItemState } from './seed-files';
export { instantiate, placeKit, PlanError } from './instantiate';
export type { RoadmapPlan } from './instantiate';
export { newRoadmapFile, planNewRoadmap, roadmapFileFor, roadmapSlug, slugify } from './new-roadmap';
export type { NewRoadmapPlan, NewRoadmapRequest } from './new-roadmap';
export { writeRoadmap } from './write-roadmap';
export type { SeedOutcome, WriteOptions } from './write-roadmap';
export { exportRoadmap, loadExportedRoadmap, RoadmapExportError, seedRoadmapFile } from './export-roadmap';
export type { ExportedRecords, ExportedTable } from './export-roadmap.queries';
