// Moved to app/roadmap-setup/write-roadmap.ts (the HTTP app writes roadmaps from the kit too); this path stays for the imports that name it.
export { writeRoadmap } from '../app/roadmap-setup';
export type { SeedOutcome } from '../app/roadmap-setup';
