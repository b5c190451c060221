import { tKey } from '../i18n/i18n';

/** The open data resources of a roadmap (GET /api/public/roadmaps/:slug/open-data/<id>.csv), in the Data Package's order. */
export const OPEN_DATA_RESOURCES: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'phases', label: tKey('Phases') },
  { id: 'functions', label: tKey('Fonctions') },
  { id: 'actions', label: tKey('Actions') },
  { id: 'milestones', label: tKey('Jalons') },
  { id: 'indicators', label: tKey('Indicateurs') },
  { id: 'measurements', label: tKey('Mesures des indicateurs') },
  { id: 'decisions', label: tKey('Décisions') },
];

/** `/api/public/roadmaps/<slug>/open-data/<file>` */
export function openDataPath(slug: string, file: string): string {
  return `/api/public/roadmaps/${encodeURIComponent(slug)}/open-data/${file}`;
}
