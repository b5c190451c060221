import { EVIDENCE_BOUNDS, EVIDENCE_KINDS } from '@jalons/domain';
import type { EvidenceKind } from '@jalons/domain';
import { IsIn, ValidateBy, ValidateIf } from 'class-validator';

import { IsText } from './validation';
import type { PersonView } from './views';

/*
 * Evidence (docs/evidence.md): links proving an action or a milestone — a council deliberation, a
 * document, a web page, a data set — added by the item's writers, and carried by a status change
 * (an action terminée, a milestone achieved) when given with it.
 */

export type { EvidenceKind } from '@jalons/domain';

/** One link of an item, newest first in a list. */
export interface EvidenceView {
  id: string;
  itemType: 'action' | 'milestone' | 'decision';
  itemId: string;
  title: string;
  /** http or https */
  url: string;
  kind: EvidenceKind;
  /** who added it (name only); null once that account is gone */
  addedBy: PersonView | null;
  /** ISO instant */
  addedAt: string;
}

const KIND_MESSAGE = (field: string) => `${field} doit valoir l’un de : ${EVIDENCE_KINDS.join(', ')}.`;

/** A web address: http:// or https:// then a host, no space, at most 2,000 characters. */
export function isWebAddress(value: unknown): boolean {
  // the scheme as the table's check reads it (the URL parser also takes HTTPS://, https:/x, http:x)
  if (typeof value !== 'string' || value.length > EVIDENCE_BOUNDS.url || /\s/.test(value) || !/^https?:\/\//.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function IsWebAddress(field: string): PropertyDecorator {
  const message = `${field} doit être une adresse web commençant par http:// ou https:// (${EVIDENCE_BOUNDS.url} caractères au plus).`;
  return ValidateBy({ name: 'isWebAddress', validator: { validate: isWebAddress, defaultMessage: () => message } });
}

/** `POST /api/actions/:id/evidence`, `POST /api/milestones/:id/evidence` */
export class CreateEvidenceDto {
  @IsText(1, EVIDENCE_BOUNDS.title)
  title!: string;

  @IsWebAddress('url')
  url!: string;

  @IsIn(EVIDENCE_KINDS, { message: KIND_MESSAGE('kind') })
  kind!: EvidenceKind;
}

/** The proof fields a status change may carry: none of them, or all three. */
export interface ProofFields {
  proofTitle?: string;
  proofUrl?: string;
  proofKind?: EvidenceKind;
}

/** Whether a body carries a proof (any of its three fields sent, null included). */
export function carriesProof(o: ProofFields): boolean {
  return o.proofTitle !== undefined || o.proofUrl !== undefined || o.proofKind !== undefined;
}

const WhenProof = () => ValidateIf((o: ProofFields) => carriesProof(o));

/** The proof's title: with the other two proof fields, or not at all. */
export function IsProofTitle(): PropertyDecorator {
  return (target, key) => {
    WhenProof()(target, key);
    IsText(1, EVIDENCE_BOUNDS.title)(target, key);
  };
}

export function IsProofUrl(): PropertyDecorator {
  return (target, key) => {
    WhenProof()(target, key);
    IsWebAddress('proofUrl')(target, key);
  };
}

export function IsProofKind(): PropertyDecorator {
  return (target, key) => {
    WhenProof()(target, key);
    IsIn(EVIDENCE_KINDS, { message: KIND_MESSAGE('proofKind') })(target, key);
  };
}
