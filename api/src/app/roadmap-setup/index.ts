// What the rest of the API (and seed/, cli/) may use of the roadmap set-up: the kit and roadmap files, the plan, its writer.
export { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile, SeedFileError, seedsDir } from './seed-files';
export type { KitAction, KitFile, KitFunction, KitMilestone, RoadmapFile, RoadmapItemState } from './seed-files';
export { instantiate, newRoadmapFile, PlanError, slugify } from './instantiate';
export type { RoadmapPlan } from './instantiate';
export { writeRoadmap } from './write-roadmap';
export type { SeedOutcome } from './write-roadmap';
