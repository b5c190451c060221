// What other features may use of evidence: its module, the service (a status's proof in the status's transaction) and its helpers.
export { EvidenceModule } from './evidence.module';
export { EvidenceService, proofLine, proofOf } from './evidence.service';
export type { Proof } from './evidence.service';
