// Moved to app/roadmap-setup (the HTTP app builds roadmaps from the kit too); this path stays for the imports that name it.
export * from '../app/roadmap-setup';
