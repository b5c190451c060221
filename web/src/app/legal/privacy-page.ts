import type { RetentionConfig } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { loadable } from '../shared/loadable';
import { InstanceService } from './instance.service';
import { LegalValue } from './legal-value';

/** One line of « Quelles données, combien de temps »: what is kept, and until when (the purge's periods, in days). */
interface Held {
  what: string;
  detail: string;
  /** a sentence, or a number of days after the end of use from `retention` */
  kept: string | { days: keyof RetentionConfig; after: string };
}

/** What Jalons holds about a person (spec, « Privacy notice content »); the purge (api/src/app/privacy) enforces the days. */
const HELD: readonly Held[] = [
  {
    what: tKey('Compte'),
    detail: tKey('nom, adresse électronique, rôle, fonctions tenues, dernière connexion, préférences de rappel'),
    kept: tKey('tant que la personne travaille sur la feuille de route ; anonymisé par un·e administrateur·rice après son départ'),
  },
  {
    what: tKey('Sessions'),
    detail: tKey('un cookie de session (jalons_session) et un jeton anti-falsification (XSRF-TOKEN), sans adresse IP'),
    kept: { days: 'sessionsDays', after: tKey('après la fin de la session') },
  },
  {
    what: tKey('Liens d’invitation et de nouveau mot de passe'),
    detail: tKey('l’empreinte du lien, son compte, sa date d’expiration'),
    kept: { days: 'tokensDays', after: tKey('après leur usage ou leur expiration') },
  },
  {
    what: tKey('Historique des modifications'),
    detail: tKey('l’auteur et l’heure de chaque modification d’une action, d’un jalon ou d’une décision'),
    kept: tKey(
      'pour la durée de vie de la feuille de route, mémoire du mandat ; l’anonymisation remplace l’auteur par « Ancien·ne responsable »',
    ),
  },
  {
    what: tKey('Rappels d’échéance'),
    detail: tKey('les rappels montrés dans la cloche'),
    kept: { days: 'notificationsDays', after: tKey('après leur date d’échéance') },
  },
  {
    what: tKey('Courriels'),
    detail: tKey('destinataire, objet et état des courriels envoyés (rappels, résumés, invitations)'),
    kept: { days: 'outboxDays', after: tKey('après leur envoi') },
  },
  {
    what: tKey('Abonnements de calendrier'),
    detail: tKey('les adresses secrètes des calendriers de ses échéances'),
    kept: tKey('jusqu’à leur révocation par la personne'),
  },
  {
    what: tKey('Compteurs de tentatives de connexion'),
    detail: tKey('l’adresse électronique et l’adresse IP des essais manqués, pour freiner les attaques'),
    kept: tKey('le temps de la fenêtre de limitation (15 minutes par défaut)'),
  },
];

/**
 * « Données personnelles » (/donnees-personnelles): the privacy notice — who is responsible, which data and why, for
 * how long (the instance's retention settings), the legal basis, the rights and how to use them, the CNIL.
 */
@Component({
  selector: 'jl-privacy-page',
  imports: [RouterLink, TranslatePipe, LegalValue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './privacy-page.html',
  styleUrl: './legal-page.scss',
})
export class PrivacyPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly api = inject(InstanceService);
  protected readonly instance = loadable(() => this.api.instance());

  /** the table's lines, their periods in days from the instance (« … » while it loads) */
  protected readonly held = computed(() => {
    const t = this.i18n.translate();
    const retention = this.instance.value()?.retention;
    return HELD.map((h) => ({
      what: t(h.what),
      detail: t(h.detail),
      kept:
        typeof h.kept === 'string'
          ? t(h.kept)
          : retention
            ? `${t('{n} jour|{n} jours', { n: retention[h.kept.days] })} ${t(h.kept.after)}`
            : '…',
    }));
  });

  /** whom to write to about one's data: the DPO, else the instance's contact */
  protected readonly contact = computed(() => {
    const legal = this.instance.value()?.legal;
    return legal?.dpoContact ?? legal?.contactEmail ?? null;
  });
  protected readonly contactIsEmail = computed(() => /^[^@\s]+@[^@\s]+$/.test(this.contact() ?? ''));
}
