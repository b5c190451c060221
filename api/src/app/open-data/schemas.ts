import actions from '../../../../open-data/schemas/actions.schema.json';
import decisionItems from '../../../../open-data/schemas/decision_items.schema.json';
import decisions from '../../../../open-data/schemas/decisions.schema.json';
import functions from '../../../../open-data/schemas/functions.schema.json';
import indicators from '../../../../open-data/schemas/indicators.schema.json';
import measurements from '../../../../open-data/schemas/measurements.schema.json';
import milestones from '../../../../open-data/schemas/milestones.schema.json';
import phases from '../../../../open-data/schemas/phases.schema.json';

/*
 * The Table Schemas of the open data, read from the committed files of open-data/schemas/ (one
 * source: webpack bundles the JSON, the tests compare the served schemas with the files).
 */

/** The resources of a roadmap's Data Package, in the package's order (a resource comes after those it refers to). */
export const OPEN_DATA_RESOURCES = [
  'phases',
  'functions',
  'actions',
  'milestones',
  'indicators',
  'measurements',
  'decisions',
  'decision_items',
] as const;
export type OpenDataResource = (typeof OPEN_DATA_RESOURCES)[number];

/** One column of a Table Schema (what the code needs of it). */
export interface TableField {
  name: string;
  type: string;
  [key: string]: unknown;
}

/** A Table Schema as committed (its other keys are kept as they are). */
export interface TableSchema {
  name: string;
  title: string;
  version: string;
  fields: TableField[];
  [key: string]: unknown;
}

export const OPEN_DATA_SCHEMAS: Readonly<Record<OpenDataResource, TableSchema>> = {
  phases,
  functions,
  actions,
  milestones,
  indicators,
  measurements,
  decisions,
  decision_items: decisionItems,
};

/** The schemas' version (all the files carry the same): the package's `version`. */
export const OPEN_DATA_VERSION = phases.version;

export function isOpenDataResource(name: string): name is OpenDataResource {
  return (OPEN_DATA_RESOURCES as readonly string[]).includes(name);
}
