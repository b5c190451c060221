import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { UpdateActionStatusDto } from './actions.dto';
import { CreateEvidenceDto, isWebAddress } from './evidence.dto';
import { UpdateMilestoneDto } from './milestones.dto';

function refused<T extends object>(cls: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

const link = { title: 'Délibération du 25/06/2026', url: 'https://brest.fr/d.pdf', kind: 'deliberation' };
const proof = { proofTitle: 'Bilan', proofUrl: 'https://brest.fr/b.pdf', proofKind: 'document' };

describe('the evidence DTOs', () => {
  it('accept a link of each kind, and refuse each bad field in French', () => {
    for (const kind of ['deliberation', 'document', 'page-web', 'jeu-de-donnees'])
      expect(refused(CreateEvidenceDto, { ...link, kind })).toEqual({});
    expect(refused(CreateEvidenceDto, { title: ' ', url: 'ftp://x', kind: 'video' })).toEqual({
      title: ['title doit être un texte de 1 à 200 caractères.'],
      url: ['url doit être une adresse web commençant par http:// ou https:// (2000 caractères au plus).'],
      kind: ['kind doit valoir l’un de : deliberation, document, page-web, jeu-de-donnees.'],
    });
  });

  it('read a web address as the table does', () => {
    expect(['https://a.fr', 'http://a.fr/x?y=1#z', `https://a.fr/${'a'.repeat(1987)}`].map(isWebAddress)).toEqual([true, true, true]);
    const bad = [
      'HTTPS://a.fr',
      'https:/a.fr',
      'https://',
      'javascript:alert(1)',
      'https://a.fr/a b',
      `https://a.fr/${'a'.repeat(1988)}`,
      12,
      null,
    ];
    expect(bad.map(isWebAddress)).toEqual(bad.map(() => false));
  });

  it('take a status’s proof whole or not at all', () => {
    const status = { version: 3, status: 'terminee', progress: 100 };
    expect(refused(UpdateActionStatusDto, status)).toEqual({});
    expect(refused(UpdateActionStatusDto, { ...status, ...proof })).toEqual({});
    expect(Object.keys(refused(UpdateActionStatusDto, { ...status, proofTitle: 'Bilan' })).sort()).toEqual(['proofKind', 'proofUrl']);
    expect(Object.keys(refused(UpdateActionStatusDto, { ...status, proofKind: 'document' })).sort()).toEqual(['proofTitle', 'proofUrl']);
    expect(Object.keys(refused(UpdateMilestoneDto, { version: 2, achievedOn: '2026-06-25', ...proof, proofUrl: null }))).toEqual([
      'proofUrl',
    ]);
    expect(refused(UpdateMilestoneDto, { version: 2, achievedOn: '2026-06-25', ...proof })).toEqual({});
  });
});
